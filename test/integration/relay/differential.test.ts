// Differential suite for the relay (issue 13): for a matrix of chains and faults, the real go
// (1.19 and 1.23) through the relay (GOPROXY=<relay>, the relay walking the chain) must succeed
// or fail exactly where go without the relay does; and the relay must never contact a proxy go
// would not have contacted, except later members of a '|' run it hedged into.
//
// A silent proxy (accepts, never answers) makes go wait forever whatever the separator. There the
// relay's promise is the deadline outcome: what go does when that entry fails. So for go without
// the relay, a silent proxy is replaced by a refusing one (the same failure, at once); one case
// also checks that go without the relay really does hang.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { planChain } from '../../../electron/core/relay/chain-plan.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains } from '../../support/go.js';
import { clearLogs, contacted, expandChain, goDownload, startTestRelay } from './helpers.js';

const MODULE = 'lab.invalid/app@v1.0.0';
const BOUND_MS = 60_000;

let lab: Lab;
before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'ok1' },
      { name: 'ok2' },
      { name: 'nf404', faults: { status: 404 } },
      { name: 'nf410', faults: { status: 410 } },
      { name: 'e502', faults: { status: 502 } },
      { name: 'e403', faults: { status: 403 } },
      { name: 'refused', faults: { mode: 'refuse' } },
      { name: 'silent', faults: { mode: 'blackhole' } },
      { name: 'standin', faults: { status: 503 } },
      { name: 'slow', faults: { latencyMs: 1_500 } },
      { name: 'zip404', faults: { status: 404, paths: '.zip' } },
      { name: 'zip502', faults: { status: 502, paths: '.zip' } },
      { name: 'info502', faults: { status: 502, paths: '/\\.info$/' } },
    ],
  });
});
after(async () => {
  await lab?.close();
});

const FAULTS = ['nf404', 'nf410', 'e502', 'e403', 'refused', 'silent', 'slow'];
export const RELAY_CASES: string[] = [
  ...FAULTS.flatMap((f) => [`{${f}},{ok1}`, `{${f}}|{ok1}`]),
  '{ok1}',
  '{nf404},{nf410}',
  '{nf404},{e502}|{ok2}',
  '{nf404},{e502},{ok2}',
  '{e502}|{nf404}',
  '{e502}|{refused}|{ok2}',
  '{e502}|{refused},{ok2}',
  '{silent}|{e502},{ok2}',
  '{nf404}|{silent}|{ok2}',
  '{slow}|{silent}|{ok2}',
  '{zip404},{ok1}',
  '{zip502},{ok1}',
  '{zip502}|{ok1}',
  '{info502},{ok1}',
  '{info502}|{ok1}',
  '{ok1},direct',
  '{nf404},off',
  '{e502}|off',
  'off',
];

/** What go without the relay is given: a silent proxy becomes one that fails at once (its deadline outcome). */
function withoutRelay(template: string): string {
  return template.replace(/\{silent\}/g, '{standin}');
}

/** Proxies the relay may contact: those go contacted, and later members of a '|' run go entered. */
function allowedContacts(template: string, goContacted: Set<string>): Set<string> {
  const names = new Map(Object.values(lab.proxies).map((p) => [p.url, p.name]));
  const allowed = new Set(goContacted);
  const plan = planChain(expandChain(lab, template));
  assert.ok(plan.ok);
  for (const step of plan.steps) {
    if (step.kind !== 'run') continue;
    let entered = false;
    for (const m of step.members) {
      const name = names.get(m.url)!;
      // go asked the stand-in where the relay asks the silent proxy itself.
      if (goContacted.has(name) || (name === 'silent' && goContacted.has('standin'))) entered = true;
      if (entered) allowed.add(name);
    }
  }
  return allowed;
}

let ran = 0;
for (const go of goToolchains()) {
  for (const template of RELAY_CASES) {
    test(`${go.name}: ${template}`, async () => {
      const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-relay-diff-'));
      const { relay } = await startTestRelay(lab, template);
      try {
        clearLogs(lab);
        const direct = await goDownload(lab, go, expandChain(lab, withoutRelay(template)), path.join(work, 'direct'), [MODULE], BOUND_MS);
        const goContacted = contacted(lab);
        clearLogs(lab);
        const through = await goDownload(lab, go, relay.url, path.join(work, 'relay'), [MODULE], BOUND_MS);
        const relayContacted = contacted(lab);
        const context = `\n  go: ${direct.ok ? 'ok' : direct.error}\n  go through the relay: ${through.ok ? 'ok' : through.error}`;
        assert.ok(!direct.hung && !through.hung, `a run hung${context}`);
        assert.equal(through.ok, direct.ok, `success differs${context}`);
        const allowed = allowedContacts(template, goContacted);
        for (const name of relayContacted) assert.ok(allowed.has(name), `the relay asked ${name}, which go would never have asked${context}`);
        ran++;
      } finally {
        await relay.close();
        await rm(work, { recursive: true, force: true, maxRetries: 10 });
      }
    });
  }
}

test('go without the relay hangs on a silent proxy even before "|"; through the relay it is served', async () => {
  const go = goToolchains()[goToolchains().length - 1]!;
  const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-relay-silent-'));
  const { relay } = await startTestRelay(lab, '{silent}|{ok1}');
  try {
    const direct = await goDownload(lab, go, expandChain(lab, '{silent}|{ok1}'), path.join(work, 'direct'), [MODULE], 8_000);
    assert.ok(direct.hung, `go was expected to wait on the silent proxy: ${direct.ok ? 'it succeeded' : direct.error}`);
    const through = await goDownload(lab, go, relay.url, path.join(work, 'relay'), [MODULE], BOUND_MS);
    assert.ok(through.ok, through.error);
  } finally {
    await relay.close();
    await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
});

// The form the product writes, GOPROXY=<relay>|<chain>: when the relay answers an error, go walks
// the chain itself with its own rules; the outcome is still go's.
const INTEGRATION_CASES = ['{e502},{ok1}', '{e502}|{ok1}', '{nf404},{ok1}', '{refused},{ok1}', '{silent}|{ok1}', '{nf404},{nf410}', '{ok1},direct'];
for (const template of INTEGRATION_CASES) {
  test(`GOPROXY=<relay>|${template}`, async () => {
    const go = goToolchains()[goToolchains().length - 1]!;
    const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-relay-form-'));
    const { relay } = await startTestRelay(lab, template);
    try {
      const direct = await goDownload(lab, go, expandChain(lab, withoutRelay(template)), path.join(work, 'direct'), [MODULE], BOUND_MS);
      const through = await goDownload(lab, go, `${relay.url}|${expandChain(lab, template)}`, path.join(work, 'relay'), [MODULE], BOUND_MS);
      assert.ok(!through.hung, 'go through the relay never waits on the silent proxy itself: the relay answered first');
      assert.equal(through.ok, direct.ok, `success differs\n  go: ${direct.ok ? 'ok' : direct.error}\n  through the relay: ${through.ok ? 'ok' : through.error}`);
    } finally {
      await relay.close();
      await rm(work, { recursive: true, force: true, maxRetries: 10 });
    }
  });
}

test('a relay that is not running costs go one refused connection, then the chain as usual', async () => {
  const go = goToolchains()[goToolchains().length - 1]!;
  const work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-relay-down-'));
  const { relay } = await startTestRelay(lab, '{ok1}');
  const url = relay.url;
  await relay.close();
  try {
    const run = await goDownload(lab, go, `${url}|${expandChain(lab, '{nf404},{ok1}')}`, work, [MODULE], BOUND_MS);
    assert.ok(run.ok, run.error);
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
});

test('every combination ran', () => {
  assert.equal(ran, RELAY_CASES.length * goToolchains().length);
});
