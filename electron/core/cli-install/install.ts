// "Install command-line tool": puts `goproxyctl` on PATH by linking the app's launcher
// (launcher.ts) into a directory the user's shells search, the way VS Code installs `code`:
//   Linux    a symlink in ~/.local/bin (the per-user bin directory of the XDG layout, on PATH in
//            most distributions' default profiles; the status says when it is not);
//   macOS    a symlink in /usr/local/bin (on PATH by default; when it is not writable the error
//            gives the one sudo command that does the same);
//   Windows  the launcher's directory appended to the user's Path (HKCU\Environment, through
//            windows-user-env.ts), since Windows has no per-user bin directory and no symlinks
//            without privileges.
// Uninstall removes exactly what install made: a symlink to our launcher, or our Path entry;
// anything else at that place (another goproxyctl, a file of the user's) is left alone.
import { lstatSync, readlinkSync } from 'node:fs';
import { lstat, mkdir, readFile, readlink, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { CliToolView } from '../../../shared/contract/responses.js';
import { homeDir, type ProductDirs } from '../apply/product-dirs.js';
import { readWindowsUserEnv, writeWindowsUserEnv, type CommandRunner } from '../apply/windows-user-env.js';
import { envValue } from '../system/find-on-path.js';
import { isMissing } from '../system/is-missing.js';
import { isOurLauncher, launcherFileName } from './launcher.js';

export class CliInstallError extends Error {}

export interface CliInstallHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  dirs: ProductDirs;
  /** reg.exe and powershell.exe on Windows (electron/core/use/windows-runner.ts); tests pass a fake. */
  runner: CommandRunner;
}

function pathOf(platform: NodeJS.Platform): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The launcher the app keeps up to date: <data dir>/bin/goproxyctl (goproxyctl.cmd on Windows). */
export function launcherPath(dirs: ProductDirs, platform: NodeJS.Platform): string {
  return pathOf(platform).join(dirs.data, 'bin', launcherFileName(platform));
}

/** Where install puts `goproxyctl`: the symlink (POSIX) or the directory added to Path (Windows). */
export function installTarget(host: Pick<CliInstallHost, 'env' | 'platform' | 'dirs'>): { kind: 'symlink' | 'path-entry'; path: string; dir: string } {
  const p = pathOf(host.platform);
  if (host.platform === 'win32') {
    const dir = p.dirname(launcherPath(host.dirs, host.platform));
    return { kind: 'path-entry', path: dir, dir };
  }
  const dir = host.platform === 'darwin' ? '/usr/local/bin' : p.join(homeDir(host.env, host.platform), '.local', 'bin');
  return { kind: 'symlink', path: p.join(dir, 'goproxyctl'), dir };
}

/** Whether `dir` is one of the PATH entries (case-insensitively and either slash on Windows). */
export function isOnPath(dir: string, pathValue: string | undefined, platform: NodeJS.Platform): boolean {
  const p = pathOf(platform);
  const norm = (d: string) => {
    const n = p.normalize(d.trim().replace(/^"(.*)"$/, '$1')).replace(/[\\/]+$/, '');
    return platform === 'win32' ? n.toLowerCase() : n;
  };
  const want = norm(dir);
  return (pathValue ?? '').split(platform === 'win32' ? ';' : ':').some((entry) => entry.trim() !== '' && norm(entry) === want);
}

type LinkState = { kind: 'absent' } | { kind: 'ours' } | { kind: 'other'; what: string };

/** What is at the symlink's place: nothing, a link to one of our launchers, or something else. */
async function linkState(target: string, launcher: string): Promise<LinkState> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (err) {
    if (isMissing(err)) return { kind: 'absent' };
    throw err;
  }
  if (!stat.isSymbolicLink()) return { kind: 'other', what: 'a file that is not a link to GoProxy Control' };
  const to = path.resolve(path.dirname(target), await readlink(target));
  if (to === launcher) return { kind: 'ours' };
  // A link to another copy of our launcher (the app's data directory moved): still ours to replace.
  const text = await readFile(to, 'utf8').catch(() => null);
  return text !== null && isOurLauncher(text) ? { kind: 'ours' } : { kind: 'other', what: `a link to ${to}` };
}

async function windowsPathEntries(host: CliInstallHost): Promise<string | null> {
  return (await readWindowsUserEnv(['Path'], host.runner)).Path ?? null;
}

export async function cliToolStatus(host: CliInstallHost, launcher: string): Promise<Omit<CliToolView, 'available' | 'unavailable' | 'launcherProblem'>> {
  const target = installTarget(host);
  const onPath = isOnPath(target.dir, envValue(host.env, 'PATH', host.platform), host.platform);
  if (target.kind === 'path-entry') {
    const userPath = await windowsPathEntries(host);
    const installed = isOnPath(target.dir, userPath ?? '', host.platform);
    // New terminals read the user Path from the registry: being in it is being on PATH for them.
    return { launcher, target: target.path, installed, onPath: installed || onPath, conflict: null };
  }
  const state = await linkState(target.path, launcher);
  return { launcher, target: target.path, installed: state.kind === 'ours', onPath, conflict: state.kind === 'other' ? state.what : null };
}

export async function installCliTool(host: CliInstallHost, launcher: string): Promise<void> {
  const target = installTarget(host);
  if (target.kind === 'path-entry') {
    const current = await windowsPathEntries(host);
    if (current !== null && isOnPath(target.dir, current, host.platform)) return;
    // The user Path is usually REG_EXPAND_SZ (%USERPROFILE%\...); reg.exe add writes REG_SZ, which
    // would stop those entries from expanding. Rather than break them, ask for the manual step.
    if (current !== null && current.includes('%'))
      throw new CliInstallError(
        `your user Path uses %VARIABLES%, which this installer cannot keep expandable: add ${target.dir} to Path yourself (Settings → System → About → Advanced system settings → Environment Variables)`,
      );
    await writeWindowsUserEnv({ Path: current ? `${current.replace(/;+$/, '')};${target.dir}` : target.dir }, host.runner);
    return;
  }
  const state = await linkState(target.path, launcher);
  if (state.kind === 'other') throw new CliInstallError(`${target.path} already exists (${state.what}): remove it first if you want GoProxy Control's goproxyctl there`);
  if (state.kind === 'ours') await unlink(target.path);
  try {
    await mkdir(target.dir, { recursive: true });
    await symlink(launcher, target.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new CliInstallError(`${target.dir} is not writable for you: run  sudo mkdir -p ${target.dir} && sudo ln -sf '${launcher.replace(/'/g, `'\\''`)}' ${target.path}  in a terminal to install it there`);
    throw err;
  }
}

/** Removes what install made; returns false when there was nothing of ours to remove. */
export async function uninstallCliTool(host: CliInstallHost, launcher: string): Promise<boolean> {
  const target = installTarget(host);
  if (target.kind === 'path-entry') {
    const current = await windowsPathEntries(host);
    if (current === null || !isOnPath(target.dir, current, host.platform)) return false;
    if (current.includes('%')) throw new CliInstallError(`your user Path uses %VARIABLES%, which this installer cannot keep expandable: remove ${target.dir} from Path yourself`);
    const kept = current.split(';').filter((entry) => entry.trim() !== '' && !isOnPath(target.dir, entry, host.platform));
    await writeWindowsUserEnv({ Path: kept.length > 0 ? kept.join(';') : null }, host.runner);
    return true;
  }
  if ((await linkState(target.path, launcher)).kind !== 'ours') return false;
  try {
    await unlink(target.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new CliInstallError(`${target.dir} is not writable for you: run  sudo rm ${target.path}  in a terminal`);
    throw err;
  }
  return true;
}

/**
 * How go runs goproxyctl as the GOAUTH helper: one path without a space, because go splits GOAUTH's
 * command into words (cmd/go/internal/auth/userauth.go, runAuthCommand). The app's launcher
 * when its path has no space, else the installed link (macOS keeps the launcher under
 * "Application Support"), else nothing and the apply notes why.
 */
export function helperArgvFor(launcher: string, installed: string | null): string[] {
  for (const candidate of [launcher, installed]) if (candidate !== null && !/\s/.test(candidate)) return [candidate];
  return [];
}

/** The installed link when it is one to `launcher` (POSIX; Windows installs a Path entry, not a link). */
export function installedLink(host: Pick<CliInstallHost, 'env' | 'platform' | 'dirs'>, launcher: string): string | null {
  const target = installTarget(host);
  if (target.kind !== 'symlink') return null;
  try {
    if (!lstatSync(target.path).isSymbolicLink()) return null;
    return path.resolve(path.dirname(target.path), readlinkSync(target.path)) === launcher ? target.path : null;
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}
