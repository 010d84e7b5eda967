import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { recommendChain } from '../../../shared/bench/recommend.js';
import type { CandidateSummary } from '../../../shared/bench/summary.js';
import { failing, random, randomSummary, summary } from './fixtures.js';
import type { Locale, Message } from '../../../shared/i18n/message.js';
import { renderer } from '../../../shared/i18n/catalog.js';
import { checkZhText } from '../../support/zh-check.js';

const DEFAULTS = { currentGoproxy: 'https://proxy.golang.org,direct', currentGosumdb: 'sum.golang.org' };

const fast = summary({ candidate: 'https://fast.example', ttfbMs: { median: 20, p90: 30 }, sumdbSupported: false });
const slow = summary({ candidate: 'https://slow.example', ttfbMs: { median: 300, p90: 600 }, sumdbSupported: true });
const dead = failing('https://proxy.golang.org', 'timeout');
const sumGolangOrg = (ok: boolean): CandidateSummary => (ok ? summary({ candidate: 'https://sum.golang.org', kind: 'sumdb' }) : failing('https://sum.golang.org', 'timeout', { kind: 'sumdb' }));
const sumGoogleCn = (ok: boolean): CandidateSummary => (ok ? summary({ candidate: 'https://sum.golang.google.cn', kind: 'sumdb' }) : failing('https://sum.golang.google.cn', 'dns', { kind: 'sumdb' }));
const direct = (ok: boolean): CandidateSummary => (ok ? summary({ candidate: 'direct', kind: 'direct', tls: null }) : failing('direct', 'connect', { kind: 'direct' }));

test('working proxies by score, joined with "|"; a proxy that never answered is left out', () => {
  const r = recommendChain([slow, dead, fast], { ...DEFAULTS, currentGoproxy: 'https://proxy.golang.org' });
  assert.equal(r.goproxy, 'https://fast.example|https://slow.example');
  assert.deepEqual(
    r.entries.map((e) => (e.kind === 'proxy' ? [e.url, e.fallBackOnError] : [e.kind])),
    [['https://fast.example', true], ['https://slow.example', true]],
  );
  assert.ok(said(r).some((x) => x.includes('https://proxy.golang.org (timeout)')));
  // What go will parse back is the same chain.
  const parsed = parseGoproxy(r.goproxy);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.entries.map((e) => e.kind === 'proxy' && e.url), ['https://fast.example', 'https://slow.example']);
});

test('deterministic: input order does not matter, and equal scores are ordered by URL', () => {
  const a = summary({ candidate: 'https://a.example' });
  const b = summary({ candidate: 'https://b.example' });
  const c = summary({ candidate: 'https://c.example' });
  const one = recommendChain([c, a, b], DEFAULTS);
  const two = recommendChain([b, c, a], DEFAULTS);
  assert.deepEqual(one, two);
  assert.ok(one.goproxy.startsWith('https://a.example|https://b.example|https://c.example'));
  const rand = random(9);
  const many = Array.from({ length: 8 }, (_, i) => randomSummary(rand, `https://p${i}.example`));
  const reference = recommendChain(many, DEFAULTS);
  for (let i = 0; i < 20; i++) {
    const shuffled = [...many].sort(() => rand() - 0.5);
    assert.deepEqual(recommendChain(shuffled, DEFAULTS), reference);
  }
});

test('direct is kept at the end only when the user had it and it is reachable', () => {
  const kept = recommendChain([fast, direct(true)], DEFAULTS);
  assert.equal(kept.goproxy, 'https://fast.example|direct');
  const dropped = recommendChain([fast, direct(false)], DEFAULTS);
  assert.equal(dropped.goproxy, 'https://fast.example');
  assert.ok(said(dropped).some((x) => x.includes('GOPRIVATE')));
  const notHad = recommendChain([fast, direct(true)], { ...DEFAULTS, currentGoproxy: 'https://proxy.golang.org' });
  assert.equal(notHad.goproxy, 'https://fast.example');
  const viaContext = recommendChain([fast], { ...DEFAULTS, directReachable: false });
  assert.equal(viaContext.goproxy, 'https://fast.example');
  const unchecked = recommendChain([fast], DEFAULTS);
  assert.equal(unchecked.goproxy, 'https://fast.example|direct');
});

test('when no proxy works: direct alone if it works; the current chain kept if nothing works', () => {
  const onlyDirect = recommendChain([dead, direct(true)], { ...DEFAULTS, currentGoproxy: 'https://proxy.golang.org' });
  assert.equal(onlyDirect.goproxy, 'direct');
  const nothing = recommendChain([dead, direct(false)], { ...DEFAULTS, currentGoproxy: 'https://proxy.golang.org,direct' });
  assert.equal(nothing.goproxy, 'https://proxy.golang.org,direct');
  assert.ok(said(nothing).some((x) => x.includes('HTTPS_PROXY')));
});

test('a comma in the current chain is called out', () => {
  const r = recommendChain([fast, slow], { ...DEFAULTS, currentGoproxy: 'https://slow.example,https://fast.example' });
  assert.ok(said(r).some((x) => x.includes('404/410')));
  const piped = recommendChain([fast, slow], { ...DEFAULTS, currentGoproxy: 'https://slow.example|https://fast.example' });
  assert.ok(!said(piped).some((x) => x.includes('404/410')));
});

/** A lookup (with its proving tile) through <proxy>/sumdb/sum.golang.org verified, or failed. */
const route = (proxy: string, ok: boolean): CandidateSummary =>
  ok ? summary({ candidate: `${proxy}/sumdb/sum.golang.org`, kind: 'sumdb' }) : failing(`${proxy}/sumdb/sum.golang.org`, 'connect', { kind: 'sumdb' });

test('GOSUMDB: the plain name when the route go takes verified a real lookup', () => {
  // No proxy in the chain claims /sumdb/: go asks sum.golang.org itself, whose lookup verified.
  const r = recommendChain([fast, sumGolangOrg(true)], DEFAULTS);
  assert.equal(r.gosumdb, 'sum.golang.org');
  assert.ok(!r.goproxy.includes('sum.golang.org'), 'the database candidate never lands in GOPROXY');
  // slow.example claims /sumdb/ support, so go would send lookups there; until a lookup through it
  // verified, only the database named with its URL (bypassing proxies) is advised.
  assert.equal(recommendChain([fast, slow, sumGolangOrg(true)], DEFAULTS).gosumdb, 'sum.golang.org https://sum.golang.org');
});

test('GOSUMDB: through a proxy only after a real lookup there verified', () => {
  // go's own route (slow.example, the first proxy claiming support) verified: nothing to name.
  assert.equal(recommendChain([fast, slow, sumGolangOrg(false), route('https://slow.example', true)], DEFAULTS).gosumdb, 'sum.golang.org');
  // issue 10: a mirror answers /supported but 404s lookups. go would use it and fail, so the
  // advice names the route that verified, and says why.
  const claims = summary({ candidate: 'https://claims.example', ttfbMs: { median: 5, p90: 8 }, sumdbSupported: true });
  const r = recommendChain([claims, slow, sumGolangOrg(false), route('https://claims.example', false), route('https://slow.example', true)], DEFAULTS);
  assert.equal(r.goproxy.split('|')[0], 'https://claims.example');
  assert.equal(r.gosumdb, 'sum.golang.org https://slow.example/sumdb/sum.golang.org');
  assert.ok(said(r).some((x) => x.includes('https://claims.example') && x.includes('/supported')), said(r).join('\n'));
  // /supported alone is never enough.
  assert.equal(recommendChain([claims, sumGolangOrg(false)], DEFAULTS).gosumdb, null);
  const trailing = summary({ candidate: 'https://mirrors.example/goproxy', sumdbSupported: true });
  const viaTrailing = recommendChain([claims, trailing, sumGolangOrg(false), route('https://claims.example', false), route('https://mirrors.example/goproxy', true)], DEFAULTS);
  assert.equal(viaTrailing.gosumdb, 'sum.golang.org https://mirrors.example/goproxy/sumdb/sum.golang.org');
});

test('GOSUMDB: the China mirror when only it verified; else left alone, saying what go will do and the safe choices', () => {
  const noProxyServes = summary({ candidate: 'https://fast.example', sumdbSupported: false });
  assert.equal(recommendChain([noProxyServes, sumGolangOrg(false), sumGoogleCn(true)], DEFAULTS).gosumdb, 'sum.golang.google.cn');
  const none = recommendChain([noProxyServes, sumGolangOrg(false), sumGoogleCn(false)], DEFAULTS);
  assert.equal(none.gosumdb, null);
  const saidText = said(none).join('\n');
  assert.match(saidText, /go will stop on every module that is not already in go\.sum/);
  assert.match(saidText, /GONOSUMDB/);
  assert.match(saidText, /never make GOSUMDB=off a default/);
  // A dead proxy that claims sumdb support is not a route.
  const deadServing = failing('https://dead.example', 'timeout', { sumdbSupported: true });
  assert.equal(recommendChain([noProxyServes, deadServing, sumGolangOrg(false)], DEFAULTS).gosumdb, null);
});

test("GOSUMDB: not probed: left alone; the user's own database keeps its key and its URL when they verified", () => {
  assert.equal(recommendChain([fast, slow], DEFAULTS).gosumdb, null);
  const key = 'sum.corp.example+eaa13ddf+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH';
  const own = `${key} https://sum.corp.example`;
  const ownRoute = summary({ candidate: 'https://sum.corp.example', kind: 'sumdb' });
  const r = recommendChain([fast, ownRoute], { ...DEFAULTS, currentGosumdb: own });
  assert.equal(r.gosumdb, own);
  assert.ok(said(r).some((x) => x.includes('https://sum.corp.example')));
  const down = recommendChain([fast, failing('https://sum.corp.example', 'dns', { kind: 'sumdb' })], { ...DEFAULTS, currentGosumdb: own });
  assert.equal(down.gosumdb, null);
  // Without a URL, go reaches it at https://sum.corp.example: the key stays, never a bare name go cannot verify.
  const keyOnly = recommendChain([fast, ownRoute], { ...DEFAULTS, currentGosumdb: key });
  assert.equal(keyOnly.gosumdb, key);
});

test('an invalid current GOSUMDB is replaced when a database works, and said to be invalid', () => {
  const r = recommendChain([fast, sumGolangOrg(true)], { ...DEFAULTS, currentGosumdb: 'goproxy.cn/sumdb/sum.golang.org' });
  assert.equal(r.gosumdb, 'sum.golang.org');
  assert.ok(said(r).some((x) => x.includes('malformed verifier id')));
});

test('GOSUMDB=off is turned back on when a database works, with the reason', () => {
  const r = recommendChain([fast, sumGolangOrg(true)], { ...DEFAULTS, currentGosumdb: 'off' });
  assert.equal(r.gosumdb, 'sum.golang.org');
  assert.ok(said(r).some((x) => x.includes('GOSUMDB=off')));
});

test('sumdbCandidates in the context mark database candidates as well as kind', () => {
  const dbAsProxy = summary({ candidate: 'https://sum.golang.org' });
  const r = recommendChain([fast, dbAsProxy], { ...DEFAULTS, sumdbCandidates: ['https://sum.golang.org'] });
  assert.equal(r.goproxy, 'https://fast.example|direct');
  assert.equal(r.gosumdb, 'sum.golang.org');
});

test('reasons are messages, rendered in Simplified Chinese from the same decision', () => {
  const r = recommendChain([fast, slow, dead, sumGolangOrg(false), route('https://slow.example', false)], DEFAULTS);
  const zh = said(r, 'zh-CN');
  assert.ok(zh.some((x) => x.includes('按 go 预计耗时排序的代理')));
  assert.ok(zh.some((x) => x.includes('已排除') && x.includes('https://proxy.golang.org（超时）')), zh.join('\n'));
  assert.ok(zh.some((x) => x.includes('真实查询失败')));
  assert.ok(zh.some((x) => x.includes('GONOSUMDB') && x.includes('GOSUMDB=off')));
  assert.equal(zh.length, r.reasons.length);
  for (const line of zh) assert.deepEqual(checkZhText(line).english, [], line);
});

/** The reasons as a person reads them in `locale`. */
function said(r: { reasons: readonly Message[] }, locale: Locale = 'en'): string[] {
  return r.reasons.map(renderer(locale));
}
