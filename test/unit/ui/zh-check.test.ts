// The zh-CN check's rules (test/support/zh-check.ts): it must catch English prose and let the
// verbatim tokens through, or the e2e check proves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkZhText } from '../../support/zh-check.js';

test('English prose is caught, word by word, with its line', () => {
  const r = checkZhText('诊断\nCheck again\n已应用 china, but something still overrides it');
  // A profile id in prose counts too: ids belong in code style (removed before the check).
  assert.deepEqual(r.english.map((e) => e.split('  ←')[0]), ['Check', 'again', 'china', 'but', 'something', 'still', 'overrides']);
  assert.equal(r.cjk, 5);
});

test('URLs, paths, module paths, variable names, proxy keywords, units and the product name pass', () => {
  const r = checkZhText(
    [
      'GoProxy Control',
      '来自 go env 文件：/tmp/home/.config/go/env',
      'GOPROXY=https://proxy.golang.org|direct，或 off',
      '模块 golang.org/x/mod@v0.17.0 由 http://127.0.0.1:4000/ 提供',
      '首字节 12 ms，50 KB，每 6 h',
      'Wi-Fi 名称为',
      '语言 English',
    ].join('\n'),
  );
  assert.deepEqual(r.english, []);
});

test('a text without Chinese is visible as such (the e2e check demands CJK characters first)', () => {
  assert.equal(checkZhText('Overview Chain Benchmark').cjk, 0);
});
