// Whether a file-system error means "there is nothing at that path": ENOENT, or ENOTDIR when a
// component of the path is a file (reading ~/.config/go/env when ~/.config is a file). Callers
// treat it as "absent" and let every other error (EACCES, EIO ...) through.
export function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
