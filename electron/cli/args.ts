// Reading the command line before and around the command: the common options may come before the
// command (`goproxyctl --lang zh explain …`, `goproxyctl help bench --lang zh`), and a parse error
// becomes one catalogue sentence (util.parseArgs' own English text never reaches a person).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestWord } from '../../shared/util/closest.js';
import { msg, type Message } from '../../shared/i18n/message.js';

/** What came before the command name, and the command with its own arguments. */
export interface CommandLine {
  /** The command's name; undefined for `goproxyctl`, `goproxyctl --help`, `goproxyctl help`. */
  name?: string;
  /** The command's arguments, with the common options given before it put in front. */
  args: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  /** --lang's value as typed (checked later); '' when --lang came without a value. */
  lang?: string;
  /** An option before the command that is not a common one. */
  unknownOption?: string;
}

/** The options that may come before the command. */
export const GLOBAL_OPTIONS = ['json', 'lang', 'help', 'version'] as const;

export function splitCommandLine(argv: readonly string[]): CommandLine {
  const line: CommandLine = { args: [], help: false, version: false, json: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === 'help' || token === '--help' || token === '-h') line.help = true;
    else if (token === '--version' || token === '-V' || token === '-v') line.version = true;
    else if (token === '--json') line.json = true;
    else if (token === '--lang') line.lang = argv[++i] ?? '';
    else if (token.startsWith('--lang=')) line.lang = token.slice('--lang='.length);
    else if (token.startsWith('-') && token !== '-') {
      line.unknownOption = token;
      return line;
    } else break;
  }
  line.name = argv[i];
  const hoisted = [...(line.json ? ['--json'] : []), ...(line.lang !== undefined ? [`--lang=${line.lang}`] : []), ...(line.help ? ['--help'] : [])];
  line.args = [...hoisted, ...argv.slice(i + 1)];
  return line;
}

/** The last --lang in a command's arguments, read leniently (for messages about arguments that did not parse). */
export function langFlagIn(args: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === '--lang') lang = args[i + 1];
    else if (args[i]!.startsWith('--lang=')) lang = args[i]!.slice('--lang='.length);
  }
  return lang;
}

/** "unknown option" with the option the user most likely meant, or where to look. */
export function unknownOptionSentence(typed: string, known: readonly string[], helpCommand: string): Message {
  const guess = closestWord(typed.replace(/^-+/, '').split('=')[0]!, known);
  return msg('cli.error.with-hint', {
    error: msg('cli.error.unknown-option', { option: typed }),
    hint: guess ? msg('cli.error.did-you-mean-option', { guess: `--${guess}` }) : msg('cli.error.see-help', { command: helpCommand }),
  });
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The sentence for a strict util.parseArgs failure: the arguments are read again leniently to find
 * the token at fault (the error itself carries only an English text).
 */
export function parseErrorSentence(args: readonly string[], options: Options, allowPositionals: boolean, command: string, valueName: (option: string) => string): Message {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const seeHelp = msg('cli.error.see-help', { command: `goproxyctl ${command} --help` });
  for (const token of tokens) {
    if (token.kind === 'option') {
      const def = options[token.name];
      if (!def) return unknownOptionSentence(token.rawName, Object.keys(options), `goproxyctl ${command} --help`);
      if (def.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
        return msg('cli.error.with-hint', { error: msg('cli.error.missing-value', { option: token.rawName, value: valueName(token.name) }), hint: seeHelp });
      }
      if (def.type === 'boolean' && token.value !== undefined) return msg('cli.error.value-not-allowed', { option: token.rawName });
    } else if (token.kind === 'positional' && !allowPositionals) {
      return msg('cli.error.unexpected-argument', { arg: token.value, command: `goproxyctl ${command}` });
    }
  }
  return msg('cli.error.with-hint', { error: msg('cli.error.bad-arguments'), hint: seeHelp });
}
