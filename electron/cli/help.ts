// The help texts, one layout for every command, in the user's language: "Usage:" with the command
// lines, the summary and what the command does, its subcommands (if any), "Options:" generated
// from the options the parser accepts (so help and parser cannot disagree), examples, and "Exit
// codes:". The words are catalogue messages (shared/i18n/parts/cli.ts); command lines, option
// names and values are code and stay as written.
import type { ParseArgsConfig } from 'node:util';
import { render } from '../../shared/i18n/catalog.js';
import { msg, type Locale, type MessageParams } from '../../shared/i18n/message.js';
import type { CliCommand, CommandHelp, OptionHelp } from './command.js';
import { COMMANDS } from './registry.js';

export const VERSION = '0.1.0';

type ParserOptions = NonNullable<ParseArgsConfig['options']>;

/** The options every command accepts, added to its own by run.ts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParserOptions;

const COMMON_HELP: Readonly<Record<keyof typeof COMMON_OPTIONS, OptionHelp>> = {
  json: { text: 'cli.help.option.json' },
  lang: { value: 'en|zh', text: 'cli.help.option.lang' },
  help: { text: 'cli.help.option.help' },
};

/** What a command accepts: its own options and the common ones. */
export function parserOptions(command: CliCommand): ParserOptions {
  return { ...command.options, ...COMMON_OPTIONS };
}

/** The value's name an option's help shows (`--timeout MS`), for "needs a value" errors. */
export function valueName(command: CliCommand | undefined, option: string): string {
  if (option === 'lang') return 'en|zh';
  return command?.usage.options[option]?.value ?? 'VALUE';
}

type Row = readonly [left: string, right: string];

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** A left column wider than this puts its row's text on the next line, so one long name does not push every row. */
const MAX_LEFT = 24;
/** Rows are filled to this many terminal columns (descriptions are wrapped by hand at the same width). */
const LINE_WIDTH = 100;

const isWide = (ch: string): boolean => displayWidth(ch) === 2;
/** Closing punctuation never starts a line, opening punctuation never ends one. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』”']);
const NO_LINE_END = new Set([...'（《「『“']);

/**
 * A row's text as lines of at most `width` columns: one paragraph (the catalogue's own line breaks
 * are joined: by a space after a Latin word, by nothing after a Chinese character), broken at
 * spaces and between Chinese characters, never inside a Latin word or code.
 */
export function fill(text: string, width: number): string[] {
  const joined = text.replace(/(.)\n/g, (_, before: string) => (isWide(before) ? before : `${before} `));
  // Pieces: `code` (kept whole), a space, one wide character, or a run of anything else (a word, an option, a URL).
  const pieces = joined.match(/`[^`]*`[\u0100-\u{10ffff}]?|[^\s`]*`[^`]*`| |[\u0100-\u{10ffff}]|[^\s`\u0100-\u{10ffff}]+/gu) ?? [];
  const lines: string[][] = [[]];
  const widthOf = (line: readonly string[]): number => displayWidth(line.join(''));
  for (const piece of pieces) {
    const line = lines.at(-1)!;
    if (widthOf(line) + displayWidth(piece) <= width || line.every((p) => p === ' ')) {
      line.push(piece);
      continue;
    }
    if (piece === ' ') {
      lines.push([]);
      continue;
    }
    // Punctuation stays with the word before it, an opening bracket with the word after it.
    let carried: string[] = [];
    while (line.length > 1 && (NO_LINE_START.has(carried[0] ?? piece) || NO_LINE_END.has(line.at(-1)!))) carried = [line.pop()!, ...carried];
    lines.push([...carried, piece]);
  }
  return lines.map((line) => line.join('').trim()).filter((line) => line !== '');
}

/** Two-column rows, the right column aligned; a right text's further lines are indented to it. */
function rows(list: readonly Row[]): string {
  const width = Math.max(0, ...list.map(([left]) => displayWidth(left)).filter((w) => w <= MAX_LEFT));
  const indent = ' '.repeat(2 + width + 2);
  return list
    .map(([left, right]) => {
      const lines = fill(right, Math.max(40, LINE_WIDTH - indent.length));
      const head = displayWidth(left) > width ? [`  ${left}`] : [`  ${left}${' '.repeat(width - displayWidth(left))}  ${lines.shift() ?? ''}`];
      return [...head, ...lines.map((line) => indent + line)].join('\n');
    })
    .join('\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

function usageBlock(locale: Locale, lines: readonly string[]): string {
  // A full-width colon (用法：) carries its own space.
  const label = render(locale, msg('cli.help.usage')).replace(/([^：])$/, '$1 ');
  const indent = ' '.repeat(displayWidth(label));
  return lines.map((line, i) => (i === 0 ? label + line : indent + line)).join('\n');
}

function optionRow(locale: Locale, name: string, def: ParserOptions[string], help: OptionHelp, params: MessageParams): Row {
  const names = [name, ...(help.also ?? [])].map((n) => `--${n}`).join(', ');
  const left = `${def.short ? `-${def.short}, ` : ''}${names}${help.value ? ` ${help.value}` : ''}`;
  const text = render(locale, msg(help.text, params));
  return [left, def.multiple ? render(locale, msg('cli.help.repeatable', { text })) : text];
}

/** The Options rows: every option the parser accepts, in its order, then the common ones. */
function optionRows(locale: Locale, command: CliCommand, params: MessageParams): Row[] {
  const help: CommandHelp = command.usage;
  const described = new Set(Object.values(help.options).flatMap((o) => o.also ?? []));
  const own = Object.entries(command.options)
    .filter(([name]) => !described.has(name))
    .map(([name, def]) => {
      const row = help.options[name];
      if (!row) throw new Error(`the help of \`${command.name}\` has no row for --${name}`);
      return optionRow(locale, name, def, row, params);
    });
  const common = (Object.keys(COMMON_OPTIONS) as (keyof typeof COMMON_OPTIONS)[]).map((name) => optionRow(locale, name, COMMON_OPTIONS[name], COMMON_HELP[name], params));
  return [...own, ...common];
}

function exitRows(locale: Locale, own: CommandHelp['exits'], params: MessageParams): Row[] {
  // A command may say more about bad input (what is not written then) than the common row.
  const usage: Row[] = own.some(([code]) => code === 2) ? [] : [['2', render(locale, msg('cli.help.exit.usage'))]];
  const rowsOf = (list: CommandHelp['exits']): Row[] => list.map(([code, text]): Row => [String(code), render(locale, msg(text, params))]);
  return [...rowsOf(own.filter(([code]) => code < 2)), ...usage, ...rowsOf(own.filter(([code]) => code >= 2)), ['130, 143', render(locale, msg('cli.help.exit.interrupted'))]];
}

/** `goproxyctl <command> --help`. */
export function commandHelp(locale: Locale, command: CliCommand): string {
  const help = command.usage;
  const params: MessageParams = help.params ?? {};
  const t = (id: Parameters<typeof msg>[0]): string => render(locale, msg(id, params));
  const description = `${render(locale, msg('cli.help.sentence', { text: msg(command.summary) }))}\n${t(help.about)}`;
  const parts = [usageBlock(locale, help.lines), description];
  if (help.subcommands?.length) parts.push(section(t('cli.help.subcommands'), rows(help.subcommands.map(([name, text]) => [name, t(text)]))));
  parts.push(section(t('cli.help.options'), rows(optionRows(locale, command, params))));
  if (help.examples?.length) parts.push(section(t('cli.help.examples'), help.examples.map((line) => `  ${line}`).join('\n')));
  parts.push(section(t('cli.help.exit-codes'), rows(exitRows(locale, help.exits, params))));
  return parts.join('\n\n') + '\n';
}

/** `goproxyctl --help`: the commands with their summaries, the common options, the exit codes. */
export function globalHelp(locale: Locale): string {
  const t = (id: Parameters<typeof msg>[0], params?: MessageParams): string => render(locale, msg(id, params));
  const commands = Object.entries(COMMANDS).map(([name, entry]): Row => [name, t(entry.summary)]);
  const common = (Object.keys(COMMON_OPTIONS) as (keyof typeof COMMON_OPTIONS)[]).map((name) => optionRow(locale, name, COMMON_OPTIONS[name], COMMON_HELP[name], {}));
  const options: Row[] = [...common, ['-V, -v, --version', t('cli.help.option.version')]];
  const exits: Row[] = [
    ['0', t('cli.help.exit.ok')],
    ['1', t('cli.help.exit.failed')],
    ...exitRows(locale, [], {}),
  ];
  return [
    t('cli.help.global.title', { version: VERSION }),
    usageBlock(locale, ['goproxyctl <command> [options]', 'goproxyctl help <command>']),
    section(t('cli.help.commands'), rows(commands)),
    section(t('cli.help.options'), rows(options)),
    t('cli.help.global.notes'),
    section(t('cli.help.exit-codes'), rows(exits)),
  ].join('\n\n') + '\n';
}
