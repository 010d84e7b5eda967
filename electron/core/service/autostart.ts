// Launch at login on Linux: an XDG autostart entry ($XDG_CONFIG_HOME/autostart/*.desktop), as
// desktop environments read it. macOS and Windows use Electron's setLoginItemSettings instead.
import { readFile, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export const AUTOSTART_FILE = 'goproxyctl.desktop';

export function autostartPath(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'autostart', AUTOSTART_FILE);
}

/**
 * One Exec argument, quoted as the Desktop Entry spec requires: reserved characters force double
 * quotes, inside which " ` $ \ are backslash-escaped; then the value itself escapes \ as \\ and
 * field codes' % as %%.
 */
export function execArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('an autostart command cannot contain a line break');
  const quoted = /^[A-Za-z0-9_\-./=:+,@]+$/.test(arg) ? arg : `"${arg.replace(/[`"$\\]/g, (c) => `\\${c}`)}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function desktopEntry(opts: { name: string; comment: string; command: string[] }): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${opts.name}`,
    `Comment=${opts.comment}`,
    `Exec=${opts.command.map(execArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function enableAutostart(env: NodeJS.ProcessEnv, entry: string): Promise<void> {
  const file = autostartPath(env);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, entry, { mode: 0o644 });
}

export async function disableAutostart(env: NodeJS.ProcessEnv): Promise<void> {
  await rm(autostartPath(env), { force: true });
}

export async function isAutostartEnabled(env: NodeJS.ProcessEnv): Promise<boolean> {
  const text = await readFile(autostartPath(env), 'utf8').catch(() => null);
  return text !== null && !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
}

/**
 * Launch at login for headless mode (`goproxyctl serve`): an XDG autostart entry on Linux that
 * runs the same CLI's `serve --no-open`; elsewhere (or without a known CLI) none, and the
 * setting says so instead of pretending. The Electron app passes its own (login-item.ts).
 * `command` is how to run this CLI again (cli-install/self-command.ts): the launcher when the
 * CLI runs on the app's binary, which would otherwise start the tray app instead of `serve`.
 */
export function headlessLoginItem(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, command: readonly string[]): { isEnabled(): Promise<boolean>; setEnabled(enabled: boolean): Promise<void> } | null {
  if (platform !== 'linux' || command.length === 0) return null;
  return {
    isEnabled: () => isAutostartEnabled(env),
    setEnabled: (enabled) =>
      enabled
        ? enableAutostart(env, desktopEntry({ name: 'GoProxy Control', comment: 'Keeps your Go module proxy configuration fast and correct', command: [...command, 'serve', '--no-open'] }))
        : disableAutostart(env),
  };
}
