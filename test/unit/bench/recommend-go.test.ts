// The real `go` is the judge of a recommendation: the GOPROXY and GOSUMDB strings we produce must
// mean to go what the reasons say. Loopback lab proxies only.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { recommendChain } from '../../../shared/bench/recommend.js';
import { startLab } from '../../lab/index.js';
import type { Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { failing, summary } from './fixtures.js';

let lab: Lab;

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'best', tls: 'valid', sumdb: true },
      { name: 'second', faults: { latencyMs: 30 } },
      { name: 'dead', faults: { mode: 'refuse' } },
    ],
  });
});

after(async () => {
  await lab?.close();
});

function url(name: string): string {
  const p = lab.proxies[name];
  assert.ok(p, `no lab proxy ${name}`);
  return p.url;
}

/**
 * What a benchmark of this lab looks like: best is fastest and serves the database (a real lookup
 * through it verified), sum.golang.org is black-holed. The user's GOSUMDB carries the lab's key.
 */
function benchmark(): ReturnType<typeof recommendChain> {
  return recommendChain(
    [
      summary({ candidate: url('best'), ttfbMs: { median: 5, p90: 8 }, sumdbSupported: true }),
      summary({ candidate: url('second'), ttfbMs: { median: 35, p90: 40 }, sumdbSupported: false, tls: null }),
      failing(url('dead'), 'connect'),
      failing('https://sum.golang.org', 'timeout', { kind: 'sumdb' }),
      summary({ candidate: `${url('best')}/sumdb/sum.golang.org`, kind: 'sumdb' }),
    ],
    { currentGoproxy: 'https://proxy.golang.org,direct', currentGosumdb: lab.checksumDb.verifierKey, directReachable: false },
  );
}

function download(goBin: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const mod = lab.modules[0];
  assert.ok(mod);
  const gomodcache = lab.makeTempDir('modcache');
  return runCommand(goBin, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], {
    env: lab.goEnv({ GOMODCACHE: gomodcache, GOPATH: path.dirname(gomodcache), ...env }),
    cwd: lab.makeTempDir('cwd'),
    timeoutMs: 60_000,
  });
}

test('the recommendation for this lab', () => {
  const r = benchmark();
  assert.equal(r.goproxy, `${url('best')}|${url('second')}`);
  // go's own route is best's /sumdb/ (the first proxy claiming support) and it verified: the key, no URL.
  assert.equal(r.gosumdb, lab.checksumDb.verifierKey);
});

for (const go of goToolchains()) {
  test(`${go.name}: the recommended "|" chain survives the best proxy failing with 502; a "," chain would not`, async () => {
    const r = benchmark();
    const best = lab.proxies.best;
    const second = lab.proxies.second;
    assert.ok(best && second);
    best.setFaults({ status: 502 });
    try {
      second.clearLog();
      const piped = await download(go.bin, { GOPROXY: r.goproxy, GOSUMDB: 'off' });
      assert.equal(piped.code, 0, piped.stderr);
      const mod = lab.modules[0];
      assert.ok(second.servedModules().includes(`${mod?.path}@${mod?.version}`), 'the second proxy served the module');
      const commas = await download(go.bin, { GOPROXY: r.goproxy.replaceAll('|', ','), GOSUMDB: 'off' });
      assert.notEqual(commas.code, 0, 'with "," go stops at the 502');
    } finally {
      best.setFaults({});
    }
  });

  test(`${go.name}: with the recommended GOPROXY and GOSUMDB go verifies through the proxy's /sumdb/ endpoint`, async () => {
    const r = benchmark();
    assert.ok(r.gosumdb);
    const best = lab.proxies.best;
    assert.ok(best);
    best.clearLog();
    const result = await download(go.bin, { GOPROXY: r.goproxy, GOSUMDB: r.gosumdb, GONOSUMDB: '', GOPRIVATE: '' });
    assert.equal(result.code, 0, result.stderr);
    const asked = best.accessLog.filter((e) => e.status === 200 && e.path.startsWith('/sumdb/sum.golang.org/lookup/'));
    assert.ok(asked.length > 0, `go did not look the module up at ${best.url}/sumdb/sum.golang.org: ${result.stderr}`);
  });
}
