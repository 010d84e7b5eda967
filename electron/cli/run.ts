// Dispatches `goproxyctl <command>`: parses options, prints help, turns errors into one sentence,
// all in the user's language (--lang, before or after the command; else the app's setting or the OS).
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { closestWord } from '../../shared/util/closest.js';
import { render } from '../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../shared/i18n/message.js';
import { localeOfCli, resolveCliLang, type CliLang } from './lang.js';
import { COMMANDS, type CommandEntry } from './registry.js';
import { terminalSafe } from '../../shared/util/terminal-safe.js';
import { EXIT, UsageError, type CliIo, type ParsedArgs } from './command.js';
import { GLOBAL_OPTIONS, langFlagIn, parseErrorSentence, splitCommandLine, unknownOptionSentence, type CommandLine } from './args.js';
import { VERSION, commandHelp, globalHelp, parserOptions, valueName } from './help.js';

/** Machine-readable failure for `--json`: what a script can branch on, and the sentence a person reads. */
export interface JsonError {
  error: {
    code: 'usage' | 'failed' | 'interrupted';
    exitCode: number;
    /** The sentence, in the command's language. */
    message: string;
    /** The same sentence as a message (id and values), when goproxyctl itself said it. */
    messageMessage?: Message;
  };
}

/** How a command line ended: its exit code, and the sentence it failed with, if run.ts said it. */
interface Outcome {
  exitCode: number;
  locale: Locale;
  failure?: { text: string; message?: Message };
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
  if (!argv.includes('--json')) return (await runCommandLine(argv, io)).exitCode;
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
  const { exitCode, locale, failure } = await runCommandLine(argv, tracked);
  if (exitCode !== EXIT.ok && !stdoutUsed) {
    // The last sentence is the command's verdict; earlier lines are progress and warnings.
    const lines = said.join('').split('\n').map((l) => l.trim()).filter(Boolean);
    const message = failure?.text ?? lines.at(-1) ?? render(locale, msg('cli.error.exit-code', { code: exitCode }));
    const body: JsonError = { error: { code: errorCode(exitCode), exitCode, message, ...(failure?.message ? { messageMessage: failure.message } : {}) } };
    io.stdout.write(JSON.stringify(body) + '\n');
  }
  return exitCode;
}

/** The language for this run, or the bad --lang's error together with the language to say it in. */
async function languageOf(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<{ lang: CliLang; error?: UsageError }> {
  try {
    return { lang: await resolveCliLang(flag, env) };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { lang: await resolveCliLang(undefined, env), error: err };
  }
}

async function runCommandLine(argv: string[], io: CliIo): Promise<Outcome> {
  const line = splitCommandLine(argv);
  if (line.name === undefined || line.unknownOption !== undefined) return runWithoutCommand(line, io);
  const entry = Object.hasOwn(COMMANDS, line.name) ? COMMANDS[line.name] : undefined;
  if (!entry) return unknownCommand(line.name, line.args, io);
  return runCommand(line.name, entry, line.args, io);
}

/** `goproxyctl`, `goproxyctl --help`, `help`, `--version`, with --lang: the global help, or what is wrong before the command. */
async function runWithoutCommand(line: CommandLine, io: CliIo): Promise<Outcome> {
  if (line.lang === '' && line.unknownOption === undefined) {
    const locale = localeOfCli((await languageOf(undefined, io.env)).lang);
    const hint = msg('cli.error.see-help', { command: 'goproxyctl --help' });
    return fail(io, locale, 'goproxyctl', msg('cli.error.with-hint', { error: msg('cli.error.missing-value', { option: '--lang', value: 'en|zh' }), hint }), EXIT.usage);
  }
  const { lang, error } = await languageOf(line.lang, io.env);
  const locale = localeOfCli(lang);
  if (error) return fail(io, locale, 'goproxyctl', error.detail ?? msg('cli.error.bad-arguments'), EXIT.usage);
  if (line.unknownOption !== undefined) {
    return fail(io, locale, 'goproxyctl', unknownOptionSentence(line.unknownOption, GLOBAL_OPTIONS, 'goproxyctl --help'), EXIT.usage);
  }
  io.stdout.write(line.version ? `${VERSION}\n` : globalHelp(locale));
  return { exitCode: EXIT.ok, locale };
}

async function unknownCommand(name: string, args: readonly string[], io: CliIo): Promise<Outcome> {
  const { lang } = await languageOf(langFlagIn(args), io.env);
  const guess = closestWord(name, Object.keys(COMMANDS));
  const sentence = msg('cli.error.with-hint', {
    error: msg('cli.error.unknown-command', { name }),
    hint: guess ? msg('cli.error.did-you-mean-command', { command: `goproxyctl ${guess}` }) : msg('cli.error.list-commands', { command: 'goproxyctl --help' }),
  });
  return fail(io, localeOfCli(lang), 'goproxyctl', sentence, EXIT.usage);
}

async function runCommand(name: string, entry: CommandEntry, args: string[], io: CliIo): Promise<Outcome> {
  let locale: Locale = 'en';
  try {
    const command = await entry.load();
    const options = parserOptions(command);
    const allowPositionals = command.allowPositionals ?? false;
    let parsed: ParsedArgs;
    try {
      // The options are only known at run time, so parseArgs types a multiple option's values as
      // string | boolean; each option has one type, so they are string[] or boolean[] (FlagValue).
      parsed = parseArgs({ args, options, allowPositionals, strict: true }) as ParsedArgs;
    } catch (err) {
      if (!String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw err;
      locale = localeOfCli((await languageOf(langFlagIn(args), io.env)).lang);
      const sentence = parseErrorSentence(args, options, allowPositionals, name, (option) => valueName(command, option));
      return fail(io, locale, `goproxyctl ${name}`, sentence, EXIT.usage);
    }
    const { lang, error } = await languageOf(typeof parsed.values.lang === 'string' ? parsed.values.lang : undefined, io.env);
    locale = localeOfCli(lang);
    if (error) throw error;
    if (parsed.values.help) {
      io.stdout.write(commandHelp(locale, command));
      return { exitCode: EXIT.ok, locale };
    }
    return { exitCode: await command.run(parsed, { ...io, lang }), locale };
  } catch (err) {
    return reportError(err, name, io, locale);
  }
}

/** Says one sentence on stderr, after the program's (or the command's) name. */
function fail(io: CliIo, locale: Locale, who: string, sentence: Message, exitCode: number): Outcome {
  // Values may quote what was typed or a file's text: never let it drive the terminal.
  const text = `${who}: ${terminalSafe(render(locale, sentence))}`;
  io.stderr.write(text + '\n');
  return { exitCode, locale, failure: { text, message: sentence } };
}

/** The full stop a sentence still needs: none after one, Chinese after Chinese, else ASCII. */
function closingStop(sentence: string): string {
  if (/[.。!?！？]$/.test(sentence)) return '';
  return /[\u4e00-\u9fff]/.test(sentence) ? '。' : '.';
}

function reportError(err: unknown, name: string, io: CliIo, locale: Locale): Outcome {
  const who = `goproxyctl ${name}`;
  if (err instanceof UsageError) {
    if (err.detail) return fail(io, locale, who, err.detail, EXIT.usage);
    // A command's own sentence, not yet a message: printed as it wrote it.
    const said = terminalSafe(err.message.replace(/\s+/g, ' ').trim());
    const text = `${who}: ${said}${closingStop(said)}`;
    io.stderr.write(text + '\n');
    return { exitCode: EXIT.usage, locale, failure: { text } };
  }
  if ((err as Error)?.name === 'AbortError') {
    // The shell's convention, 128 + the signal's number: 130 for Ctrl-C (SIGINT), 143 for SIGTERM.
    const exitCode = /SIGTERM/.test(String((io.signal.reason as Error | undefined)?.message)) ? 143 : 130;
    return fail(io, locale, who, msg('cli.error.interrupted'), exitCode);
  }
  // An unexpected failure is still one sentence (the system's own words); the stack is shown only on request.
  const text = `${who}: ${terminalSafe((err as Error)?.message ?? String(err))}`;
  io.stderr.write(text + '\n');
  if (io.env.GOPROXYCTL_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  return { exitCode: EXIT.failed, locale, failure: { text } };
}
