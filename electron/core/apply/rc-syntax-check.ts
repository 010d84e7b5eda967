// The shell itself as the judge of an rc edit: `bash -n`, `zsh -n` and `fish --no-execute` read
// the file's bytes from stdin and parse them without running anything. An edit is refused when
// the file parsed before and does not after (a file that was already broken is not our doing,
// and refusing to touch it would leave the user with no way to apply). No temporary file: the
// bytes go through a pipe.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { execFile } from 'node:child_process';
import { findOnPath } from '../system/find-on-path.js';

export type CheckingShell = 'bash' | 'zsh' | 'fish';

export interface ShellVerdict {
  accepted: boolean;
  /** The shell's first complaint, when it rejects the file. */
  message: string;
}

const ARGS: Record<CheckingShell, string[]> = { bash: ['-n'], zsh: ['-n'], fish: ['--no-execute'] };

/** Whether `shell` parses these bytes; null when that shell is not installed (nothing to ask). */
export function shellAccepts(shell: CheckingShell, bytes: Uint8Array, env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<ShellVerdict | null> {
  const bin = findOnPath(shell, env);
  if (bin === null) return Promise.resolve(null);
  // fish refuses to read a script from a socket, which is what Node gives a child as stdin: a
  // real pipe (through sh and cat) feeds it instead.
  const [file, args] = shell === 'fish' ? ['/bin/sh', ['-c', 'cat | exec "$0" "$@"', bin, ...ARGS.fish]] : [bin, ARGS[shell]];
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: { PATH: env.PATH, HOME: env.HOME, LANG: 'C' }, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
      if (!err) resolve({ accepted: true, message: '' });
      else if (err.killed) resolve(null); // no verdict in time: do not block on it
      else resolve({ accepted: false, message: String(stderr).split('\n').find((l) => l.trim() !== '')?.trim() ?? `${shell} exited with ${String(err.code)}` });
    });
    child.stdin?.on('error', () => undefined); // the shell may stop reading early
    child.stdin?.end(Buffer.from(bytes));
  });
}

/**
 * The reason an rc edit must not be written, or null: `after` is rejected by the shell that reads
 * the file while `before` (absent, or the file as it is) was accepted.
 */
export async function rcEditRefusalMessage(file: string, shell: CheckingShell, before: Uint8Array | null, after: Uint8Array, env: NodeJS.ProcessEnv): Promise<Message | null> {
  const verdict = await shellAccepts(shell, after, env);
  if (verdict === null || verdict.accepted) return null;
  const was = before === null || before.length === 0 ? { accepted: true, message: '' } : await shellAccepts(shell, before, env);
  if (was !== null && !was.accepted) return null;
  // The shell's own complaint is quoted as it printed it.
  return msg('apply.refusal.rc-unreadable', { file, shell, said: verdict.message });
}

/** The same refusal in English, for the doctor's fixes (which pass sentences around). */
export async function rcEditRefusal(file: string, shell: CheckingShell, before: Uint8Array | null, after: Uint8Array, env: NodeJS.ProcessEnv): Promise<string | null> {
  const refusal = await rcEditRefusalMessage(file, shell, before, after, env);
  return refusal && render('en', refusal);
}

/** The shell that reads a startup file of this kind, when one can check it. */
export function checkingShellFor(shell: string): CheckingShell | null {
  return shell === 'bash' || shell === 'zsh' || shell === 'fish' ? shell : null;
}
