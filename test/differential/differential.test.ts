// Differential suite (issue 2 §5): for every case in cases.ts and every installed go, the real
// `go mod download -json` and `goproxyctl explain --json` run with the same environment against
// the lab. They must agree on success or failure and on which proxy served the module (from the
// lab's access log). A disagreement is a bug in our model or in go-semantics.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixtureGraph, startLab, type FixtureModule, type Lab, type LabProxyOptions } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { cliPath } from '../support/paths.js';
import { DIFF_CASES, LAB_PROXIES, LAB_SUMDB, LAB_SUMDB_PROXIES, type DiffCase, type LabProxyName } from './cases.js';

const PUBLIC = { path: 'lab.invalid/app', version: 'v1.0.0' };
/** A module whose path the GOPRIVATE/GONOPROXY cases match; the lab serves it like any other. */
const PRIVATE: FixtureModule = {
  path: 'lab.invalid/private/tool',
  version: 'v1.0.0',
  requires: [],
  files: {
    'go.mod': 'module lab.invalid/private/tool\n\ngo 1.18\n',
    'tool.go': 'package tool\n\n// Name is exported so the package is not empty.\nconst Name = "tool"\n',
  },
};
const privateModule = { path: PRIVATE.path, version: PRIVATE.version };
const TAMPERED = { path: 'lab.invalid/lib01', version: 'v1.0.0' };
let lab: Lab;

before(async () => {
  const proxies: LabProxyOptions[] = Object.entries(LAB_PROXIES).map(([name, faults]) => ({ name, faults: { ...faults } }));
  for (const [name, opts] of Object.entries(LAB_SUMDB_PROXIES)) {
    proxies.push({ name, ...opts, ...('faults' in opts ? { faults: { ...opts.faults } } : {}) });
  }
  lab = await startLab({ proxies, modules: [...fixtureGraph(), PRIVATE], checksumDb: { omit: [...LAB_SUMDB.omit], tampered: [...LAB_SUMDB.tampered] } });
});

after(async () => {
  await lab?.close();
});

function expand(template: string): string {
  return template.replace(/\{key\}/g, lab.checksumDb.verifierKey).replace(/\{(\w+)\}/g, (_, name: string) => {
    const proxy = lab.proxies[name as LabProxyName];
    assert.ok(proxy, `unknown lab proxy ${name}`);
    return proxy.url;
  });
}

function envFor(c: DiffCase, workDir: string, goBin: string): Record<string, string> {
  const extra: Record<string, string> = {
    GOPROXY: expand(c.goproxy),
    GOPATH: path.join(workDir, 'gopath'),
    GOMODCACHE: path.join(workDir, 'gopath', 'pkg', 'mod'),
    GOPROXYCTL_GO: goBin,
  };
  if (c.gonoproxy !== undefined) extra.GONOPROXY = c.gonoproxy;
  if (c.goprivate !== undefined) extra.GOPRIVATE = c.goprivate;
  if (c.gosumdb !== undefined) extra.GOSUMDB = expand(c.gosumdb);
  if (c.gonosumdb !== undefined) extra.GONOSUMDB = c.gonosumdb;
  if (c.goinsecure !== undefined) extra.GOINSECURE = c.goinsecure;
  const env = lab.goEnv(extra);
  if (c.goflags !== undefined) env.GOFLAGS = `${env.GOFLAGS ?? ''} ${c.goflags}`.trim();
  env.PATH = `${path.dirname(goBin)}:${env.PATH ?? '/usr/bin:/bin'}`;
  return env;
}

/** Which lab proxy (by URL) answered a .zip for the module with 200 since the log was cleared. */
function zipServer(modPath: string): string | null {
  const servers = Object.values(lab.proxies).filter((p) =>
    p.accessLog.some((e) => e.status === 200 && e.path.endsWith('.zip') && e.path.includes(`/${modPath}/@v/`)),
  );
  assert.ok(servers.length <= 1, `more than one proxy served the zip: ${servers.map((s) => s.name)}`);
  return servers[0]?.url ?? null;
}

function clearLogs(): void {
  for (const p of Object.values(lab.proxies)) p.clearLog();
}

let ran = 0;
for (const go of goToolchains()) {
  for (const c of DIFF_CASES) {
    const vars = { GOPRIVATE: c.goprivate, GONOPROXY: c.gonoproxy, GOSUMDB: c.gosumdb, GONOSUMDB: c.gonosumdb, GOINSECURE: c.goinsecure, GOFLAGS: c.goflags };
    const shown = Object.entries(vars).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}=${v}`).join('');
    const label = `${go.name}: GOPROXY=${c.goproxy}${shown} (${c.module ?? 'public'} module)`;
    test(label, async () => {
      const mod = c.module === 'private' ? privateModule : c.module === 'tampered' ? TAMPERED : PUBLIC;
      const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-diff-'));
      try {
        const env = envFor(c, work, go.bin);
        clearLogs();
        const real = await runCommand(go.bin, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], { env, cwd: work, timeoutMs: 60_000 });
        const goResult = JSON.parse(real.stdout || '{}') as { Error?: string; Zip?: string };
        const goOk = real.code === 0 && !goResult.Error;
        const goServer = goOk ? zipServer(mod.path) : null;

        clearLogs();
        const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', `${mod.path}@${mod.version}`], { env, cwd: work, timeoutMs: 60_000 });
        assert.ok(ours.code === 0 || ours.code === 1, `explain exited ${ours.code}: ${ours.stderr}`);
        const explained = JSON.parse(ours.stdout) as { servedBy: string | null; error: string | null; steps: unknown[] };
        const ourOk = explained.servedBy !== null;

        const context = `\n  go: ${goOk ? `served by ${goServer}` : goResult.Error}\n  explain: ${JSON.stringify(explained, null, 1)}`;
        assert.equal(ourOk, goOk, `success differs${context}`);
        assert.equal(ours.code, goOk ? 0 : 1, 'exit code follows the verdict');
        if (goOk) assert.equal(explained.servedBy, goServer ?? 'direct', `serving proxy differs${context}`);
        ran++;
      } finally {
        await rm(work, { recursive: true, force: true, maxRetries: 10 });
      }
    });
  }
}

test('the matrix is large enough', () => {
  assert.ok(DIFF_CASES.length >= 40, `only ${DIFF_CASES.length} cases`);
  assert.equal(ran, DIFF_CASES.length * goToolchains().length, 'every combination ran');
});
