// The command line around the command: the common options before it, and parse errors as
// catalogue messages (ids and values), never util.parseArgs' English text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { langFlagIn, parseErrorSentence, splitCommandLine, unknownOptionSentence } from '../../../electron/cli/args.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';

test('the common options may come before the command, and `help` is --help', () => {
  assert.deepEqual(splitCommandLine(['--lang', 'zh', 'explain', 'golang.org/x/mod']), { args: ['--lang=zh', 'golang.org/x/mod'], help: false, version: false, json: false, lang: 'zh', name: 'explain' });
  assert.deepEqual(splitCommandLine(['--json', '--lang=en', 'env']).args, ['--json', '--lang=en']);
  assert.deepEqual(splitCommandLine(['help', 'bench', '--lang', 'zh']), { args: ['--help', '--lang', 'zh'], help: true, version: false, json: false, name: 'bench' });
  assert.deepEqual(splitCommandLine(['help', '--lang', 'zh']), { args: ['--lang=zh', '--help'], help: true, version: false, json: false, lang: 'zh', name: undefined });
  assert.equal(splitCommandLine(['--lang', 'zh']).name, undefined);
  assert.equal(splitCommandLine(['--lang']).lang, '', 'a --lang without its value is kept, to be refused');
  assert.equal(splitCommandLine(['-v']).version, true);
  assert.equal(splitCommandLine(['--jsn', 'env']).unknownOption, '--jsn');
  // After the command, its own arguments are left alone (explain's module may even be "help").
  assert.deepEqual(splitCommandLine(['explain', 'help', '--json']).args, ['help', '--json']);
});

test('the last --lang of a command line is found even when the line does not parse', () => {
  assert.equal(langFlagIn(['--nope', '--lang', 'zh']), 'zh');
  assert.equal(langFlagIn(['--lang=en', 'x', '--lang=zh']), 'zh');
  assert.equal(langFlagIn(['--', '--lang', 'zh']), undefined);
});

const options = {
  module: { type: 'string' },
  samples: { type: 'string' },
  fix: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;
const valueName = (option: string): string => (option === 'module' ? 'PATH@VERSION' : 'VALUE');

test('each parse error is one message with the token at fault', () => {
  assert.deepEqual(parseErrorSentence(['--modul', 'x'], options, false, 'bench', valueName), msg('cli.error.with-hint', {
    error: msg('cli.error.unknown-option', { option: '--modul' }),
    hint: msg('cli.error.did-you-mean-option', { guess: '--module' }),
  }));
  assert.deepEqual(parseErrorSentence(['--zzz'], options, false, 'bench', valueName), msg('cli.error.with-hint', {
    error: msg('cli.error.unknown-option', { option: '--zzz' }),
    hint: msg('cli.error.see-help', { command: 'goproxyctl bench --help' }),
  }));
  for (const args of [['--module'], ['--module', '--json']]) {
    assert.deepEqual(parseErrorSentence(args, options, false, 'bench', valueName), msg('cli.error.with-hint', {
      error: msg('cli.error.missing-value', { option: '--module', value: 'PATH@VERSION' }),
      hint: msg('cli.error.see-help', { command: 'goproxyctl bench --help' }),
    }), args.join(' '));
  }
  assert.deepEqual(parseErrorSentence(['--fix=yes'], options, false, 'lint', valueName), msg('cli.error.value-not-allowed', { option: '--fix' }));
  assert.deepEqual(parseErrorSentence(['extra'], options, false, 'env', valueName), msg('cli.error.unexpected-argument', { arg: 'extra', command: 'goproxyctl env' }));
  assert.deepEqual(unknownOptionSentence('--jsn', ['json', 'lang', 'help', 'version'], 'goproxyctl --help').params?.hint, msg('cli.error.did-you-mean-option', { guess: '--json' }));
});

test('the sentences read well in both languages', () => {
  const typo = parseErrorSentence(['--modul'], options, false, 'bench', valueName);
  assert.equal(render('en', typo), 'unknown option --modul. Did you mean --module?');
  assert.equal(render('zh-CN', typo), '未知选项 --modul。你是不是想输入 --module？');
  const missing = parseErrorSentence(['--samples'], options, false, 'bench', valueName);
  assert.equal(render('en', missing), '--samples needs a value: --samples VALUE. Run `goproxyctl bench --help` for usage.');
  assert.equal(render('zh-CN', missing), '--samples 需要一个值：--samples VALUE。用法见 `goproxyctl bench --help`。');
});
