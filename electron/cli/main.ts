// `goproxyctl`: the command-line face of electron/core. Entry point only; see run.ts.
import { runCli } from './run.js';
import { render } from '../../shared/i18n/catalog.js';
import { msg } from '../../shared/i18n/message.js';
import { langFlagIn } from './args.js';
import { chooseLang, localeOfCli } from './lang.js';

/** The language of the last-resort "interrupted": --lang, else the OS locale (no time to read the settings then). */
function lastResortLocale(): ReturnType<typeof localeOfCli> {
  try {
    return localeOfCli(chooseLang(langFlagIn(process.argv.slice(2)), null, process.env));
  } catch {
    return 'en';
  }
}

const controller = new AbortController();
// `on`, not `once`: while a listener stays registered, signal-exit (inside proper-lockfile) does not
// re-raise the signal, so a command holding a lock still gets to clean up (locks, child processes).
// The first signal asks the command to stop; a second one means "now", and so does the end of a
// short grace period: a signal always ends the command, even one stuck in a call that cannot be
// aborted. Exiting runs the 'exit' hooks (the lock's release, atomicWrite's temp-file cleanup),
// and an apply cut short is left "pending" in the journal, which undo restores.
const GRACE_MS = 5_000;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    const code = sig === 'SIGINT' ? 130 : 143;
    if (controller.signal.aborted) process.exit(code);
    controller.abort(new DOMException(`interrupted by ${sig}`, 'AbortError'));
    setTimeout(() => {
      process.stderr.write(`goproxyctl: ${render(lastResortLocale(), msg('cli.error.interrupted'))}\n`);
      process.exit(code);
    }, GRACE_MS).unref();
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
