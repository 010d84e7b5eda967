// Every hostile behaviour of the lab, classified (the error's kind and phase say which deadline
// or cap stopped it) with bounded memory. No wall-clock bounds: those belong in bench:probe.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { FaultSpec, Lab } from '../../lab/index.js';
import { probeProxy } from '../../../electron/core/probe/index.js';
import type { ProbeSample } from '../../../shared/bench/types.js';
import { SHORT_TIMEOUTS, labWith, probeOpts } from './lab-helpers.js';

let lab: Lab;
before(async () => {
  lab = await labWith([
    { name: 'x' },
    { name: 'other' },
    { name: 'tls', tls: 'valid' },
    { name: 'selfsigned', tls: 'self-signed' },
    { name: 'expired', tls: 'expired' },
    { name: 'wronghost', tls: 'wrong-host' },
  ]);
});
after(() => lab.close());
beforeEach(() => {
  for (const p of Object.values(lab.proxies)) {
    p.setFaults({});
    p.clearLog();
  }
});

const ZIP_CAP = 256 << 10;

async function probeWith(faults: FaultSpec, extra: Parameters<typeof probeOpts>[1] = {}, name = 'x'): Promise<{ s: ProbeSample }> {
  lab.proxies[name]!.setFaults(faults);
  const s = await probeProxy(lab.proxies[name]!.url, probeOpts(lab, { maxBodyBytes: { zip: ZIP_CAP, list: 64 << 10 }, ...extra }));
  return { s };
}

function failed(s: ProbeSample, request: string): ProbeSample['requests'][number] {
  const r = s.requests.find((q) => q.request === request);
  assert.ok(r, `no ${request} request in ${JSON.stringify(s.requests.map((q) => q.request))}`);
  return r;
}

test('slowloris headers: timeout in the first-byte phase, within the deadline', async () => {
  const { s } = await probeWith({ mode: 'slowloris-headers', paths: '@v/list' });
  assert.equal(s.ok, false);
  assert.equal(s.error?.kind, 'timeout');
  assert.equal(s.error?.phase, 'ttfb');
});

test('endless body on the zip: the read stops at the cap and is too-large', async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const { s } = await probeWith({ mode: 'endless-body', paths: '.zip' });
  const zip = failed(s, 'zip');
  assert.equal(zip.error?.kind, 'too-large');
  assert.equal(zip.bytes, ZIP_CAP, 'kept exactly the cap');
  assert.equal(s.error?.kind, 'too-large');
  assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 << 20, 'memory stays bounded');
});

test('endless body on the version list: too-large at the list cap', async () => {
  const { s } = await probeWith({ mode: 'endless-body', paths: '@v/list' });
  assert.equal(failed(s, 'list').error?.kind, 'too-large');
  assert.equal(failed(s, 'list').bytes, 64 << 10);
});

test('zip bomb (Content-Length small, body far larger): only the declared bytes are read, and they are not a zip', async () => {
  const { s } = await probeWith({ mode: 'zip-bomb', paths: '.zip' });
  const zip = failed(s, 'zip');
  assert.ok(zip.bytes <= 1024, `${zip.bytes} bytes read`);
  assert.equal(zip.error?.kind, 'protocol');
});

test('1 MB of response headers: too-large, nothing buffered beyond the header cap', async () => {
  const { s } = await probeWith({ mode: 'huge-headers' });
  assert.equal(s.error?.kind, 'too-large');
  assert.equal(s.error?.phase, 'ttfb');
});

test('redirect loop: redirect, quickly', async () => {
  const { s } = await probeWith({ mode: 'redirect-loop', paths: '@v/list' });
  assert.equal(s.error?.kind, 'redirect');
  assert.match(s.error?.message ?? '', /loop/);
});

test('cross-host redirect: followed like go, but the credentials stay home', async () => {
  lab.proxies.x!.setFaults({ mode: 'redirect-cross-host', redirectTo: 'other', auth: { user: 'u', password: 'hunter2' } });
  const s = await probeProxy(lab.proxies.x!.url, probeOpts(lab, { credentials: { user: 'u', secret: 'hunter2' } }));
  assert.ok(lab.proxies.x!.accessLog.every((e) => e.authorizationHeaderSent), 'the candidate itself got the credentials');
  const otherLog = lab.proxies.other!.accessLog;
  assert.ok(otherLog.length > 0, 'the redirect was followed');
  assert.ok(otherLog.every((e) => !e.authorizationHeaderSent), 'no Authorization header reached the other origin');
  assert.equal(s.ok, true, JSON.stringify(s.error));
  assert.ok(s.requests.every((r) => (r.redirects ?? 0) === 1));
  assert.ok(!JSON.stringify(s).includes('hunter2'));
});

test('cross-host redirect to an origin that wants credentials: redirect, credentials not forwarded', async () => {
  lab.proxies.x!.setFaults({ mode: 'redirect-cross-host', redirectTo: 'other', paths: '@v/list' });
  lab.proxies.other!.setFaults({ auth: { user: 'u', password: 'hunter2' } });
  const s = await probeProxy(lab.proxies.x!.url, probeOpts(lab, { credentials: { user: 'u', secret: 'hunter2' } }));
  assert.equal(failed(s, 'list').error?.kind, 'redirect');
  assert.ok(lab.proxies.other!.accessLog.every((e) => !e.authorizationHeaderSent));
});

test('https -> http redirect is refused like go refuses it', async () => {
  const { s } = await probeWith({ mode: 'redirect-to-http', paths: '@v/list' }, {}, 'tls');
  assert.equal(s.error?.kind, 'redirect');
  assert.match(s.error?.message ?? '', /https to insecure http/);
  assert.ok(lab.proxies.tls!.accessLog.every((e) => e.via !== 'http-downgrade'), 'the http twin was never asked');
});

for (const [name, problem] of [['selfsigned', 'self-signed'], ['expired', 'expired'], ['wronghost', 'wrong-host']] as const) {
  test(`bad TLS (${problem}): tls, classified, with the certificate subject`, async () => {
    const s = await probeProxy(lab.proxies[name]!.url, probeOpts(lab));
    assert.equal(s.error?.kind, 'tls');
    assert.equal(s.error?.phase, 'tls');
    assert.equal(s.error?.tls?.problem, problem);
    assert.match(s.error?.tls?.subject ?? '', /CN=/);
    assert.match(s.error?.message ?? '', /CN=/);
    assert.equal(s.tls?.problem, problem);
    assert.equal(s.requests.length, 1, 'nothing more is tried on an untrusted host');
    assert.ok(s.requests[0]!.tlsMs !== null && s.requests[0]!.reused === false);
    assert.equal(lab.proxies[name]!.accessLog.length, 0, 'no request was sent over the rejected connection');
  });
}

test('garbage bytes instead of HTTP: protocol', async () => {
  const { s } = await probeWith({ mode: 'garbage' });
  assert.equal(s.error?.kind, 'protocol');
});

test('wrong content (HTML portal page, bad JSON, zip without the prefix): protocol on each request', async () => {
  const { s } = await probeWith({ mode: 'wrong-content' });
  for (const r of ['list', 'info', 'mod', 'zip']) assert.equal(failed(s, r).error?.kind, 'protocol', r);
  assert.equal(s.error?.kind, 'protocol');
});

test('black hole: timeout with the phase, within the deadline', async () => {
  const { s } = await probeWith({ mode: 'blackhole' });
  assert.equal(s.error?.kind, 'timeout');
  assert.equal(s.error?.phase, 'ttfb');
  const tls = await probeWith({ mode: 'blackhole' }, {}, 'tls');
  assert.equal(tls.s.error?.kind, 'timeout');
  assert.equal(tls.s.error?.phase, 'tls', 'a TLS server that never answers the hello stalls the handshake');
});

test('refused: connect', async () => {
  const { s } = await probeWith({ mode: 'refuse' });
  assert.equal(s.error?.kind, 'connect');
  assert.equal(s.error?.phase, 'connect');
  assert.match(s.error?.message ?? '', /ECONNREFUSED/);
  assert.ok(s.requests[0]!.connectMs !== null);
});

test('connection reset mid-body: a transfer-phase failure', async () => {
  const { s } = await probeWith({ mode: 'reset-mid-body', paths: '.mod' });
  const mod = failed(s, 'mod');
  assert.equal(mod.error?.phase, 'transfer');
  assert.ok(['connect', 'protocol'].includes(mod.error?.kind ?? ''), JSON.stringify(mod.error));
});

test('404 and 410 are not-found, 5xx is http, a missing @latest is fine', async () => {
  for (const status of [404, 410]) {
    const { s } = await probeWith({ status, paths: '.info' });
    assert.equal(s.error?.kind, 'not-found');
    assert.equal(s.error?.status, status);
  }
  const { s: s502 } = await probeWith({ status: 502, paths: '.info' });
  assert.equal(s502.error?.kind, 'http');
  assert.equal(s502.error?.status, 502);
  const { s: noLatest } = await probeWith({ status: 404, paths: '@latest' });
  assert.equal(noLatest.ok, true, 'the optional @latest may be missing');
  assert.equal(failed(noLatest, 'latest').status, 404);
});

test('401: auth with credentials missing or wrong, ok with the right ones (which never leak)', async () => {
  const faults: FaultSpec = { auth: { user: 'alice', password: 's3cret-pw' } };
  const anon = await probeWith(faults);
  assert.equal(anon.s.error?.kind, 'auth');
  assert.equal(anon.s.error?.status, 401);
  const wrong = await probeWith(faults, { credentials: { user: 'alice', secret: 'nope' } });
  assert.equal(wrong.s.error?.kind, 'auth');
  assert.match(wrong.s.error?.message ?? '', /rejected the credentials/);
  const right = await probeWith(faults, { credentials: { user: 'alice', secret: 's3cret-pw' } });
  assert.equal(right.s.ok, true, JSON.stringify(right.s.error));
  const inUrl = lab.proxies.x!.url.replace('http://', 'http://alice:s3cret-pw@');
  const viaUrl = await probeProxy(inUrl, probeOpts(lab));
  assert.equal(viaUrl.ok, true);
  assert.ok(!viaUrl.candidate.includes('s3cret'), 'the candidate is stored without its userinfo');
  for (const s of [anon.s, wrong.s, right.s, viaUrl]) assert.ok(!JSON.stringify(s).includes('s3cret-pw'));
  // 403 without a challenge and without credentials is plain http.
  const forbidden = await probeWith({ status: 403 });
  assert.equal(forbidden.s.error?.kind, 'http');
});

test('cancellation through the AbortSignal: cancelled, promptly, nothing left running', async () => {
  lab.proxies.x!.setFaults({ mode: 'blackhole' });
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 200);
  const s = await probeProxy(lab.proxies.x!.url, probeOpts(lab, { signal: ac.signal, timeouts: { ...SHORT_TIMEOUTS, ttfbMs: 30_000, overallMs: 30_000 } }));
  // Cancelled, not timed out: the 30 s deadlines never fired, so the abort ended it at once.
  assert.equal(s.error?.kind, 'cancelled');
});

test('the overall deadline wins over slow phases and names the phase it interrupted', async () => {
  const { s } = await probeWith({ mode: 'slow-body', paths: '.mod' }, { timeouts: { ...SHORT_TIMEOUTS, transferMs: 30_000, overallMs: 1_000 } });
  assert.equal(s.error?.kind, 'timeout');
  assert.equal(s.error?.phase, 'transfer');
  assert.match(s.error?.message ?? '', /did not finish within 1000 ms/, 'the overall deadline, not the 30 s transfer one');
});
