// What the relay tests share: a loopback port nobody listens on yet, and a profile for a lab
// chain (optionally through the relay on a port), written from its GOPROXY value.
import net from 'node:net';
import { goproxyEntries } from '../../shared/profile/assign.js';
import type { Profile } from '../../shared/profile/index.js';

/** A port free on 127.0.0.1 right now (the OS picks it; the probe socket is closed at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A complete profile with checksum verification off (the lab's modules are not in sum.golang.org). */
export function labProfile(id: string, goproxy: string, opts: { name?: string; relay?: Profile['relay'] } = {}): Profile {
  const entries = goproxyEntries(goproxy);
  if (!entries.ok) throw new Error(`labProfile: ${entries.error}`);
  return {
    schema: 1,
    id,
    name: opts.name ?? id,
    goproxy: entries.entries,
    gosumdb: 'off',
    goprivate: '',
    gonoproxy: null,
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: { goEnv: true, shells: [] },
    ...(opts.relay ? { relay: opts.relay } : {}),
  };
}
