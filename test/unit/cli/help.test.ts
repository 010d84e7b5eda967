// The CLI's help, for every command, in both languages: one layout (Usage, description, Options,
// Examples, Exit codes), an Options block that lists exactly the options the parser accepts, the
// common options said the same way everywhere, and Chinese that passes the zh-CN check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../../electron/cli/registry.js';
import { COMMON_OPTIONS, commandHelp, fill, globalHelp, parserOptions } from '../../../electron/cli/help.js';
import type { CliCommand } from '../../../electron/cli/command.js';
import type { Locale } from '../../../shared/i18n/message.js';
import { checkZhText } from '../../support/zh-check.js';
import { cliProse } from '../../support/cli-prose.js';

const commands: CliCommand[] = await Promise.all(Object.values(COMMANDS).map((entry) => entry.load()));

const HEADINGS = {
  en: { usage: 'Usage:', subcommands: 'Subcommands:', options: 'Options:', examples: 'Examples:', exits: 'Exit codes:' },
  'zh-CN': { usage: '用法：', subcommands: '子命令：', options: '选项：', examples: '示例：', exits: '退出码：' },
} as const;

/** The help's blocks (separated by blank lines), by their heading line. */
function blocks(help: string): string[][] {
  return help.trimEnd().split('\n\n').map((block) => block.split('\n'));
}

/** The option names (without dashes) of the Options block's rows, as a person reads them. */
function listedOptions(help: string, locale: Locale): string[] {
  const block = blocks(help).find((b) => b[0] === HEADINGS[locale].options);
  assert.ok(block, 'an Options block');
  const names: string[] = [];
  // A row's first column: two spaces, then the option names (and the value's name) up to two spaces.
  for (const row of block.slice(1).filter((l) => /^ {2}-/.test(l))) {
    const left = row.trim().split(/\s{2,}/)[0]!;
    for (const m of left.matchAll(/(?:^|, )--?([\w-]+)/g)) names.push(m[1]!);
  }
  return names;
}

test('every command is in the registry with the same summary, and its help names it', () => {
  assert.equal(commands.length, Object.keys(COMMANDS).length);
  for (const command of commands) {
    assert.equal(COMMANDS[command.name]?.summary, command.summary, command.name);
    assert.ok(command.usage.lines.every((line) => line.startsWith(`goproxyctl ${command.name}`)), command.name);
  }
});

test('the Options block lists exactly the options the parser accepts, in both languages', () => {
  for (const command of commands) {
    const accepted = Object.keys(parserOptions(command)).sort();
    const described = Object.entries(command.usage.options).flatMap(([name, row]) => [name, ...(row.also ?? [])]);
    assert.deepEqual(described.sort(), Object.keys(command.options).sort(), `${command.name}: a help row for each of its own options, none for others`);
    for (const locale of ['en', 'zh-CN'] as const) {
      const listed = listedOptions(commandHelp(locale, command), locale).filter((n) => n !== 'h');
      assert.deepEqual([...listed].sort(), accepted, `${command.name} --help --lang ${locale}`);
      assert.equal(new Set(listed).size, listed.length, `${command.name}: each option once`);
    }
  }
});

test('every option that takes a value shows the value\'s name; flags show none', () => {
  for (const command of commands) {
    for (const [name, def] of Object.entries(command.options)) {
      const row = command.usage.options[name] ?? Object.values(command.usage.options).find((r) => r.also?.includes(name));
      assert.ok(row, `${command.name} --${name}`);
      if (def.type === 'string' && command.usage.options[name]) assert.ok(row.value, `${command.name} --${name} names its value`);
      if (def.type === 'boolean') assert.equal(row.value, undefined, `${command.name} --${name} takes no value`);
    }
  }
});

test('one layout for every command: Usage, description, [Subcommands], Options, [Examples], Exit codes', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const h = HEADINGS[locale];
    const commonRows = new Map<string, string>();
    for (const command of commands) {
      const help = commandHelp(locale, command);
      const parts = blocks(help);
      const where = `${command.name} (${locale})`;
      assert.ok(parts[0]![0]!.startsWith(`${h.usage}${locale === 'en' ? ' ' : ''}goproxyctl ${command.name}`), where);
      assert.ok(parts[0]!.slice(1).every((line) => /^\s+goproxyctl /.test(line)), `${where}: the usage block holds command lines only`);
      const description = parts[1]!;
      assert.ok(description.length >= 2, `${where}: the summary and what the command does`);
      assert.ok(!Object.values(h).some((heading) => description[0] === heading), where);
      const headings = parts.slice(2).map((b) => b[0]);
      const expected = [...(command.usage.subcommands ? [h.subcommands] : []), h.options, ...(command.usage.examples ? [h.examples] : []), h.exits];
      assert.deepEqual(headings, expected, where);
      const exits = parts.at(-1)!.slice(1).filter((l) => /^ {2}\d/.test(l)).map((l) => l.trim().split(/\s{2,}/)[0]);
      assert.deepEqual(exits.slice(0, 1), ['0'], `${where}: exit code 0 first`);
      assert.ok(exits.includes('2') && exits.at(-1) === '130, 143', `${where}: ${exits.join(' | ')}`);
      assert.doesNotMatch(help, /\bcli\.[a-z-]+\.[a-z-]/, `${where}: no raw message id`);
      assert.doesNotMatch(help, /\{\w+\}/, `${where}: every placeholder filled`);
      // The common options read the same in every command's help.
      const options = parts.find((b) => b[0] === h.options)!;
      for (const name of Object.keys(COMMON_OPTIONS)) {
        const at = options.findIndex((l) => new RegExp(`(^ {2}|, )--${name}\\b`).test(l));
        const further = options.slice(at + 1);
        const end = further.findIndex((l) => /^ {2}\S/.test(l));
        // The row's text with the lines it was filled to joined again (the column width differs per command).
        const text = [options[at]!.trim().split(/\s{2,}/).slice(1).join(' '), ...further.slice(0, end < 0 ? undefined : end)].join(' ').replace(/\s+/g, '');
        if (!commonRows.has(name)) commonRows.set(name, text);
        assert.equal(text, commonRows.get(name), `${where}: --${name}`);
      }
    }
  }
});

test('every help in Chinese passes the zh-CN check; in English it holds no Chinese', () => {
  for (const command of commands) {
    const zh = checkZhText(cliProse(commandHelp('zh-CN', command)));
    assert.ok(zh.cjk > 20, command.name);
    assert.deepEqual(zh.english, [], `${command.name} --help --lang zh`);
    assert.doesNotMatch(commandHelp('en', command), /[\u4e00-\u9fff]/, command.name);
  }
  const global = checkZhText(cliProse(globalHelp('zh-CN')));
  assert.ok(global.cjk > 100);
  assert.deepEqual(global.english, []);
  assert.doesNotMatch(globalHelp('en'), /[\u4e00-\u9fff]/);
});

test('the global help lists every command with its summary, and the common options', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const help = globalHelp(locale);
    for (const name of Object.keys(COMMANDS)) assert.match(help, new RegExp(`^ {2}${name} +\\S`, 'm'), `${name} (${locale})`);
    for (const flag of ['--json', '--lang en|zh', '-h, --help', '--version']) assert.ok(help.includes(flag), `${flag} (${locale})`);
  }
});

test('the zh-CN check of help is not vacuous: English prose in a help would be caught', () => {
  const english = checkZhText(cliProse(commandHelp('en', commands[0]!)));
  assert.ok(english.english.length > 20);
  // Code the prose filter removes is only what the layout marks as code.
  assert.deepEqual(checkZhText(cliProse('选项：\n  --timeout MS  等待 the stage\n')).english.map((w) => w.split(' ')[0]), ['the', 'stage']);
});

const columns = (line: string): number => [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

test('rows are filled to 100 columns, Chinese broken between characters, code and words never split', () => {
  const en = fill('comment out `export GOPROXY=...`-style lines that shadow\nthe go env file, and more words here', 30);
  assert.deepEqual(en, ['comment out', '`export GOPROXY=...`-style', 'lines that shadow the go env', 'file, and more words here']);
  const text = '注释掉遮蔽 go env 文件的 `export GOPROXY=...` 之类的行（仅限单独占一行的\n简单顶层语句）';
  const zh = fill(text, 24);
  assert.equal(zh.join('').replace(/\s/g, ''), text.replace(/\s/g, ''), 'nothing lost');
  assert.ok(zh.includes('`export GOPROXY=...`') || zh.some((line) => line.includes('`export GOPROXY=...`')), zh.join(' | '));
  assert.ok(zh.every((line) => columns(line) <= 24), zh.join(' | '));
  assert.ok(zh.every((line) => !/^[，。、；：）]/.test(line) && !/（$/.test(line)), zh.join(' | '));
  for (const command of commands) {
    for (const locale of ['en', 'zh-CN'] as const) {
      const examples = new Set(command.usage.examples?.map((e) => `  ${e}`));
      for (const line of commandHelp(locale, command).split('\n')) {
        if (!examples.has(line)) assert.ok(columns(line) <= 100, `${command.name} (${locale}): ${line}`);
        assert.equal((line.match(/`/g) ?? []).length % 2, 0, `${command.name} (${locale}): code is never split across lines: ${line}`);
      }
    }
  }
});
