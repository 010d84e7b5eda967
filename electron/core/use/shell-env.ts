// The environment a new interactive shell ends up with after reading its startup files: what a
// terminal (and every tool started from it) passes to go. The rc files may print anything, so the
// environment is read after a marker; a hung rc file (a `tmux attach`, a prompt) is cut off.
import { execFile } from 'node:child_process';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

// Printed by the shell between whatever the rc files printed and the environment.
const MARKER = '__GOPROXYCTL_ENV_BEGIN__';

export type TerminalShell = 'bash' | 'zsh' | 'fish';

export interface ShellEnvResult {
  env: NodeJS.ProcessEnv | null;
  /** Why the environment could not be read, when env is null (English; errorMessage for a person's language). */
  error: string | null;
  errorMessage: Message | null;
  /** What the shell wrote to stderr while starting (e.g. "env.sh\r: No such file or directory"). */
  stderr: string;
}

/**
 * Runs `bash --rcfile <rc> -i -c ...` (interactive, so the usual "not interactive: return" guard at
 * the top of a .bashrc does not skip the rest), with stdin closed, and returns its environment.
 */
export function bashEnvAfter(bash: string, rcFile: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<ShellEnvResult> {
  return shellEnvAfter('bash', bash, env, { rcFile, timeoutMs });
}

/**
 * A new terminal of `shell`: bash reads `rcFile` (default ~/.bashrc), zsh reads $ZDOTDIR (or
 * $HOME)/.zshenv and .zshrc, fish reads config.fish and conf.d under $XDG_CONFIG_HOME (or
 * ~/.config). All three run interactively where that changes what the startup files do.
 */
export function shellEnvAfter(shell: TerminalShell, bin: string, env: NodeJS.ProcessEnv, opts: { rcFile?: string; timeoutMs?: number } = {}): Promise<ShellEnvResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const script = `printf '%s' ${MARKER}; exec env -0`;
  const args =
    shell === 'bash' ? [...(opts.rcFile ? ['--rcfile', opts.rcFile] : []), '-i', '-c', script] : shell === 'zsh' ? ['-i', '-c', script] : ['--interactive', '-c', script];
  const what = opts.rcFile ?? msg('apply.verify.startup-files-of', { shell });
  return new Promise((resolve) => {
    const child = execFile(bin, args, { env, timeout: timeoutMs, maxBuffer: 8 << 20, encoding: 'buffer' }, (err, stdout, stderrBytes) => {
      const text = stdout.toString('utf8');
      const stderr = stderrBytes.toString('utf8');
      const at = text.lastIndexOf(MARKER);
      if (at < 0) {
        // The OS's own error text (a failed exec) is quoted as it was printed.
        const why = err ? (err.killed ? msg('apply.verify.stopped-after', { ms: timeoutMs }) : (err.message.split('\n')[0] ?? '')) : msg('apply.verify.no-env');
        const errorMessage = msg('apply.verify.shell-unfinished', { shell, what, why });
        resolve({ env: null, error: render('en', errorMessage), errorMessage, stderr });
        return;
      }
      resolve({ env: parseEnv0(text.slice(at + MARKER.length)), error: null, errorMessage: null, stderr });
    });
    child.stdin?.end();
  });
}

/** `env -0` output to an object. */
export function parseEnv0(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
