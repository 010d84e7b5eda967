// Named lab set-ups for `npm run lab`, the demo and benchmark scripts.
import { fixtureGraph } from './fixtures.js';
import type { Scenario } from './types.js';

const PUBLIC = fixtureGraph();
const PRIVATE = fixtureGraph({ count: 6, prefix: 'corp.invalid' });
const publicPaths = [...new Set(PUBLIC.map((m) => m.path))];

export const CORPORATE_CREDENTIALS = { user: 'dev', password: 'lab-secret' };

export const SCENARIOS: Record<string, Scenario> = {
  'china-like': {
    description:
      'The default proxy is black-holed (stands in for proxy.golang.org seen from mainland China); a fast healthy mirror ' +
      'that also proxies the checksum database; a flaky mirror answering 502 to every .info request and claiming ' +
      '/sumdb/<name>/supported while every lookup 404s; the checksum database itself ("sumdb", signed with the lab key: ' +
      'GOSUMDB="<lab key> <its URL>").',
    proxies: [
      { name: 'default', faults: { mode: 'blackhole' } },
      { name: 'mirror-fast', faults: { latencyMs: 10 }, sumdb: true },
      { name: 'mirror-flaky', faults: { status: 502, paths: '/\\.info$/', latencyMs: 40, jitterMs: 40 }, sumdb: 'supported-only' },
      { name: 'sumdb', checksumDatabase: true, faults: { latencyMs: 25 } },
    ],
  },
  corporate: {
    description:
      'Over https with the lab CA (go sends credentials to https URLs only): a private Athens-like proxy ("athens") ' +
      'serving corp.invalid/* only with HTTP Basic auth (user "dev", password ' +
      '"lab-secret") and the public modules without; a public fallback ("public") that serves only the public modules ' +
      'and proxies the checksum database, which never logged corp.invalid/*.',
    modules: [...PUBLIC, ...PRIVATE],
    checksumDb: { omit: ['corp.invalid'] },
    proxies: [
      { name: 'athens', tls: 'valid', faults: { auth: CORPORATE_CREDENTIALS, paths: '/corp.invalid/', latencyMs: 5 } },
      { name: 'public', tls: 'valid', modules: publicPaths, sumdb: true, faults: { latencyMs: 15 } },
    ],
  },
  'tls-zoo': {
    description: 'One proxy per TLS mode: valid (trust the lab CA), expiring-soon, expired, self-signed, wrong-host.',
    proxies: [
      { name: 'valid', tls: 'valid' },
      { name: 'expiring-soon', tls: 'expiring-soon' },
      { name: 'expired', tls: 'expired' },
      { name: 'self-signed', tls: 'self-signed' },
      { name: 'wrong-host', tls: 'wrong-host' },
    ],
  },
  hostile: {
    description: 'One proxy per hostile behaviour a probe must survive, plus a healthy one.',
    proxies: [
      { name: 'healthy' },
      { name: 'slowloris', faults: { mode: 'slowloris-headers' } },
      { name: 'endless', faults: { mode: 'endless-body' } },
      { name: 'huge-headers', faults: { mode: 'huge-headers' } },
      { name: 'redirect-loop', faults: { mode: 'redirect-loop' } },
      { name: 'cross-host', faults: { mode: 'redirect-cross-host', redirectTo: 'healthy' } },
      { name: 'garbage', faults: { mode: 'garbage' } },
      { name: 'zip-bomb', faults: { mode: 'zip-bomb', paths: '/\\.zip$/' } },
      { name: 'refused', faults: { mode: 'refuse' } },
    ],
  },
};
