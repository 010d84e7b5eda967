// The lines `goproxyctl watch` prints for the relay it supervises: messages of the relay part,
// in English by default (as before) and in Chinese for a zh-CN locale; the reasons and errors
// the supervisor and the relay give are messages too, rendered in the same language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSupervisorEvent, errorEvent, type SupervisorEvent } from '../../../electron/core/relay/index.js';
import { msg } from '../../../shared/i18n/message.js';
import { checkZhText } from '../../support/zh-check.js';

const at = '2026-01-02T03:04:05.000Z';
const events: SupervisorEvent[] = [
  { type: 'listening', at, url: 'http://127.0.0.1:7890', cacheDir: '/tmp/c', chain: 'https://goproxy.cn|direct', source: 'profile china', sourceMessage: msg('relay.source.profile', { name: 'china' }) },
  { type: 'relay-stopped', at, port: 7890, why: 'the active chain moved the relay to port 7891', whyMessage: msg('relay.supervisor.why-moved', { port: 7891 }) },
  { type: 'chain', at, chain: 'https://goproxy.cn|direct', source: 'go env', sourceMessage: msg('relay.source.go-env'), error: null },
  { type: 'chain', at, chain: 'ftp://x', source: 'go env', error: 'invalid proxy URL scheme (must be https, http, file): ftp://x' },
  { type: 'cool-down', at, upstream: 'https://goproxy.cn', until: '2026-01-02T03:05:05.000Z', error: 'connect ECONNREFUSED 127.0.0.1:1' },
  { type: 'recovered', at, upstream: 'https://goproxy.cn' },
  { ...errorEvent(msg('relay.error.port-busy', { port: 7890 })), at },
];

test('English: the same lines as before the catalogue', () => {
  assert.deepEqual(events.map((e) => describeSupervisorEvent(e)), [
    `${at} relay: serving on http://127.0.0.1:7890 for the chain https://goproxy.cn|direct`,
    `${at} relay: stopped on port 7890: the active chain moved the relay to port 7891`,
    `${at} relay: now walking https://goproxy.cn|direct (go env)`,
    `${at} relay: the chain is not a valid GOPROXY: invalid proxy URL scheme (must be https, http, file): ftp://x`,
    `${at} relay: https://goproxy.cn failed (connect ECONNREFUSED 127.0.0.1:1); skipped until 2026-01-02T03:05:05.000Z`,
    `${at} relay: https://goproxy.cn answers again`,
    `${at} relay: port 7890 on 127.0.0.1 is in use (another goproxyctl relay?), so the relay does not run here; go still falls back to the chain`,
  ]);
  assert.equal(describeSupervisorEvent({ type: 'request', at, path: '/m/@v/list', status: 200, servedBy: null, cache: 'none', ms: 3 }), null);
});

test('zh-CN: every line in Chinese, values verbatim', () => {
  const lines = events.map((e) => describeSupervisorEvent(e, 'zh-CN')!);
  assert.equal(lines[0], `${at} 中继：已在 http://127.0.0.1:7890 为代理链 https://goproxy.cn|direct 提供服务`);
  assert.equal(lines[1], `${at} 中继：已停止监听端口 7890：当前代理链把中继移到了端口 7891`);
  assert.equal(lines[2], `${at} 中继：现在按代理链 https://goproxy.cn|direct 转发（\`go env\`）`);
  for (const line of lines) {
    const check = checkZhText(line.replace(/`[^`]*`|"[^"]*"/g, ' '));
    assert.deepEqual(check.english, [], line);
    assert.ok(check.cjk > 0, line);
  }
});
