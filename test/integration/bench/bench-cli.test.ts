// `goproxyctl bench` end to end: the built CLI against lab proxies, the real go for the
// configuration, history written under a temporary XDG_DATA_HOME.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startLab, type Lab } from '../../lab/index.js';
import { HistoryStore } from '../../../electron/core/history/index.js';
import { benchCli, benchEnv, labModule, tempHome, type TempHome } from './helpers.js';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';
import { checkZhText } from '../../support/zh-check.js';

let lab: Lab;
let home: TempHome;
let env: Record<string, string>;
let url: (name: string) => string;

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'fast', sumdb: true, faults: { latencyMs: 2 } },
      { name: 'slow', faults: { latencyMs: 80 } },
      { name: 'bad-gateway', faults: { status: 502 } },
      { name: 'refused', faults: { mode: 'refuse' } },
      { name: 'private', faults: { auth: { user: 'dev', password: 'not-stored' } } },
      { name: 'empty', modules: [] },
    ],
  });
  home = await tempHome();
  // The lab's checksum database is signed with the lab key: the user's GOSUMDB names that key.
  env = benchEnv(lab, home, { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: lab.checksumDb.verifierKey });
  url = (name) => lab.proxies[name]!.url;
});

after(async () => {
  await lab?.close();
  await home?.close();
});

// estimateMessage and error.messageMessage: the texts' messages (id and values) beside the texts, for scripts.
const RESULT_KEYS = ['error', 'estimate', 'estimateMessage', 'estimateMs', 'missingModule', 'ok', 'protocol', 'proxy', 'samples', 'score', 'status', 'successRate', 'throughputBytesPerSec', 'totalMs', 'ttfbMs'];

interface JsonResult {
  proxy: string;
  ok: boolean;
  samples: number;
  successRate: number;
  ttfbMs: { median: number; p90: number } | null;
  totalMs: { median: number; p90: number } | null;
  throughputBytesPerSec: number | null;
  protocol: string | null;
  error: { kind: string; status: number | null; message: string; messageMessage: Message } | null;
  score: number;
  estimateMs: number | null;
  estimate: string;
  estimateMessage: Message;
  status: 'working' | 'missing-module' | 'failing';
  missingModule: string | null;
}

/** What `bench --json` prints. */
interface BenchJson {
  durationMs: number;
  workload: unknown;
  results: JsonResult[];
  recommendation: { goproxy: string; gosumdb: string | null };
}

let jsonRun: { code: number | null; doc: BenchJson & { savedProfile: string | null }; stderr: string; startedAt: number } | undefined;

async function runJsonOnce() {
  if (jsonRun) return jsonRun;
  const names = ['fast', 'slow', 'bad-gateway', 'refused', 'private', 'empty'];
  const startedAt = Date.now();
  const r = await benchCli(['--json', '--samples', '2', '--module', labModule(lab), '--proxies', names.map(url).join(',')], env);
  assert.equal(r.code, 0, r.stderr);
  jsonRun = { code: r.code, doc: JSON.parse(r.stdout) as BenchJson & { savedProfile: string | null }, stderr: r.stderr, startedAt };
  return jsonRun;
}

test('--json: exactly one object of the contract shape, failures classified, nulls where nothing was measured', async () => {
  const { doc } = await runJsonOnce();
  assert.deepEqual(Object.keys(doc), ['durationMs', 'workload', 'results', 'recommendation', 'savedProfile']);
  assert.equal(doc.savedProfile, null, 'nothing saved without --save-profile');
  assert.deepEqual(doc.workload, { modules: 100, requests: 300, bytes: 15_000_000, source: 'representative' });
  assert.ok(Number.isInteger(doc.durationMs) && doc.durationMs > 0);
  assert.deepEqual(Object.keys(doc.recommendation), ['goproxy', 'gosumdb']);
  for (const r of doc.results) {
    assert.deepEqual(Object.keys(r).sort(), RESULT_KEYS, r.proxy);
    if (r.error !== null) assert.deepEqual(Object.keys(r.error), ['kind', 'status', 'message', 'messageMessage'], r.proxy);
    assert.equal(typeof r.estimateMessage.id, 'string');
    assert.ok(r.successRate >= 0 && r.successRate <= 1);
    assert.equal(typeof r.score, 'number');
  }
  const by = new Map(doc.results.map((r) => [r.proxy, r]));
  // The lab proxies, plus the two direct checksum databases (refused through the dead HTTPS_PROXY).
  assert.deepEqual(
    [...by.keys()].sort(),
    [...['fast', 'slow', 'bad-gateway', 'refused', 'private', 'empty'].map(url), 'https://sum.golang.google.cn', 'https://sum.golang.org'].sort(),
  );

  const fast = by.get(url('fast'))!;
  assert.equal(fast.ok, true);
  assert.equal(fast.samples, 2);
  assert.equal(fast.successRate, 1);
  assert.ok(fast.ttfbMs && fast.ttfbMs.median > 0 && fast.ttfbMs.p90 >= fast.ttfbMs.median);
  assert.ok(fast.totalMs && fast.totalMs.median > 0);
  // The lab module's zip is too small to time the pipe: no throughput rather than a noisy one.
  assert.equal(fast.throughputBytesPerSec, null);
  assert.equal(fast.protocol, 'http/1.1');
  assert.equal(fast.error, null);
  assert.ok(fast.score > 0);
  // The score is a time: the real go's estimated time for the representative graph, in words too.
  assert.ok(fast.estimateMs !== null && fast.estimateMs > 0);
  assert.match(fast.estimate, /^≈ [\d.]+ (ms|s|min|h) for a typical graph's 100 modules$/);
  assert.equal(fast.estimateMessage.id, 'bench.estimate.time');
  assert.equal(render('en', fast.estimateMessage), fast.estimate);
  assert.ok(fast.estimateMs < by.get(url('slow'))!.estimateMs!, 'faster first bytes, shorter time');

  const refused = by.get(url('refused'))!;
  assert.deepEqual(
    { ok: refused.ok, ttfbMs: refused.ttfbMs, totalMs: refused.totalMs, throughput: refused.throughputBytesPerSec, protocol: refused.protocol, kind: refused.error?.kind, status: refused.error?.status, score: refused.score },
    { ok: false, ttfbMs: null, totalMs: null, throughput: null, protocol: null, kind: 'connect', status: null, score: 0 },
  );
  // The sentence: English text for scripts that read it, and its message with Node's code verbatim.
  const refusedHost = new URL(url('refused')).hostname;
  assert.equal(refused.error?.message, `Could not connect to ${refusedHost} (ECONNREFUSED).`);
  assert.deepEqual(refused.error?.messageMessage, { id: 'bench.probe.connectFailed', params: { where: refusedHost, code: 'ECONNREFUSED' } });
  const badGateway = by.get(url('bad-gateway'))!;
  assert.deepEqual(badGateway.error?.messageMessage, { id: 'bench.probe.httpStatus', params: { where: new URL(url('bad-gateway')).host, status: 502 } });
  assert.equal(badGateway.ok, false);
  assert.deepEqual([badGateway.error?.kind, badGateway.error?.status], ['http', 502]);
  assert.equal(badGateway.totalMs, null);
  assert.equal(by.get(url('private'))!.error?.kind, 'auth', 'no credential is stored: go would get a 401');
  // A proxy without the module answers 404: reachable, "does not have" it, never failing.
  assert.equal(by.get(url('empty'))!.error?.kind, 'not-found');
  assert.equal(by.get(url('empty'))!.status, 'missing-module');
  assert.equal(by.get(url('empty'))!.missingModule, labModule(lab));
  assert.equal(refused.status, 'failing');
  // A refused connection is a hard failure: no second sample waits on it.
  assert.equal(refused.samples, 1);
  assert.equal(by.get('https://sum.golang.org')!.error?.kind, 'connect');
  // Best first.
  const scores = doc.results.map((r) => r.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
});

test('the recommendation joins the working proxies with "|", leaves dead ones out, and keeps GOSUMDB once a lookup through the proxy go would use verified', async () => {
  const { doc } = await runJsonOnce();
  const chain = doc.recommendation.goproxy.split('|');
  assert.ok(!doc.recommendation.goproxy.includes(','), doc.recommendation.goproxy);
  // direct: the user's chain has it and its reachability was not checked, so it stays at the end.
  assert.equal(chain.at(-1), 'direct');
  assert.deepEqual(chain.slice(0, 2).sort(), [url('fast'), url('slow')].sort());
  // The proxy that answered 404 for the module is kept after the working ones (go falls through a 404).
  assert.equal(chain[2], url('empty'));
  assert.equal(chain.length, 4);
  // go sends lookups to the first proxy answering /sumdb/sum.golang.org/supported (fast); a real
  // lookup and its tile verified there, so the key alone (no URL) is the advice.
  assert.equal(doc.recommendation.gosumdb, lab.checksumDb.verifierKey);
  assert.ok(lab.proxies.fast!.accessLog.some((e) => e.status === 200 && e.path.startsWith('/sumdb/sum.golang.org/lookup/')));
});

test('every sample is recorded in the history under XDG_DATA_HOME', async () => {
  const { startedAt } = await runJsonOnce();
  const store = await HistoryStore.open(path.join(home.dataHome, 'goproxyctl', 'history'));
  const fast = await store.query({ candidate: url('fast'), from: startedAt - 1000, to: Date.now() + 1000, resolution: 'raw' });
  assert.equal(fast.times.length, 2, 'two samples, two records');
  assert.ok(fast.median.every((m) => m !== null && m > 0));
  const refused = await store.query({ candidate: url('refused'), from: startedAt - 1000, to: Date.now() + 1000, resolution: 'raw' });
  // Refused is a hard failure: the benchmark took one sample of it, not two.
  assert.deepEqual(refused.failures.reduce((a, b) => a + b, 0), 1);
});

test('not a terminal: one progress line per finished candidate on stderr, then the table and the command on stdout', async () => {
  const r = await benchCli(['--samples', '1', '--module', labModule(lab), '--proxies', [url('fast'), url('refused')].join(',')], env);
  assert.equal(r.code, 0, r.stderr);
  const progress = r.stderr.split('\n').filter((l) => /^[✔✖] /.test(l));
  assert.equal(progress.length, 4, r.stderr);
  assert.ok(progress.some((l) => l.startsWith(`✔ ${url('fast')}: first byte`)));
  assert.ok(progress.some((l) => l.startsWith(`✖ ${url('refused')}: connect`)));
  assert.match(r.stdout, /^candidate +status +go would take +first byte +p90 +throughput +success +error +score$/m);
  assert.match(r.stdout, /"go would take": the real go's estimated time to fetch a typical graph's 100 modules \(300 requests, 15\.0 MB; no project given\)/);
  assert.ok(r.stdout.includes(`go env -w GOPROXY=${url('fast')}`) || r.stdout.includes(`go env -w 'GOPROXY=${url('fast')}`), r.stdout);
  assert.ok(r.stdout.includes(`GOSUMDB=${lab.checksumDb.verifierKey}`), r.stdout);
});

test('nothing works: exit 1', async () => {
  const r = await benchCli(['--json', '--samples', '1', '--module', labModule(lab), '--proxies', url('refused')], env);
  assert.equal(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as BenchJson;
  assert.ok(doc.results.every((x) => x.ok === false));
});

test('bad input: one sentence and exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--proxies', 'ftp://example.com'], /not an http\(s\) URL/],
    [['--proxies', 'https://user:hunter2@exa mple.com'], /--proxies: an entry is not a URL/],
    [['--module', 'golang.org/x/text'], /give the version too \(path@version/],
    [['--module', 'golang.org/x/text@1.0'], /not a full semantic version/],
    [['--samples', '0'], /--samples takes a whole number between 1 and 20/],
    [['--samples', '2.5'], /--samples/],
    [['--timeout', '5'], /--timeout/],
    [['--concurrency', '1000'], /--concurrency/],
  ];
  for (const [args, message] of cases) {
    const r = await benchCli(args, env, 30_000);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(!r.stderr.includes('hunter2'));
    assert.equal(r.stdout, '');
  }
});

/** What a person reads in Chinese: the command's own name and the commands it quotes in backticks are code, left out. */
function assertChinese(text: string, minCjk = 50): void {
  const prose = text.replace(/^goproxyctl bench: /gm, '').replace(/`[^`\n]*`/g, ' ');
  const check = checkZhText(prose);
  assert.deepEqual(check.english, [], prose);
  assert.ok(check.cjk >= minCjk, prose);
}

const ZH_PROXIES = ['fast', 'bad-gateway', 'refused', 'empty'];

test('--lang zh: the progress lines, the table, the reasons and the errors in Chinese; code and values verbatim', async () => {
  const r = await benchCli(['--lang', 'zh', '--samples', '1', '--module', labModule(lab), '--proxies', ZH_PROXIES.map(url).join(',')], env);
  assert.equal(r.code, 0, r.stderr);
  assertChinese(r.stdout);
  assertChinese(r.stderr);
  assert.match(r.stdout, /^候选 +状态 +go 预计耗时 +首字节 +第 90 百分位 +吞吐量 +成功率 +错误 +得分$/m);
  assert.match(r.stdout, /推荐配置：/);
  assert.match(r.stdout, /按 go 预计耗时排序的代理：/);
  assert.match(r.stdout, /应用方式：/);
  assert.ok(r.stdout.includes(`! ${url('empty')}：可以连通，但没有 ${labModule(lab)}`), r.stdout);
  const refusedHost = new URL(url('refused')).hostname;
  // The refused proxy: the kind in words, the sentence translated, Node's code verbatim inside it.
  assert.ok(r.stderr.includes(`✖ ${url('refused')}：连接失败：无法连接到 ${refusedHost}（ECONNREFUSED）。`), r.stderr);
  assert.ok(r.stderr.includes(`✖ ${url('bad-gateway')}：HTTP 错误 502：${new URL(url('bad-gateway')).host} 返回 HTTP 502。`), r.stderr);
  assert.match(r.stdout, /以下代理没有一次采样成功，已排除：/);
  assert.ok(r.stdout.includes(`go env -w`), r.stdout);
});

test('LANG=zh_CN.UTF-8 and no flag: the same Chinese output; --lang en keeps it English', async () => {
  const args = ['--samples', '1', '--module', labModule(lab), '--proxies', ZH_PROXIES.map(url).join(',')];
  const zh = await benchCli(args, { ...env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
  assert.equal(zh.code, 0, zh.stderr);
  assertChinese(zh.stdout);
  assertChinese(zh.stderr);
  assert.match(zh.stdout, /^候选 +状态/m);
  const en = await benchCli(['--lang', 'en', ...args], { ...env, LANG: 'zh_CN.UTF-8' });
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /^candidate +status +go would take +first byte +p90 +throughput +success +error +score$/m);
  assert.match(en.stdout, /Proxies by the time go would take: /);
  assert.ok(en.stderr.includes(`✖ ${url('refused')}: connect: Could not connect to ${new URL(url('refused')).hostname} (ECONNREFUSED).`), en.stderr);
  assert.equal(checkZhText(en.stdout).cjk, 0, en.stdout);
});

test('--json --lang zh: the texts in Chinese, the field names and the messages beside them as in English', async () => {
  const r = await benchCli(['--json', '--lang', 'zh', '--samples', '1', '--module', labModule(lab), '--proxies', ZH_PROXIES.map(url).join(',')], env);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as BenchJson;
  const by = new Map(doc.results.map((x) => [x.proxy, x]));
  for (const x of doc.results) {
    assert.deepEqual(Object.keys(x).sort(), RESULT_KEYS, x.proxy);
    assert.equal(x.estimate, render('zh-CN', x.estimateMessage));
    assertChinese(x.estimate, 2);
    if (x.error !== null) {
      assert.equal(x.error.message, render('zh-CN', x.error.messageMessage));
      assertChinese(x.error.message, 2);
    }
  }
  const refused = by.get(url('refused'))!;
  assert.equal(refused.error?.messageMessage.id, 'bench.probe.connectFailed');
  assert.equal(refused.error?.message, `无法连接到 ${new URL(url('refused')).hostname}（ECONNREFUSED）。`);
  assert.equal(by.get(url('empty'))!.estimate, `可以连通，但没有 ${labModule(lab)}`);
  assert.match(by.get(url('fast'))!.estimate, /^获取典型依赖图的 100 个模块约需 [\d.]+ (ms|s|min|h)$/);
});

test('bad input with --lang zh: the reason in Chinese, the flag and the value verbatim, exit 2', async () => {
  const cases: [string[], string][] = [
    [['--samples', '0'], '--samples 必须是 1 到 20 之间的整数'],
    [['--proxies', 'ftp://example.com'], '--proxies: "ftp://example.com" 不是 http(s) URL；请给出代理的基础 URL，例如 https://goproxy.cn'],
    [['--module', 'golang.org/x/text'], '--module：请同时给出版本（path@version，例如 golang.org/x/mod@v0.17.0）'],
  ];
  for (const [args, said] of cases) {
    const r = await benchCli(['--lang', 'zh', ...args], env, 30_000);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.includes(said), r.stderr);
    assert.equal(r.stdout, '');
  }
});
