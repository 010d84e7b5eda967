// Figures for issue 10 (GOSUMDB advice, the corporate journey): what the real go does in a lab
// before and after following goproxyctl's advice, and how long it takes. Prints; asserts nothing.
//   npx tsc -b && node dist/test/bench/sumdb-advice.js
import path from 'node:path';
import { runBenchmark } from '../../electron/core/bench/index.js';
import { writeNetrcEntries } from '../../electron/core/secrets/netrc-file.js';
import { CORPORATE_CREDENTIALS, SCENARIOS, startLab, type Lab } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';

const MODULE = { path: 'lab.invalid/app', version: 'v1.0.0' };

async function timedGo(lab: Lab, goBin: string, env: Record<string, string>, mod = MODULE): Promise<string> {
  const t0 = performance.now();
  const r = await runCommand(goBin, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], {
    env: lab.goEnv({ GOMODCACHE: lab.makeTempDir('modcache'), GOPATH: lab.makeTempDir('gopath'), ...env }),
    cwd: lab.makeTempDir('work'),
    timeoutMs: 60_000,
  });
  const ms = Math.round(performance.now() - t0);
  const error = (JSON.parse(r.stdout || '{}') as { Error?: string }).Error ?? r.stderr.trim();
  return r.code === 0 ? `ok in ${ms} ms` : `FAILS in ${ms} ms: ${(error.split('\n')[0] ?? '').slice(0, 140)}`;
}

const lab = await startLab({
  proxies: [
    { name: 'claims', sumdb: 'supported-only', faults: { latencyMs: 5 } },
    { name: 'good', sumdb: true, faults: { latencyMs: 40 } },
  ],
});
try {
  const chain = `${lab.proxies.claims!.url},${lab.proxies.good!.url}`;
  const key = lab.checksumDb.verifierKey;
  console.log('A mirror answering /sumdb/<name>/supported but 404 to lookups, ranked first; a mirror proxying the signed database.');
  for (const go of goToolchains()) console.log(`  before, ${go.name}: GOPROXY=<claims>,<good> GOSUMDB=<lab key>: ${await timedGo(lab, go.bin, { GOPROXY: chain, GOSUMDB: key })}`);
  const t0 = performance.now();
  const report = await runBenchmark(
    [lab.proxies.claims!.url, lab.proxies.good!.url].map((url) => ({ url, kind: 'proxy' as const })),
    { module: MODULE, samples: 3, env: {}, historyDir: null, currentGoproxy: chain, currentGosumdb: key },
  );
  const { goproxy, gosumdb } = report.recommendation;
  console.log(`  bench (3 samples, real lookups): ${Math.round(performance.now() - t0)} ms -> GOPROXY=${goproxy} GOSUMDB=${gosumdb === null ? '(unchanged)' : gosumdb.replace(key, '<lab key>')}`);
  for (const go of goToolchains()) {
    console.log(`  after,  ${go.name}: ${await timedGo(lab, go.bin, { GOPROXY: goproxy, GOSUMDB: gosumdb ?? key })}`);
  }
} finally {
  await lab.close();
}

const corporate = SCENARIOS.corporate!;
const corp = await startLab({ proxies: corporate.proxies, modules: corporate.modules!, checksumDb: corporate.checksumDb! });
try {
  const netrc = path.join(corp.makeTempDir('home'), '.netrc');
  await writeNetrcEntries(netrc, [{ origin: corp.proxies.athens!.url, user: CORPORATE_CREDENTIALS.user, secret: CORPORATE_CREDENTIALS.password }]);
  const base = {
    GOPROXY: `${corp.proxies.athens!.url}|${corp.proxies.public!.url}`,
    GOPRIVATE: 'corp.invalid',
    GOSUMDB: corp.checksumDb.verifierKey,
    NETRC: netrc,
  };
  const priv = { path: 'corp.invalid/multi', version: 'v1.1.0' };
  console.log('\ncorporate (https, credential in a managed netrc entry), private module corp.invalid/multi@v1.1.0:');
  for (const go of goToolchains()) {
    console.log(`  old template (GONOPROXY follows GOPRIVATE), ${go.name}: ${await timedGo(corp, go.bin, base, priv)}`);
    console.log(`  new template (GONOPROXY=none),              ${go.name}: ${await timedGo(corp, go.bin, { ...base, GONOPROXY: 'none' }, priv)}`);
  }
} finally {
  await corp.close();
}
