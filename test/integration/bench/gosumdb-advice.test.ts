// issue 10: GOSUMDB advice only after a real lookup through the route go would take. A benchmark
// against the lab (a mirror that answers /sumdb/<name>/supported but 404s every lookup, ranked
// first; a mirror that really proxies the lab's signed database) must not advise the route go
// would take through the first mirror; the real go (1.19 and 1.23) then verifies with the advice.
// When no route completes a lookup, GOSUMDB is left alone and the reasons say what go will do.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runBenchmark } from '../../../electron/core/bench/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import type { Locale, Message } from '../../../shared/i18n/message.js';
import { renderer } from '../../../shared/i18n/catalog.js';

let lab: Lab;
const MODULE = { path: 'lab.invalid/app', version: 'v1.0.0' };

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'claims', sumdb: 'supported-only' },
      { name: 'good', sumdb: true, faults: { latencyMs: 60 } },
    ],
  });
});
after(() => lab?.close());

function bench(names: string[]) {
  const urls = names.map((n) => lab.proxies[n]!.url);
  return runBenchmark(
    urls.map((url) => ({ url, kind: 'proxy' as const })),
    { module: MODULE, samples: 1, env: {}, historyDir: null, currentGoproxy: urls.join(','), currentGosumdb: lab.checksumDb.verifierKey },
  );
}

function download(goBin: string, env: Record<string, string>) {
  return runCommand(goBin, ['mod', 'download', '-json', `${MODULE.path}@${MODULE.version}`], {
    env: lab.goEnv({ GOMODCACHE: lab.makeTempDir('modcache'), GOPATH: lab.makeTempDir('gopath'), ...env }),
    cwd: lab.makeTempDir('work'),
    timeoutMs: 60_000,
  });
}

test('a mirror claiming /supported is not a route: the advice names the route whose lookup verified', async () => {
  const report = await bench(['claims', 'good']);
  const { goproxy, gosumdb } = report.recommendation;
  const reasons = said(report.recommendation);
  assert.equal(goproxy.split('|')[0], lab.proxies.claims!.url, 'the claiming mirror is the faster proxy');
  assert.equal(gosumdb, `${lab.checksumDb.verifierKey} ${lab.proxies.good!.url}/sumdb/sum.golang.org`);
  assert.ok(reasons.some((r) => r.includes(lab.proxies.claims!.url) && r.includes('/supported')), reasons.join('\n'));
  const lookedUp = lab.proxies.good!.accessLog.filter((e) => e.status === 200 && /\/sumdb\/sum\.golang\.org\/(lookup|tile)\//.test(e.path));
  assert.ok(lookedUp.length >= 2, 'the benchmark made a real lookup and read a tile through the mirror');

  for (const go of goToolchains()) {
    const advised = await download(go.bin, { GOPROXY: goproxy, GOSUMDB: gosumdb });
    assert.equal(advised.code, 0, `${go.name} with the advice: ${advised.stdout}${advised.stderr}`);
    // The advice /supported alone would have given: go sends lookups to the claiming mirror and fails.
    const naive = await download(go.bin, { GOPROXY: goproxy, GOSUMDB: lab.checksumDb.verifierKey });
    assert.notEqual(naive.code, 0, `${go.name} through the claiming mirror must fail`);
  }
});

test('no route completes a lookup: GOSUMDB is left alone, the reasons say what go will do and the safe choices', async () => {
  const report = await bench(['claims']);
  assert.equal(report.recommendation.gosumdb, null);
  const saidText = said(report.recommendation).join('\n');
  assert.match(saidText, /go will stop on every module that is not already in go\.sum/);
  assert.match(saidText, /GONOSUMDB/);
  assert.match(saidText, /never make GOSUMDB=off a default/);
});

/** The reasons as a person reads them in `locale`. */
function said(r: { reasons: readonly Message[] }, locale: Locale = 'en'): string[] {
  return r.reasons.map(renderer(locale));
}
