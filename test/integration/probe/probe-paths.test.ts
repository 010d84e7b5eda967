// The network path go would take (HTTP_PROXY / HTTPS_PROXY through a real loopback forward
// proxy), `direct`, and checksum databases as candidates.
import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Lab } from '../../lab/index.js';
import { probeDirect, probeProxy, probeSumdb, pickGoImport } from '../../../electron/core/probe/index.js';
import { labWith, probeOpts } from './lab-helpers.js';

let lab: Lab;
let forward: http.Server;
let forwardUrl = '';
const seen: string[] = [];
const sockets = new Set<net.Socket>();
// The forward proxy knows "mirror.lab.invalid" as the lab; nobody else does (it is .invalid).
let mirrorPort = 0;
let tlsPort = 0;

before(async () => {
  lab = await labWith([{ name: 'plain' }, { name: 'tls', tls: 'valid' }]);
  mirrorPort = lab.proxies.plain!.port;
  tlsPort = lab.proxies.tls!.port;
  forward = http.createServer((req, res) => {
    // Absolute-form request for plain http, as go sends it to HTTP_PROXY.
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = http.request({ host: '127.0.0.1', port: Number(target.port), path: `${target.pathname}${target.search}`, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end();
  });
  forward.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${req.url}`);
    sockets.add(client);
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => forward.listen(0, '127.0.0.1', r));
  forwardUrl = `http://127.0.0.1:${(forward.address() as AddressInfo).port}`;
});
after(async () => {
  for (const s of sockets) s.destroy();
  forward.closeAllConnections();
  await new Promise((r) => forward.close(r));
  await lab.close();
});

test('HTTP_PROXY: plain http goes through the proxy in absolute form', async () => {
  seen.length = 0;
  const s = await probeProxy(`http://mirror.lab.invalid:${mirrorPort}`, probeOpts(lab, { env: { HTTP_PROXY: forwardUrl } }));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  assert.equal(s.via, forwardUrl);
  assert.ok(seen.length >= 6 && seen.every((l) => l.startsWith(`GET http://mirror.lab.invalid:${mirrorPort}/`)), seen.join('\n'));
  assert.equal(lab.proxies.plain!.accessLog.length, s.requests.length);
});

test('HTTPS_PROXY: https is tunnelled with CONNECT and TLS is checked end to end', async () => {
  seen.length = 0;
  const s = await probeProxy(`https://mirror.lab.invalid:${tlsPort}`, probeOpts(lab, { env: { HTTPS_PROXY: forwardUrl } }));
  assert.deepEqual(seen, [`CONNECT mirror.lab.invalid:${tlsPort}`]);
  // The lab's certificate names 127.0.0.1/localhost, not mirror.lab.invalid: go would refuse it too.
  assert.equal(s.error?.kind, 'tls');
  assert.equal(s.error?.tls?.problem, 'wrong-host');
});

test('NO_PROXY and loopback bypass the proxy, as in go', async () => {
  seen.length = 0;
  const s = await probeProxy(lab.proxies.plain!.url, probeOpts(lab, { env: { HTTP_PROXY: forwardUrl } }));
  assert.equal(s.ok, true);
  assert.equal(s.via, null);
  const viaNoProxy = await probeProxy(`http://mirror.lab.invalid:${mirrorPort}`, probeOpts(lab, { env: { HTTP_PROXY: forwardUrl, NO_PROXY: '.lab.invalid' } }));
  assert.equal(viaNoProxy.error?.kind, 'dns', 'went direct, and .invalid does not resolve');
  assert.deepEqual(seen, []);
});

test('a dead HTTPS_PROXY is a connect failure of the proxy', async () => {
  const dead = net.createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const port = (dead.address() as AddressInfo).port;
  await new Promise((r) => dead.close(r));
  const s = await probeProxy('https://proxy.golang.org', probeOpts(lab, { env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } }));
  assert.equal(s.error?.kind, 'connect');
  assert.match(s.error?.message ?? '', /proxy/);
});

test('direct: a module host that does not resolve is a dns failure', async () => {
  const s = await probeDirect({ path: 'lab.invalid/app', version: 'v1.0.0' }, { env: {}, timeouts: { dnsMs: 2_000, overallMs: 5_000 } });
  assert.equal(s.kind, 'direct');
  assert.equal(s.candidate, 'direct');
  assert.equal(s.error?.kind, 'dns');
  assert.equal(s.requests[0]?.request, 'go-get');
});

test('direct: the go-import meta tag is picked for the module path', () => {
  const html = `<html><head>
    <meta name="go-import" content="example.org/other git https://git.example.org/other">
    <meta name='go-import' content='example.org/repo git https://git.example.org/repo.git'>
    <meta name="go-import" content="example.org/repo mod https://proxy.example.org">
  </head></html>`;
  assert.deepEqual(pickGoImport(html, 'example.org/repo/sub'), { prefix: 'example.org/repo', vcs: 'git', repoRoot: 'https://git.example.org/repo.git' });
  assert.equal(pickGoImport(html, 'example.org/repository'), null);
});

test('sumdb: a signed tree note passes, anything else is protocol', async () => {
  const note = 'go.sum database tree\n31337\nnHMq1YmFSGyJMsxqn2eMbIBz3IYbwHGaHHk/kH3HKFk=\n\n\u2014 sum.golang.org Az3grnmrIRu1bkP9LGy1Ig9XlUr82cXrSq3OJtbe+FwgW1HgVbOUeSj2E23G2rR1bQfyhDcKvMTYYtrVkhTmazvAPQk=\n';
  let body = note;
  const server = http.createServer((req, res) => {
    res.writeHead(req.url === '/sumdb/latest' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sumdb`;
    const good = await probeSumdb(base, { env: {} });
    assert.equal(good.ok, true, JSON.stringify(good.error));
    assert.equal(good.kind, 'sumdb');
    assert.equal(good.sumdbSupported, true);
    body = '<html>captive portal</html>';
    const bad = await probeSumdb(base, { env: {} });
    assert.equal(bad.error?.kind, 'protocol');
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
