// Dispatches `goproxyctl <command>`: parses options, prints help, turns errors into one sentence.
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { closestWord } from '../../shared/util/closest.js';
import { resolveCliLang } from './lang.js';
import { COMMANDS } from './registry.js';
import { terminalSafe } from '../../shared/util/terminal-safe.js';
import { EXIT, UsageError, type CliIo, type CliCommand } from './command.js';

const VERSION = '0.1.0';

function globalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `goproxyctl ${VERSION}: benchmark, explain, apply and repair your Go module proxy chain

Usage: goproxyctl <command> [options]

Commands:
${rows}

Every command accepts --json (machine-readable output; errors too), --help and --lang en|zh
(default: the app's language setting, else the OS locale).
\`goproxyctl help <command>\` shows a command's options. \`goproxyctl --version\` (-V, -v) prints the version.
Exit codes: 0 success, 1 the operation failed (e.g. go would fail), 2 bad input.
`;
}

/** Machine-readable failure for `--json`: what a script can branch on, and the sentence a person reads. */
export interface JsonError {
  error: { code: 'usage' | 'failed' | 'interrupted'; exitCode: number; message: string };
}

function errorCode(exitCode: number): JsonError['error']['code'] {
  if (exitCode === EXIT.usage) return 'usage';
  if (exitCode === 130 || exitCode === 143) return 'interrupted';
  return 'failed';
}

/**
 * With --json, a command that fails without printing its own JSON still leaves one JSON object on
 * stdout: `{"error":{"code","exitCode","message"}}`, the message being what it said on stderr
 * (its last line, which it still says there, for people). Commands whose failure output is already JSON (explain's
 * verdict, bench's report) are left alone: anything on stdout means the command answered.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (!argv.includes('--json')) return runCommandLine(argv, io);
  let stdoutUsed = false;
  const said: string[] = [];
  const tracked: CliIo = {
    ...io,
    stdout: new Writable({
      write(chunk: Buffer | string, _enc, done) {
        // done() at once: writes pass straight through in order, none waits in this stream's buffer.
        stdoutUsed = true;
        io.stdout.write(chunk);
        done();
      },
    }),
    stderr: new Writable({
      write(chunk: Buffer | string, _enc, done) {
        said.push(String(chunk));
        io.stderr.write(chunk);
        done();
      },
    }),
  };
  const exitCode = await runCommandLine(argv, tracked);
  if (exitCode !== EXIT.ok && !stdoutUsed) {
    // The last sentence is the command's verdict; earlier lines are progress and warnings.
    const lines = said.join('').split('\n').map((l) => l.trim()).filter(Boolean);
    const message = lines.at(-1) ?? `exit code ${exitCode}`;
    const body: JsonError = { error: { code: errorCode(exitCode), exitCode, message } };
    io.stdout.write(JSON.stringify(body) + '\n');
  }
  return exitCode;
}

async function runCommandLine(argv: string[], io: CliIo): Promise<number> {
  const [first, ...afterFirst] = argv;
  // `goproxyctl help bench` is `goproxyctl bench --help`.
  const [name, ...rest] = first === 'help' && afterFirst[0] && !afterFirst[0].startsWith('-') ? [afterFirst[0], '--help'] : argv;
  if (!name || name === '--help' || name === '-h' || name === 'help' || (name === '--json' && rest.length === 0)) {
    io.stdout.write(globalHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const guess = closestWord(name, Object.keys(COMMANDS));
    const hint = guess ? ` Did you mean \`goproxyctl ${guess}\`?` : ' Run `goproxyctl --help` to list the commands.';
    io.stderr.write(`goproxyctl: unknown command "${name}".${hint}\n`);
    return EXIT.usage;
  }
  let command: CliCommand | undefined;
  try {
    command = await entry.load();
    const parsed = parseArgs({
      args: rest,
      options: {
        ...command.options,
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        lang: { type: 'string' },
      },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
      return EXIT.ok;
    }
    return await command.run(parsed, { ...io, lang: await resolveCliLang(parsed.values.lang, io.env) });
  } catch (err) {
    return reportError(err, name, command, io);
  }
}

function reportError(err: unknown, name: string, command: CliCommand | undefined, io: CliIo): number {
  const code = (err as { code?: string }).code;
  if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    // Messages may quote a file's or a server's text: never let it drive the terminal.
    const msg = terminalSafe((err as Error).message.replace(/\s+/g, ' ').trim());
    const guess = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && command ? optionGuess(msg, command) : null;
    const hint = guess ? ` Did you mean --${guess}?` : command ? ` Run \`goproxyctl ${name} --help\` for usage.` : '';
    io.stderr.write(`goproxyctl ${name}: ${msg}${msg.endsWith('.') ? '' : '.'}${err instanceof UsageError ? '' : hint}\n`);
    return EXIT.usage;
  }
  if ((err as Error)?.name === 'AbortError') {
    io.stderr.write(`goproxyctl ${name}: interrupted.\n`);
    // The shell's convention, 128 + the signal's number: 130 for Ctrl-C (SIGINT), 143 for SIGTERM.
    return /SIGTERM/.test(String((io.signal.reason as Error | undefined)?.message)) ? 143 : 130;
  }
  // An unexpected failure is still one sentence; the stack is shown only on request.
  io.stderr.write(`goproxyctl ${name}: ${terminalSafe((err as Error)?.message ?? String(err))}\n`);
  if (io.env.GOPROXYCTL_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  return EXIT.failed;
}

/** For "Unknown option '--modul'": the command's option it most likely meant. */
function optionGuess(message: string, command: CliCommand): string | null {
  const typed = /'--?([^'=]+)/.exec(message)?.[1];
  if (!typed) return null;
  return closestWord(typed, [...Object.keys(command.options), 'json', 'help']);
}
