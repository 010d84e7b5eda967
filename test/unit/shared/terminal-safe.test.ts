// terminalSafe: every control a terminal acts on comes out as visible text; ordinary text,
// including non-ASCII, is untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasTerminalControls, terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/; // eslint-disable-line no-control-regex

test('OSC, CSI, 8-bit C1 and bidi overrides are escaped, visibly', () => {
  assert.equal(terminalSafe('\u001b]0;title\u0007name'), '\\x1b]0;title\\x07name');
  assert.equal(terminalSafe('\u001b[31mred\u001b[0m'), '\\x1b[31mred\\x1b[0m');
  assert.equal(terminalSafe('a\u009b2Jb\u009d8;;http://x\u009c'), 'a\\x9b2Jb\\x9d8;;http://x\\x9c');
  assert.equal(terminalSafe('evil\u202etxt.exe\u2066x\u2069'), 'evil\\u202etxt.exe\\u2066x\\u2069');
  assert.equal(terminalSafe('line1\nline2\r\tx\u007f'), 'line1\\x0aline2\\x0d\\x09x\\x7f');
});

test('text without controls is unchanged, non-ASCII included', () => {
  for (const s of ['china', 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct', '中国镜像 — 快', 'café 😀', '']) {
    assert.equal(terminalSafe(s), s);
    assert.equal(hasTerminalControls(s), false);
  }
});

test('terminalSafeText keeps newlines, tabs and CRLF, escapes everything else (a lone CR too)', () => {
  assert.equal(terminalSafeText('a\n\tb\r\n\u001b[2Jc'), 'a\n\tb\r\n\\x1b[2Jc');
  assert.equal(terminalSafeText('safe\rEVIL'), 'safe\\x0dEVIL');
  assert.equal(terminalSafeText('end\r'), 'end\\x0d');
});

test('nothing raw survives, whatever the input (every code point up to U+206F and the surrogate-free rest sampled)', () => {
  let all = '';
  for (let c = 0; c < 0x2070; c++) if (c < 0xd800) all += String.fromCharCode(c);
  assert.ok(!RAW.test(terminalSafe(all)));
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]|\r(?!\n)/.test(terminalSafeText(all))); // eslint-disable-line no-control-regex
});
