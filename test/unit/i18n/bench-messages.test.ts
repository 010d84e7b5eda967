// The benchmark's words as messages: the probe's failures keep their kind, phase and status and
// carry the sentence as an id with values (Node's error code and text verbatim inside it); the
// protocol checks, warnings and the pieces of the reasons are messages too; and the engine's
// "bench." keys never meet the dashboard's own "bench." labels in the merged key space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE_EN, render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';
import { dashboardEn } from '../../../renderer/i18n/dashboard.js';
import { classifyError, classifyStatus, makeFailure, probeError } from '../../../electron/core/probe/failure.js';
import { checkInfo, checkMod, checkZipHead } from '../../../electron/core/probe/protocol-checks.js';
import { expiryWarning } from '../../../electron/core/probe/tls-info.js';
import { kindMessage, listMessage, tlsProblemMessage } from '../../../shared/bench/words.js';
import { checkZhText } from '../../support/zh-check.js';

const zhClean = (text: string): void => {
  const check = checkZhText(text);
  assert.deepEqual(check.english, [], text);
  assert.ok(check.cjk > 0, text);
};

test("the engine's bench. keys never collide with the dashboard's bench. labels", () => {
  const engine = Object.keys(ENGINE_EN).filter((k) => k.startsWith('bench.'));
  const dashboard = new Set(Object.keys(dashboardEn));
  assert.ok(engine.length > 100);
  assert.deepEqual(engine.filter((k) => dashboard.has(k)), []);
});

test("a refused connection: kind and phase as before, the sentence a message, Node's code verbatim in both languages", () => {
  const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4343'), { code: 'ECONNREFUSED' });
  const f = classifyError(err, 'connect', '127.0.0.1:4343');
  assert.equal(f.kind, 'connect');
  assert.equal(f.phase, 'connect');
  assert.equal(f.status, null);
  assert.deepEqual(f.messageMessage, msg('bench.probe.connectFailed', { where: '127.0.0.1:4343', code: 'ECONNREFUSED' }));
  assert.equal(f.message, 'Could not connect to 127.0.0.1:4343 (ECONNREFUSED).');
  const zh = render('zh-CN', f.messageMessage);
  assert.equal(zh, '无法连接到 127.0.0.1:4343（ECONNREFUSED）。');
  zhClean(zh);
});

test("an unclassified error keeps Node's text verbatim as a value inside the translated sentence", () => {
  const err = Object.assign(new Error('socket hang up'), { code: 'ECONNSOMETHING' });
  const f = classifyError(err, 'ttfb', 'proxy.test');
  assert.deepEqual(f.messageMessage, msg('bench.probe.requestFailedCode', { where: 'proxy.test', detail: 'socket hang up', code: 'ECONNSOMETHING' }));
  assert.equal(render('zh-CN', f.messageMessage), '请求 proxy.test 失败：`socket hang up`（ECONNSOMETHING）。');
  assert.equal(f.message, 'Request to proxy.test failed: `socket hang up` (ECONNSOMETHING).');
});

test('a 502 and a 404 are classified as before, worded as messages', () => {
  const bad = classifyStatus(502, { where: '127.0.0.1:1', credentialsSent: false, wwwAuthenticate: false, crossOriginRedirect: false });
  assert.equal(bad.kind, 'http');
  assert.equal(bad.status, 502);
  assert.deepEqual(bad.messageMessage, msg('bench.probe.httpStatus', { where: '127.0.0.1:1', status: 502 }));
  zhClean(render('zh-CN', bad.messageMessage));
  const missing = classifyStatus(404, { where: 'h', credentialsSent: false, wwwAuthenticate: false, crossOriginRedirect: false });
  assert.equal(missing.kind, 'not-found');
  assert.equal(missing.messageMessage.id, 'bench.probe.notFound');
  const auth = classifyStatus(401, { where: 'h', credentialsSent: true, wwwAuthenticate: true, crossOriginRedirect: false });
  assert.equal(auth.messageMessage.id, 'bench.probe.credentialsRejected');
});

test('a ProbeError carries the failure, its Error text the English sentence', () => {
  const e = probeError('timeout', 'ttfb', msg('bench.probe.noAnswer', { where: '127.0.0.1:4343', ms: 3000 }));
  assert.equal(e.message, '127.0.0.1:4343 did not answer within 3000 ms.');
  assert.equal(e.failure.kind, 'timeout');
  assert.equal(e.failure.phase, 'ttfb');
  assert.equal(render('zh-CN', e.failure.messageMessage), '127.0.0.1:4343 在 3000 ms 内没有响应。');
  const withTls = makeFailure('tls', 'tls', msg('bench.probe.cancelled'), null, { subject: 's', issuer: 'i', validTo: '', daysToExpiry: 1, problem: null });
  assert.equal(withTls.tls?.subject, 's');
});

test('protocol checks say what is wrong as messages, nested inside the failure sentence', () => {
  assert.deepEqual(checkInfo('not json', 'v1.0.0'), msg('bench.check.infoNotJson'));
  assert.deepEqual(checkInfo('{"Version":"v1.1.0"}', 'v1.0.0'), msg('bench.check.infoOtherVersion', { got: 'v1.1.0', wanted: 'v1.0.0' }));
  assert.equal(checkInfo('{"Version":"v1.0.0"}', 'v1.0.0'), null);
  assert.deepEqual(checkMod('module other.example/m\n', 'lab.example/m'), msg('bench.check.modOtherModule', { declared: 'other.example/m', module: 'lab.example/m' }));
  assert.deepEqual(checkZipHead(Buffer.from('nope'), 'lab.example/m', 'v1.0.0'), msg('bench.check.zipNotZip'));
  const sentence = msg('bench.probe.badAnswer', { where: 'proxy.test', problem: msg('bench.check.modOtherModule', { declared: 'other.example/m', module: 'lab.example/m' }) });
  assert.equal(render('en', sentence), 'proxy.test: the go.mod declares module other.example/m, not lab.example/m.');
  zhClean(render('zh-CN', sentence));
});

test('a certificate about to expire is a warning message with the days and the date as values', () => {
  const info = { subject: 'CN=soon', issuer: 'CN=lab', validTo: '2026-12-03T00:00:00.000Z', daysToExpiry: 4, problem: null };
  const w = expiryWarning(info, 'soon.test');
  assert.deepEqual(w, msg('bench.warning.certExpires', { where: 'soon.test', days: 4, date: '2026-12-03T00:00:00.000Z' }));
  assert.equal(expiryWarning({ ...info, daysToExpiry: 30 }, 'soon.test'), null);
  assert.equal(render('en', expiryWarning({ ...info, daysToExpiry: 1 }, 'soon.test')!), 'The certificate of soon.test expires in 1 day (2026-12-03T00:00:00.000Z).');
  zhClean(render('zh-CN', w));
});

test('the small words: a kind, a certificate problem, a list in each language', () => {
  assert.equal(render('en', kindMessage('timeout')), 'timeout');
  assert.equal(render('zh-CN', kindMessage('timeout')), '超时');
  assert.equal(render('zh-CN', tlsProblemMessage('self-signed')), '证书是自签名的');
  assert.equal(render('en', tlsProblemMessage('something new')), 'its certificate is not signed by a trusted authority');
  const list = listMessage([msg('bench.kind.dns'), 'b', 'c']);
  assert.equal(render('en', msg('bench.reason.excluded', { list })), 'Left out because no sample worked: dns, b, c.');
  assert.equal(render('zh-CN', msg('bench.reason.excluded', { list })), '以下代理没有一次采样成功，已排除：域名解析失败；b；c。');
  assert.equal(listMessage(['only']), 'only');
  assert.throws(() => listMessage([]), RangeError);
});
