// The headless server's admission rules against the real server on a real loopback socket:
// loopback bind, token (401), Host (403), Origin (403), no CORS ever, size and shape limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/core/headless/server.js';
import { createService, type Service } from '../../../electron/core/service/service.js';
import { CONTRACT_KEYS, routeOf } from '../../../shared/contract/contract.js';
import { INITIAL_STATE } from '../../../shared/contract/state.js';

let server: HeadlessServer;
let service: Service;
let dir: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-headless-'));
  await mkdir(path.join(dir, 'ui', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'ui', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(dir, 'ui', 'assets', 'a.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the root');
  service = createService({ env: { HOME: dir, PATH: '' } });
  server = await startHeadlessServer({ service, staticRoot: path.join(dir, 'ui'), bodyLimit: 1024 });
});

after(async () => {
  await server?.close();
  service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; token?: boolean }): Promise<Reply> {
  const headers: Record<string, string> = { Host: `127.0.0.1:${server.port}`, ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${server.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve({ status: -1, headers: {}, body: '' }) : reject(err)));
    req.end(opts.body);
  });
}

const noCors = (r: Reply) => assert.deepEqual(Object.keys(r.headers).filter((h) => h.startsWith('access-control-')), [], 'no CORS header');

test('binds 127.0.0.1 only, and the printed URL carries the token in the fragment', () => {
  assert.equal(new URL(server.url).hostname, '127.0.0.1');
  assert.equal(new URL(server.url).hash, `#token=${server.token}`);
  assert.match(server.token, /^[A-Za-z0-9_-]{43}$/);
});

test('GET /api/state: 401 without the token or with a wrong one, the state with it', async () => {
  const none = await send({ path: '/api/state' });
  assert.equal(none.status, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer');
  const wrong = await send({ path: '/api/state', headers: { Authorization: `Bearer ${'x'.repeat(43)}` } });
  assert.equal(wrong.status, 401);
  const inQuery = await send({ path: `/api/state?token=${server.token}` });
  assert.equal(inQuery.status, 401, 'a token in the URL is not accepted');
  const ok = await send({ path: '/api/state', token: true });
  assert.equal(ok.status, 200);
  const state = JSON.parse(ok.body) as Record<string, unknown>;
  assert.equal(typeof state.revision, 'number');
  assert.deepEqual(Object.keys(state).sort(), Object.keys(INITIAL_STATE).sort());
  for (const r of [none, wrong, ok]) noCors(r);
  // Every other key needs the token too: the stream and each command.
  for (const key of CONTRACT_KEYS) {
    const { method, path: p } = routeOf(key);
    const r = await send({ method, path: p, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    assert.equal(r.status, 401, key);
  }
});

test('a foreign Host (DNS rebinding) gets 403, even with the token; localhost is fine', async () => {
  for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `localhost.evil:${server.port}`]) {
    const r = await send({ path: '/api/state', token: true, headers: { Host: host } });
    assert.equal(r.status, 403, host);
    noCors(r);
  }
  const page = await send({ path: '/', headers: { Host: 'evil.example' } });
  assert.equal(page.status, 403, 'static files too');
  assert.equal((await send({ path: '/api/state', token: true, headers: { Host: `localhost:${server.port}` } })).status, 200);
});

test('a foreign Origin gets 403 (cross-site requests), ours is accepted; no CORS headers, not even on a preflight', async () => {
  for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
    const r = await send({ method: 'POST', path: '/api/refreshConfig', token: true, headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 403, origin);
    noCors(r);
  }
  const preflight = await send({ method: 'OPTIONS', path: '/api/refreshConfig', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(preflight.status, 403);
  noCors(preflight);
  const same = await send({ path: '/api/state', token: true, headers: { Origin: `http://127.0.0.1:${server.port}` } });
  assert.equal(same.status, 200);
  noCors(same);
});

test('request bodies: oversized 413, not JSON 400/415, wrong shape 400, with the reason', async () => {
  const big = await send({ method: 'POST', path: '/api/explain', token: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ module: 'a'.repeat(5000), version: null }) });
  assert.ok(big.status === 413 || big.status === -1, `413 or a closed connection, got ${big.status}`);
  const type = await send({ method: 'POST', path: '/api/explain', token: true, headers: { 'Content-Type': 'text/plain' }, body: '{}' });
  assert.equal(type.status, 415);
  const garbage = await send({ method: 'POST', path: '/api/explain', token: true, headers: { 'Content-Type': 'application/json' }, body: '{not json' });
  assert.equal(garbage.status, 400);
  for (const [body, why] of [
    [{}, /missing the field "module"/],
    [{ module: 'lab.invalid/app', version: null, extra: 1 }, /unknown field "extra"/],
    [{ module: 'Not A Path', version: null }, /not a valid module path/],
    [{ module: 'lab.invalid/app', version: 'banana' }, /full semantic version/],
    [[1, 2], /JSON object/],
  ] as const) {
    const r = await send({ method: 'POST', path: '/api/explain', token: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(r.status, 400, JSON.stringify(body));
    const envelope = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(envelope.ok, false);
    assert.equal(envelope.error.code, 'bad-request');
    assert.match(envelope.error.message, why);
  }
});

test('routes are exactly the contract: unknown 404, wrong method 405 with Allow', async () => {
  assert.equal((await send({ path: '/api/nope', token: true })).status, 404);
  const wrong = await send({ method: 'GET', path: '/api/explain', token: true });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.allow, 'POST');
  for (const key of CONTRACT_KEYS) {
    const { method, path: p } = routeOf(key);
    if (method === 'GET' && key !== 'stream') assert.equal((await send({ path: p, token: true })).status, 200, key);
  }
  // HEAD of the stream answers at once with the headers (send() waits for the end of the response).
  const head = await send({ method: 'HEAD', path: routeOf('stream').path, token: true });
  assert.equal(head.status, 200);
  assert.match(head.headers['content-type'] ?? '', /text\/event-stream/);
});

test('static files load without the token, with a strict CSP, and never from outside the root', async () => {
  const page = await send({ path: '/' });
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'] ?? '', /text\/html/);
  assert.match(String(page.headers['content-security-policy'] ?? ''), /default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.equal((await send({ path: '/assets/a.js' })).status, 200);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets', '/missing.js']) {
    const r = await send({ path: p });
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.includes('outside the root'), p);
  }
  assert.equal((await send({ method: 'POST', path: '/', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, 405);
});
