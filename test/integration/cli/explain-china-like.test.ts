// The blog configuration on the lab's china-like scenario (issue 10): GOPROXY=<black-holed default>,direct.
// The default proxy accepts connections and never answers, so go waits forever whatever the
// separator; explain must say "hang" and name the entry, and once that entry is gone (its fix
// applied by hand here), explain and go must agree that the module downloads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SCENARIOS } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { HANG_WAIT_MS } from '../../differential/cases.js';
import { formatGoproxy, parseGoproxy } from '../../../shared/go/goproxy.js';

const go = goToolchains().at(-1)!;
const scenario = SCENARIOS['china-like']!;
let lab: Lab;
let work: string;

before(async () => {
  lab = await startLab({ proxies: scenario.proxies, modules: scenario.modules });
  work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-china-like-'));
});

after(async () => {
  await lab?.close();
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

function envWith(goproxy: string, name: string): Record<string, string> {
  const gopath = path.join(work, name);
  return { ...lab.goEnv({ GOPROXY: goproxy, GOPATH: gopath, GOMODCACHE: path.join(gopath, 'pkg', 'mod') }), GOPROXYCTL_GO: go.bin };
}

const MODULE = 'lab.invalid/app@v1.0.0';

for (const sep of [',', '|']) {
  test(`GOPROXY=<black hole>${sep}direct: explain says hang and names the entry; go is still waiting`, async () => {
    const env = envWith(`${lab.proxies.default!.url}${sep}direct`, `hole${sep === ',' ? 'comma' : 'pipe'}`);
    const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', MODULE], { env, cwd: work, timeoutMs: 60_000 });
    assert.equal(ours.code, 1, ours.stderr);
    const out = JSON.parse(ours.stdout) as { outcome: string; fix: string };
    assert.equal(out.outcome, 'hang');
    assert.match(out.fix, new RegExp(`Remove entry 1 \\(${lab.proxies.default!.url.replace(/[.]/g, '\\.')}\\)`));
    assert.doesNotMatch(out.fix, /use '\|'/);
    const real = await runCommand(go.bin, ['mod', 'download', '-json', MODULE], { env, cwd: work, timeoutMs: HANG_WAIT_MS });
    assert.equal(real.code, null, `go finished (${real.code}): ${real.stdout}${real.stderr}`);
  });
}

test('with the black hole removed (the fix applied), explain and go agree: the mirror serves it', async () => {
  const env = envWith(`${lab.proxies['mirror-fast']!.url},direct`, 'fixed');
  const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', MODULE], { env, cwd: work, timeoutMs: 60_000 });
  assert.equal(ours.code, 0, ours.stderr);
  assert.equal((JSON.parse(ours.stdout) as { servedBy: string }).servedBy, lab.proxies['mirror-fast']!.url);
  const real = await runCommand(go.bin, ['mod', 'download', '-json', MODULE], { env, cwd: work, timeoutMs: 60_000 });
  assert.equal(real.code, 0, real.stderr);
  assert.ok(lab.proxies['mirror-fast']!.servedModules().includes(MODULE));
});

test('the hang fix, followed as printed ("Remove entry N"), gives a chain explain and the real go agree on', async () => {
  const hole = lab.proxies.default!.url;
  const mirror = lab.proxies['mirror-fast']!.url;
  const chain = `${hole}|${mirror},direct`;
  const before = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', MODULE], { env: envWith(chain, 'fix-before'), cwd: work, timeoutMs: 60_000 });
  const verdict = JSON.parse(before.stdout) as { outcome: string; fix: string };
  assert.equal(verdict.outcome, 'hang', '"|" does not help: go never gets an error to move on from');
  // The fix, applied mechanically: drop the entry it names.
  const named = /^Remove entry (\d+) \(([^)]+)\)/.exec(verdict.fix);
  assert.ok(named, verdict.fix);
  assert.equal(named[2], hole);
  const parsed = parseGoproxy(chain);
  assert.ok(parsed.ok);
  const fixed = formatGoproxy(parsed.value.entries.filter((_, i) => i !== Number(named[1]) - 1));
  assert.equal(fixed, `${mirror},direct`);

  const env = envWith(fixed, 'fix-after');
  const after = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', MODULE], { env, cwd: work, timeoutMs: 60_000 });
  assert.equal(after.code, 0, after.stdout + after.stderr);
  assert.equal((JSON.parse(after.stdout) as { servedBy: string }).servedBy, mirror);
  for (const g of goToolchains()) {
    const real = await runCommand(g.bin, ['mod', 'download', '-json', MODULE], { env: { ...env, GOMODCACHE: path.join(work, `fix-${g.name}`, 'mod') }, cwd: work, timeoutMs: 60_000 });
    assert.equal(real.code, 0, `${g.name} after the fix: ${real.stdout}${real.stderr}`);
  }
});
