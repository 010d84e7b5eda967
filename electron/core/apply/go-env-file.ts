// The go env file's format, as cmd/go/internal/envcmd.updateEnvFile rewrites it, for machines
// without go: the result is byte-for-byte what `go env -w` / `go env -u` would have written
// (checked against the real go in the tests), so it is right when go is installed later.
// go's rules: split after "\n" (a missing final newline is added); a line's key is the text
// before its first "=" unless that text contains "#"; only the last copy of a duplicated key is
// kept; -w replaces a key's line in place or appends "KEY=VALUE\n"; -u blanks the line; then each
// run of KEY=VALUE lines (runs end at comments, blank, invalid or removed lines) is sorted by key.
// Unknown lines keep their bytes and their place. Works on bytes (Latin-1 strings), never UTF-8.

export function goEnvWrite(file: Uint8Array | null, set: Readonly<Record<string, string>>): Buffer {
  return updateEnvFile(file, new Map(Object.entries(set).map(([k, v]) => [k, bytesOf(v)])), new Set());
}

export function goEnvUnset(file: Uint8Array | null, names: readonly string[]): Buffer | null {
  // `go env -u` fails when the file does not exist ("reading go env config"): nothing to unset.
  if (file === null) return null;
  return updateEnvFile(file, new Map(), new Set(names));
}

/** Both steps in go's order: one `go env -w` for the values, then one `go env -u` for the nulls. */
export function goEnvApply(file: Uint8Array | null, vars: Readonly<Record<string, string | null>>): Buffer | null {
  const set: Record<string, string> = {};
  const unset: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    if (value === null) unset.push(name);
    else set[name] = value;
  }
  let current: Buffer | null = file === null ? null : Buffer.from(file);
  if (Object.keys(set).length > 0) current = goEnvWrite(current, set);
  if (unset.length > 0 && current !== null) current = goEnvUnset(current, unset);
  return current;
}

function updateEnvFile(file: Uint8Array | null, add: Map<string, string>, del: Set<string>): Buffer {
  const lines = splitAfterNewline(file === null ? '' : Buffer.from(file).toString('latin1'));
  const prev = new Map<string, number>();
  lines.forEach((line, i) => {
    const key = lineToKey(line);
    if (key === '') return;
    const p = prev.get(key);
    if (p !== undefined) lines[p] = '';
    prev.set(key, i);
  });
  const appended: [string, string][] = [];
  for (const [key, val] of add) {
    const p = prev.get(key);
    if (p !== undefined) lines[p] = `${key}=${val}\n`;
    else appended.push([key, val]);
  }
  for (const [key, val] of appended) lines.push(`${key}=${val}\n`);
  for (const key of del) {
    const p = prev.get(key);
    if (p !== undefined) lines[p] = '';
  }
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lineToKey(lines[i] ?? '') === '') {
      sortRun(lines, start, i);
      start = i + 1;
    }
  }
  return Buffer.from(lines.join(''), 'latin1');
}

function splitAfterNewline(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start) + '\n');
  return lines;
}

export function lineToKey(line: string): string {
  const i = line.indexOf('=');
  if (i < 0 || line.slice(0, i).includes('#')) return '';
  return line.slice(0, i);
}

function sortRun(lines: string[], from: number, to: number): void {
  // Keys in a run are unique (duplicates were blanked, and a blank line ends a run), so any
  // correct sort gives go's order. Go compares bytes; Latin-1 strings compare the same way.
  const run = lines.slice(from, to).sort((a, b) => {
    const ka = lineToKey(a);
    const kb = lineToKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  lines.splice(from, run.length, ...run);
}

/** A value as go writes it: its UTF-8 bytes, carried in a Latin-1 string. */
function bytesOf(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}
