// `goproxyctl`: the command-line face of electron/core. Entry point only; see run.ts.
import { runCli } from './run.js';

const controller = new AbortController();
// `on`, not `once`: while a listener stays registered, signal-exit (inside proper-lockfile) does not
// re-raise the signal, so a command holding a lock still gets to clean up (locks, child processes).
// The first signal asks the command to stop; a second one means "now".
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (controller.signal.aborted) process.exit(sig === 'SIGINT' ? 130 : 143);
    controller.abort();
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
