// The environment a new interactive bash ends up with after reading a startup file: what a
// terminal (and every tool started from it) passes to go. The rc file may print anything, so the
// environment is read after a marker; a hung rc file (a `tmux attach`, a prompt) is cut off.
import { execFile } from 'node:child_process';

// Printed by bash between whatever the rc file printed and the environment.
const MARKER = '__GOPROXYCTL_ENV_BEGIN__';

export interface ShellEnvResult {
  env: NodeJS.ProcessEnv | null;
  /** Why the environment could not be read, when env is null. */
  error: string | null;
}

/**
 * Runs `bash --rcfile <rc> -i -c ...` (interactive, so the usual "not interactive: return" guard at
 * the top of a .bashrc does not skip the rest), with stdin closed, and returns its environment.
 */
export function bashEnvAfter(bash: string, rcFile: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<ShellEnvResult> {
  return new Promise((resolve) => {
    const child = execFile(
      bash,
      ['--rcfile', rcFile, '-i', '-c', `printf '%s' ${MARKER}; exec env -0`],
      { env, timeout: timeoutMs, maxBuffer: 8 << 20, encoding: 'buffer' },
      (err, stdout) => {
        const text = stdout.toString('utf8');
        const at = text.lastIndexOf(MARKER);
        if (at < 0) {
          resolve({ env: null, error: err ? `bash did not finish reading ${rcFile} (${err.killed ? `stopped after ${timeoutMs} ms` : err.message.split('\n')[0]})` : `bash printed no environment after reading ${rcFile}` });
          return;
        }
        resolve({ env: parseEnv0(text.slice(at + MARKER.length)), error: null });
      },
    );
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
