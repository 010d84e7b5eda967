// A session that closes while one of its dials is still connecting destroys that socket without an
// 'error' event. The dial must settle at once: a pending connect deadline would keep the process
// (goproxyctl explain, after it has printed its answer) alive until the deadline fires.
import assert from 'node:assert/strict';
import net from 'node:net';
import { createSecureContext } from 'node:tls';
import { after, before, test } from 'node:test';
import { dial, type DialContext } from '../../../electron/core/probe/connector.js';

let server: net.Server;
let port = 0;
before(async () => {
  server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a socket destroyed mid-connect (the session closing) ends the dial, long before its deadline', { timeout: 20_000 }, async () => {
  // Destroy each socket as soon as the connector registers it, as ProbeSession.close() does.
  const sockets = new Set<net.Socket>();
  sockets.add = (s: net.Socket) => {
    s.destroy();
    return Set.prototype.add.call(sockets, s) as Set<net.Socket>;
  };
  const ctx: DialContext = {
    family: null,
    // Ten minutes: the test's own 20 s timeout fails it if the dial waits for this deadline.
    timeouts: { dnsMs: 600_000, connectMs: 600_000, tlsMs: 600_000, ttfbMs: 600_000, transferMs: 600_000, overallMs: 600_000 },
    secureContext: createSecureContext(),
    proxy: null,
    connectTo: {},
    signal: new AbortController().signal,
    onPhase: () => {},
    onConnection: () => {},
    onFailedConnection: () => {},
    sockets,
    secrets: [],
  };
  await assert.rejects(dial({ protocol: 'http:', hostname: '127.0.0.1', port: String(port) }, ctx));
});
