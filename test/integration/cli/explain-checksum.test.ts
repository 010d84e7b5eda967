// explain's checksum step against the lab's signed database, where the differential suite cannot
// go: a proxy that accepts /sumdb/<name>/supported and never answers. go (1.19 and 1.23) has no
// response timeout and waits forever there, whatever the separator; explain must say "hang",
// name the entry, and exit 1. Plus the human output of a verified route.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fixtureGraph, startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

const MODULE = 'lab.invalid/app@v1.0.0';
/** How long go gets to finish before it counts as hanging (it answers in well under a second otherwise). */
const GO_BOUND_MS = 8_000;
let lab: Lab;

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'good' },
      { name: 'silent-sumdb', faults: { mode: 'blackhole', paths: '/sumdb/' } },
      { name: 'mirror', sumdb: true },
    ],
  });
});
after(() => lab?.close());

function env(goproxy: string, goBin: string): Record<string, string> {
  const e = lab.goEnv({ GOPROXY: goproxy, GOSUMDB: lab.checksumDb.verifierKey, GOMODCACHE: lab.makeTempDir('modcache'), GOPATH: lab.makeTempDir('gopath'), GOPROXYCTL_GO: goBin });
  e.PATH = `${path.dirname(goBin)}:${e.PATH ?? '/usr/bin:/bin'}`;
  return e;
}

for (const go of goToolchains()) {
  test(`${go.name}: a proxy silent on /sumdb/ after '|': go does not finish, explain says hang and names it`, async () => {
    const chain = `${lab.proxies.good!.url}|${lab.proxies['silent-sumdb']!.url}`;
    const real = await runCommand(go.bin, ['mod', 'download', '-json', MODULE], { env: env(chain, go.bin), cwd: lab.makeTempDir('work'), timeoutMs: GO_BOUND_MS });
    assert.equal(real.code, null, `go finished (${real.code}): ${real.stdout}${real.stderr}`);

    const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '1000', MODULE], { env: env(chain, go.bin), cwd: lab.makeTempDir('work'), timeoutMs: 60_000 });
    assert.equal(ours.code, 1, ours.stderr);
    const doc = JSON.parse(ours.stdout) as { servedBy: string | null; fix: string; checksum: { verdict: string; routeSteps: { entry: string; outcome: string }[] } };
    assert.equal(doc.servedBy, null);
    assert.equal(doc.checksum.verdict, 'hang');
    assert.deepEqual(doc.checksum.routeSteps.map((s) => s.outcome), ['notFound', 'hang']);
    assert.ok(doc.fix.includes(lab.proxies['silent-sumdb']!.url), doc.fix);
  });
}

for (const go of goToolchains()) {
  test(`${go.name}: a 300-record tree (level-1 tile) verifies, and tiles that are not tiles fail, for go and explain alike`, async () => {
    const big = await startLab({
      proxies: [{ name: 'db', checksumDatabase: true }, { name: 'bad-tiles', checksumDatabase: true, faults: { mode: 'wrong-content', paths: '/tile/' } }, { name: 'plain' }],
      modules: fixtureGraph({ count: 300 }),
    });
    try {
      const mod = 'lab.invalid/lib295@v1.0.0';
      for (const [db, expected] of [['db', 0], ['bad-tiles', 1]] as const) {
        const e = big.goEnv({ GOPROXY: big.proxies.plain!.url, GOSUMDB: big.checksumDb.gosumdb(big.proxies[db]!.url), GOMODCACHE: big.makeTempDir('modcache'), GOPROXYCTL_GO: go.bin });
        const real = await runCommand(go.bin, ['mod', 'download', '-json', mod], { env: e, cwd: big.makeTempDir('work'), timeoutMs: 60_000 });
        const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', mod], { env: e, cwd: big.makeTempDir('work'), timeoutMs: 60_000 });
        assert.equal(real.code === 0 ? 0 : 1, expected, `${db}: go ${real.stdout}${real.stderr}`);
        assert.equal(ours.code, expected, `${db}: explain ${ours.stdout}${ours.stderr}`);
      }
    } finally {
      await big.close();
    }
  });
}

for (const go of goToolchains()) {
  test(`${go.name}: inside a module, go.sum comes first: listed hashes need no database, a wrong one is a SECURITY ERROR`, async () => {
    // The only route to the database fails (a mirror claiming /supported, 404 on lookups).
    const claims = await startLab({ proxies: [{ name: 'claims', sumdb: 'supported-only' }] });
    try {
      const lines = claims.checksumDb.lines('lab.invalid/app', 'v1.0.0')!;
      const [zipLine, modLine] = lines.trimEnd().split('\n') as [string, string];
      const wrongZip = zipLine.replace(/h1:.*$/, 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      const cases: [string, string, 0 | 1][] = [
        ['both listed', lines, 0],
        ['only the go.mod line listed', `${modLine}\n`, 1],
        ['a wrong zip hash', `${wrongZip}\n${modLine}\n`, 1],
      ];
      for (const [what, goSum, expected] of cases) {
        const project = claims.makeTempDir('project');
        await writeFile(path.join(project, 'go.mod'), 'module example.invalid/project\n\ngo 1.17\n');
        await writeFile(path.join(project, 'go.sum'), goSum);
        const e = claims.goEnv({ GOPROXY: claims.proxies.claims!.url, GOSUMDB: claims.checksumDb.verifierKey, GOMODCACHE: claims.makeTempDir('modcache'), GOPROXYCTL_GO: go.bin });
        const real = await runCommand(go.bin, ['mod', 'download', '-json', MODULE], { env: e, cwd: project, timeoutMs: 60_000 });
        const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', MODULE], { env: e, cwd: project, timeoutMs: 60_000 });
        assert.equal(real.code === 0 ? 0 : 1, expected, `${what}: go ${real.stdout}${real.stderr}`);
        assert.equal(ours.code, expected, `${what}: explain ${ours.stdout}`);
        if (what === 'a wrong zip hash') {
          assert.match(real.stdout + real.stderr, /This download does NOT match an earlier download recorded in go\.sum/);
          assert.match((JSON.parse(ours.stdout) as { error: string }).error, /This download does NOT match an earlier download recorded in go\.sum/);
        }
      }
    } finally {
      await claims.close();
    }
  });
}

test('the human output names the route and the verdict', async () => {
  const go = goToolchains()[0]!;
  const r = await runCommand(process.execPath, [cliPath, 'explain', MODULE], { env: env(`${lab.proxies.good!.url},${lab.proxies.mirror!.url}`, go.bin), cwd: lab.makeTempDir('work'), timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`Checksum verification: verified \\(${lab.proxies.mirror!.url.replace(/[.]/g, '\\.')}/sumdb/sum\\.golang\\.org\\)`));
  assert.match(r.stdout, /notFound \(404\)/);
  assert.match(r.stdout, /go verifies the module against sum\.golang\.org through/);
});
