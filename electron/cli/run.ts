// Dispatches `goproxyctl <command>`: parses options, prints help, turns errors into one sentence.
import { parseArgs } from 'node:util';
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

Every command accepts --json (machine-readable output) and --help.
Exit codes: 0 success, 1 the operation failed (e.g. go would fail), 2 bad input.
`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(globalHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`goproxyctl: unknown command "${name}"; run \`goproxyctl --help\` to list the commands.\n`);
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
      },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
      return EXIT.ok;
    }
    return await command.run(parsed, io);
  } catch (err) {
    return reportError(err, name, command, io);
  }
}

function reportError(err: unknown, name: string, command: CliCommand | undefined, io: CliIo): number {
  const code = (err as { code?: string }).code;
  if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    // Messages may quote a file's or a server's text: never let it drive the terminal.
    const msg = terminalSafe((err as Error).message.replace(/\s+/g, ' ').trim());
    const hint = command ? ` Run \`goproxyctl ${name} --help\` for usage.` : '';
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
