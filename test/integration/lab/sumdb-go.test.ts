// The lab's checksum database against the real go (1.19 and 1.23): with an empty module cache and
// no go.sum, `go mod download` verifies every module against the lab's signed tree, reached
// directly (GOSUMDB="<key> <url>"), through the GOPROXY chain (GOSUMDB="<key>": go asks
// <proxy>/sumdb/<name>/supported first) or through an explicit proxy URL; a tampered record makes
// go stop with its SECURITY ERROR, and a mirror that claims /supported but 404s lookups fails it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureGraph, hash1, hashGoMod, labSigner, parseTilePath, startLab, tilePath, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';

const MODULE = 'lab.invalid/app@v1.0.0';

async function download(lab: Lab, goBin: string, extra: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = lab.goEnv({ GOMODCACHE: lab.makeTempDir('modcache'), GOPATH: lab.makeTempDir('gopath'), ...extra });
  return runCommand(goBin, ['mod', 'download', '-json', MODULE], { env, cwd: lab.makeTempDir('work'), timeoutMs: 60_000 });
}

function paths(lab: Lab, proxy: string): string[] {
  return lab.proxies[proxy]!.accessLog.map((e) => `${e.status ?? '-'} ${e.path}`);
}

describe('go.sum hashes and tile paths, as golang.org/x/mod computes them', () => {
  test('Hash1 sorts by name and is independent of the order given', () => {
    const a = hash1([{ name: 'xyz', data: 'data for xyz' }, { name: 'abc', data: 'data for abc' }]);
    assert.equal(a, hash1([{ name: 'abc', data: 'data for abc' }, { name: 'xyz', data: 'data for xyz' }]));
    assert.notEqual(a, hash1([{ name: 'abc', data: 'data for xyz' }, { name: 'xyz', data: 'data for abc' }]));
    assert.match(hashGoMod('module x\n'), /^h1:[A-Za-z0-9+/]{43}=$/);
  });

  test('tile paths round-trip in tlog.Tile.Path format', () => {
    for (const p of ['tile/8/0/000.p/5', 'tile/8/1/x001/234', 'tile/8/data/000.p/17', 'tile/8/0/x001/x234/067.p/1']) {
      assert.equal(tilePath(parseTilePath(p)!), p);
    }
    assert.equal(parseTilePath('tile/8/0/000.p/256'), null, 'a full tile has no .p suffix');
  });
});

for (const go of goToolchains()) {
  test(`${go.name}: the go.sum lines the lab logs are the hashes go computes itself (GOSUMDB=off)`, async () => {
    const lab = await startLab({ proxies: [{ name: 'plain' }] });
    try {
      for (const mod of lab.modules.slice(0, 6)) {
        const env = lab.goEnv({ GOPROXY: lab.proxies.plain!.url, GOMODCACHE: lab.makeTempDir('modcache') });
        const r = await runCommand(go.bin, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], { env, cwd: lab.makeTempDir('work'), timeoutMs: 60_000 });
        assert.equal(r.code, 0, r.stderr);
        const info = JSON.parse(r.stdout) as { Sum: string; GoModSum: string };
        const logged = `${mod.path} ${mod.version} ${info.Sum}\n${mod.path} ${mod.version}/go.mod ${info.GoModSum}\n`;
        assert.equal(lab.checksumDb.lines(mod.path, mod.version), logged);
      }
    } finally {
      await lab.close();
    }
  });
}

for (const go of goToolchains()) {
  test(`${go.name}: a tree of 300 records (full and partial tiles, a level-1 tile) verifies`, async () => {
    const lab = await startLab({ proxies: [{ name: 'db', checksumDatabase: true }, { name: 'plain' }], modules: fixtureGraph({ count: 300 }) });
    try {
      const last = lab.modules.find((m) => m.path === 'lab.invalid/lib295')!;
      const env = lab.goEnv({ GOPROXY: lab.proxies.plain!.url, GOSUMDB: lab.checksumDb.gosumdb(lab.proxies.db!.url), GOMODCACHE: lab.makeTempDir('modcache') });
      const r = await runCommand(go.bin, ['mod', 'download', '-json', `${last.path}@${last.version}`], { env, cwd: lab.makeTempDir('work'), timeoutMs: 60_000 });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const seen = lab.proxies.db!.accessLog.map((e) => `${e.status} ${e.path}`);
      assert.ok(seen.some((p) => /^200 \/tile\/8\/1\/000\.p\/1$/.test(p)), seen.join('\n'));
      assert.ok(seen.some((p) => /^200 \/tile\/8\/0\/001\.p\/44$/.test(p)), seen.join('\n'));
    } finally {
      await lab.close();
    }
  });
}

describe('the real go verifies against the lab checksum database', () => {
  let lab: Lab;
  let tampered: Lab;
  before(async () => {
    lab = await startLab({
      proxies: [
        { name: 'db', checksumDatabase: true },
        { name: 'mirror', sumdb: true },
        { name: 'claims-only', sumdb: 'supported-only' },
        { name: 'plain' },
      ],
    });
    tampered = await startLab({ proxies: [{ name: 'db', checksumDatabase: true }, { name: 'plain' }], checksumDb: { tampered: [MODULE] } });
  });
  after(async () => {
    await lab?.close();
    await tampered?.close();
  });
  const clear = (l: Lab): void => Object.values(l.proxies).forEach((p) => p.clearLog());

  for (const go of goToolchains()) {
    test(`${go.name}: GOSUMDB="<key> <db url>": lookups and tiles at the database's own origin, download verified`, async () => {
      clear(lab);
      const r = await download(lab, go.bin, { GOPROXY: lab.proxies.plain!.url, GOSUMDB: lab.checksumDb.gosumdb(lab.proxies.db!.url) });
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { Error?: string }).Error, undefined);
      const seen = paths(lab, 'db');
      assert.ok(seen.includes('200 /lookup/lab.invalid/app@v1.0.0'), seen.join('\n'));
      assert.ok(seen.some((p) => /^200 \/tile\/8\/0\/000\.p\/\d+$/.test(p)), seen.join('\n'));
    });

    test(`${go.name}: GOSUMDB="<key>" goes through the GOPROXY chain: <proxy>/sumdb/<name>/supported, then lookups there`, async () => {
      clear(lab);
      const r = await download(lab, go.bin, { GOPROXY: lab.proxies.mirror!.url, GOSUMDB: lab.checksumDb.verifierKey });
      assert.equal(r.code, 0, r.stderr);
      const seen = paths(lab, 'mirror');
      assert.ok(seen.includes(`200 /sumdb/${lab.checksumDb.name}/supported`), seen.join('\n'));
      assert.ok(seen.includes(`200 /sumdb/${lab.checksumDb.name}/lookup/lab.invalid/app@v1.0.0`), seen.join('\n'));
      assert.deepEqual(paths(lab, 'db'), [], 'never the database directly');
    });

    test(`${go.name}: a mirror answering /supported but 404 to lookups makes go fail`, async () => {
      clear(lab);
      const r = await download(lab, go.bin, { GOPROXY: lab.proxies['claims-only']!.url, GOSUMDB: lab.checksumDb.verifierKey });
      assert.notEqual(r.code, 0);
      const out = r.stdout + r.stderr;
      assert.match(out, /verifying go\.mod: lab\.invalid\/app@v1\.0\.0\/go\.mod: reading http:\/\/127\.0\.0\.1:\d+\/sumdb\/sum\.golang\.org\/lookup\/lab\.invalid\/app@v1\.0\.0: 404 Not Found/, out);
    });

    test(`${go.name}: a tampered record is a SECURITY ERROR`, async () => {
      const r = await download(tampered, go.bin, { GOPROXY: tampered.proxies.plain!.url, GOSUMDB: tampered.checksumDb.gosumdb(tampered.proxies.db!.url) });
      assert.notEqual(r.code, 0);
      const out = r.stdout + r.stderr;
      assert.match(out, /verifying module: checksum mismatch/, out);
      assert.match(out, /SECURITY ERROR/, out);
    });

    test(`${go.name}: another key for the same name fails the signature check`, async () => {
      const otherKey = labSigner(lab.checksumDb.name, 'another key').verifierKey;
      const r = await download(lab, go.bin, { GOPROXY: lab.proxies.plain!.url, GOSUMDB: `${otherKey} ${lab.proxies.db!.url}` });
      assert.notEqual(r.code, 0, 'go must not accept it');
      assert.match(r.stdout + r.stderr, /verifying go\.mod: .*: reading tree note: note has no verifiable signatures/, r.stdout + r.stderr);
    });
  }
});
