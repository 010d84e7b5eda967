// Windows: programs started from Explorer (IDEs, new terminals) read the user's environment from
// the registry (HKCU\Environment), not from any rc file, so on Windows an apply also writes the Go
// variables there. We use reg.exe, which calls the registry API (RegSetValueEx) directly, rather
// than setx, which truncates values at 1024 characters and cannot delete. Values are passed as
// separate argv entries (no shell, no quoting by us). reg.exe does not announce the change, so
// afterwards we ask PowerShell to broadcast WM_SETTINGCHANGE the documented way
// ([Environment]::SetEnvironmentVariable on the User scope; we delete a name that never exists),
// so that Explorer passes the new values to programs it starts. The command runner is injected so
// this code path is tested with a fake runner on Linux; it runs only on Windows in real use.
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

const KEY = 'HKCU\\Environment';
const BROADCAST_SCRIPT = "[Environment]::SetEnvironmentVariable('GOPROXYCTL_SETTINGCHANGE', $null, 'User')";

/** Current values (null: not set) of the named user variables. */
export async function readWindowsUserEnv(names: readonly string[], runner: CommandRunner): Promise<Record<string, string | null>> {
  const values: Record<string, string | null> = {};
  for (const name of names) {
    const result = await runner('reg', ['query', KEY, '/v', name]);
    // reg query exits 1 when the value does not exist.
    values[name] = result.code === 0 ? parseRegQueryValue(result.stdout, name) : null;
  }
  return values;
}

/** Parses `reg query` output: "    NAME    REG_SZ    value" (four-space separators). */
export function parseRegQueryValue(stdout: string, name: string): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const prefix = `    ${name}    `;
    if (!line.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const rest = line.slice(prefix.length);
    const match = /^(REG_SZ|REG_EXPAND_SZ) {4}(.*)$/.exec(rest) ?? /^(REG_SZ|REG_EXPAND_SZ)$/.exec(rest);
    if (match) return match[2] ?? '';
  }
  return null;
}

/** Sets (or, for null, deletes) user variables; returns the previous values for undo. */
export async function writeWindowsUserEnv(
  vars: Readonly<Record<string, string | null>>,
  runner: CommandRunner,
): Promise<{ name: string; before: string | null }[]> {
  const previous = await readWindowsUserEnv(Object.keys(vars), runner);
  const changed: { name: string; before: string | null }[] = [];
  for (const [name, value] of Object.entries(vars)) {
    const before = previous[name] ?? null;
    if (before === value) continue;
    await setOrDelete(name, value, runner);
    changed.push({ name, before });
  }
  if (changed.length > 0) await broadcastChange(runner);
  return changed;
}

export async function restoreWindowsUserEnv(previous: readonly { name: string; before: string | null }[], runner: CommandRunner): Promise<void> {
  for (const { name, before } of previous) await setOrDelete(name, before, runner);
  if (previous.length > 0) await broadcastChange(runner);
}

async function setOrDelete(name: string, value: string | null, runner: CommandRunner): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a valid environment variable name`);
  const args = value === null ? ['delete', KEY, '/v', name, '/f'] : ['add', KEY, '/v', name, '/t', 'REG_SZ', '/d', value, '/f'];
  const result = await runner('reg', args);
  // Deleting a value that is already gone is success for us.
  if (result.code !== 0 && !(value === null && /unable to find/i.test(result.stderr))) {
    throw new Error(`could not ${value === null ? 'remove' : 'set'} the Windows user variable ${name}: ${result.stderr.trim() || `reg exited with ${result.code}`}`);
  }
}

async function broadcastChange(runner: CommandRunner): Promise<void> {
  // Best effort: the values are already stored; without the broadcast they apply after sign-in.
  await runner('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', BROADCAST_SCRIPT]).catch(() => undefined);
}
