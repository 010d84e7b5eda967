// Differential suite (issue 2 §5): for every case in cases.ts and every installed go, the real
// `go mod download -json` and `goproxyctl explain --json` run with the same environment against
// the lab. They must agree on the verdict (served, failed, or hang: go did not finish within a
// bounded wait) and on which proxy served the module (from the lab's access log). A disagreement
// is a bug in our model or in go-semantics.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixtureGraph, startLab, type FixtureModule, type Lab, type LabProxyOptions } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { cliPath } from '../support/paths.js';
import { DIFF_CASES, HANG_WAIT_MS, LAB_CREDENTIALS, LAB_PROXIES, LAB_SUMDB, LAB_SUMDB_PROXIES, LAB_TLS_PROXIES, MAY_STALL, type DiffCase, type LabProxyName } from './cases.js';

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
  const proxies: LabProxyOptions[] = [
    ...Object.entries(LAB_PROXIES).map(([name, faults]) => ({ name, faults: { ...faults } })),
    ...Object.entries(LAB_TLS_PROXIES).map(([name, faults]): LabProxyOptions => ({ name, tls: 'valid', faults: { ...faults } })),
  ];
  for (const [name, opts] of Object.entries(LAB_SUMDB_PROXIES)) {
    proxies.push({ name, ...opts, ...('faults' in opts ? { faults: { ...opts.faults } } : {}) });
  }
  lab = await startLab({ proxies, modules: [...fixtureGraph(), PRIVATE], checksumDb: { omit: [...LAB_SUMDB.omit], tampered: [...LAB_SUMDB.tampered] } });
});

after(async () => {
  await lab?.close();
});

/** `{name}`, `{name+creds}` (user:password in the URL), `{name.host}`, `{name.hostname}`. */
function expand(template: string): string {
  return template.replace(/\{key\}/g, lab.checksumDb.verifierKey).replace(/\{(\w+)(\+creds|\.host|\.hostname)?\}/g, (_, name: string, form: string | undefined) => {
    const proxy = lab.proxies[name as LabProxyName];
    assert.ok(proxy, `unknown lab proxy ${name}`);
    const url = new URL(proxy.url);
    if (form === '+creds') return `${url.protocol}//${LAB_CREDENTIALS.user}:${LAB_CREDENTIALS.password}@${url.host}`;
    if (form === '.host') return url.host;
    if (form === '.hostname') return url.hostname;
    return proxy.url;
  });
}

/** The proxies a case names: those that can stall make go's run a bounded wait. */
function goWaitMs(c: DiffCase): number | null {
  const named = [...c.goproxy.matchAll(/\{(\w+)/g)].map((m) => m[1] as LabProxyName);
  if (!named.some((n) => MAY_STALL.includes(n))) return null;
  // go ends a stalled TLS handshake itself after 10 s: a case that meets one must not be cut short.
  return HANG_WAIT_MS + (named.includes('tlsStall') ? 10_000 : 0);
}

async function envFor(c: DiffCase, workDir: string, goBin: string): Promise<Record<string, string>> {
  const extra: Record<string, string> = {
    GOPROXY: expand(c.goproxy),
    // An empty .netrc unless the case brings one: never the machine's.
    NETRC: path.join(workDir, 'netrc'),
    GOPATH: path.join(workDir, 'gopath'),
    GOMODCACHE: path.join(workDir, 'gopath', 'pkg', 'mod'),
    GOPROXYCTL_GO: goBin,
  };
  if (c.gonoproxy !== undefined) extra.GONOPROXY = c.gonoproxy;
  if (c.goprivate !== undefined) extra.GOPRIVATE = c.goprivate;
  await writeFile(extra.NETRC!, c.netrc !== undefined ? expand(c.netrc) : '', { mode: 0o600 });
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
  assert.ok(servers.length <= 1, `more than one proxy served the zip: ${servers.map((s) => s.name).join(', ')}`);
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
    const netrc = c.netrc !== undefined ? ` .netrc=${JSON.stringify(c.netrc.split('\n')[0] + (c.netrc.split('\n').length > 2 ? ' +' : ''))}` : '';
    const label = `${go.name}: GOPROXY=${c.goproxy}${netrc}${shown} (${c.module ?? 'public'} module)`;
    test(label, async () => {
      const mod = c.module === 'private' ? privateModule : c.module === 'tampered' ? TAMPERED : PUBLIC;
      const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-diff-'));
      try {
        const env = await envFor(c, work, go.bin);
        clearLogs();
        const bounded = goWaitMs(c);
        const real = await runCommand(go.bin, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], { env, cwd: work, timeoutMs: bounded ?? 60_000 });
        // Killed by the bounded wait: go was still waiting (execFile reports no exit code then).
        const goHung = bounded !== null && real.code === null;
        assert.ok(real.code !== null || goHung, `go did not finish within 60 s: ${real.stderr}`);
        const goResult = JSON.parse(goHung ? '{}' : real.stdout || '{}') as { Error?: string; Zip?: string };
        const goOk = real.code === 0 && !goResult.Error;
        const goVerdict = goHung ? 'hang' : goOk ? 'served' : 'failed';
        const goServer = goOk ? zipServer(mod.path) : null;

        clearLogs();
        // explain's own stall deadline, short: it only has to notice the stall, not wait like go.
        const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '3000', `${mod.path}@${mod.version}`], { env, cwd: work, timeoutMs: 60_000 });
        assert.ok(ours.code === 0 || ours.code === 1, `explain exited ${ours.code}: ${ours.stderr}`);
        const explained = JSON.parse(ours.stdout) as { outcome: string; servedBy: string | null; error: string | null; steps: unknown[] };

        const context = `\n  go: ${goHung ? `still waiting after ${bounded} ms` : goOk ? `served by ${goServer}` : goResult.Error}\n  explain: ${JSON.stringify(explained, null, 1)}`;
        assert.equal(explained.outcome, goVerdict, `verdict differs${context}`);
        assert.equal(explained.servedBy !== null, goOk, `success differs${context}`);
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
