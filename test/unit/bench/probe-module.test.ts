// The probe module's parser and default, and what a 404 for it means to the status and the
// recommendation (pure rules; the lab tests are in test/integration/bench/probe-module.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PROBE_MODULE, WIDELY_MIRRORED_MODULES, parseProbeModule, probeModuleOf, probeModulesInOrder } from '../../../shared/bench/probe-module.js';
import { recommendChain } from '../../../shared/bench/recommend.js';
import { candidateStatus } from '../../../shared/bench/score.js';
import { settingsSchema } from '../../../shared/contract/request-schemas.js';
import { DEFAULT_SETTINGS } from '../../../shared/contract/state.js';
import { mergeSettings } from '../../../electron/core/service/settings-file.js';
import { failing, summary } from './fixtures.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';
import type { Locale, Message } from '../../../shared/i18n/message.js';
import { renderer } from '../../../shared/i18n/catalog.js';

test('path@version through the shared module-query parser, with the version required', () => {
  assert.deepEqual(parseProbeModule(' golang.org/x/mod@v0.17.0 '), { ok: true, module: { path: 'golang.org/x/mod', version: 'v0.17.0' } });
  assert.equal((parseProbeModule('golang.org/x/mod') as { problem: string }).problem, 'no-version');
  assert.equal((parseProbeModule('golang.org/x/mod@latest') as { problem: string }).problem, 'no-version');
  assert.equal((parseProbeModule('golang.org/x/mod@1.0') as { problem: string }).problem, 'bad-version');
  assert.equal((parseProbeModule('Not A Path@v1.0.0') as { problem: string }).problem, 'bad-path');
  assert.equal((parseProbeModule('') as { problem: string }).problem, 'empty');
});

test('the chosen module first, then the widely mirrored ones, never twice', () => {
  const chosen = WIDELY_MIRRORED_MODULES[0]!;
  const order = probeModulesInOrder(chosen);
  assert.deepEqual(order[0], chosen);
  assert.equal(order.length, WIDELY_MIRRORED_MODULES.length);
  assert.equal(probeModulesInOrder(DEFAULT_PROBE_MODULE).length, WIDELY_MIRRORED_MODULES.length + 1);
});

test('the setting: null or invalid is the default; the schema rejects an invalid one with a sentence', () => {
  assert.deepEqual(probeModuleOf(null), DEFAULT_PROBE_MODULE);
  assert.deepEqual(probeModuleOf('nonsense'), DEFAULT_PROBE_MODULE);
  assert.deepEqual(probeModuleOf('lab.invalid/a@v1.0.0'), { path: 'lab.invalid/a', version: 'v1.0.0' });
  assert.equal(settingsSchema.check({ ...DEFAULT_SETTINGS, probeModule: 'lab.invalid/a@v1.0.0' }).ok, true);
  const bad = settingsSchema.check({ ...DEFAULT_SETTINGS, probeModule: 'lab.invalid/a' });
  assert.equal(bad.ok, false);
  assert.match((bad as { error: string }).error, /give the version too/);
  // A bad value in the file falls back for that field only.
  const merged = mergeSettings({ probeModule: 'lab.invalid/a', language: 'zh-CN' }, {});
  assert.equal(merged.probeModule, null);
  assert.equal(merged.language, 'zh-CN');
  assert.equal(mergeSettings({ probeModule: 'lab.invalid/a@v1.0.0' }, {}).probeModule, 'lab.invalid/a@v1.0.0');
});

const notFound = makeFailure('not-found', 'ttfb', msg('bench.probe.missingModule', { where: 'mirror', module: 'x@v1.0.0', status: 404 }), 404);

test('404/410 for every probe module: missing-module, not failing; a timeout stays failing', () => {
  const lacks = failing('https://mirror.example', 'timeout', { error: notFound, missingModule: 'x@v1.0.0', ttfbMs: { median: 30, p90: 40 } });
  assert.equal(candidateStatus(lacks), 'missing-module');
  assert.equal(candidateStatus(failing('https://dead.example')), 'failing');
  assert.equal(candidateStatus(summary({ missingModule: 'x@v1.0.0' })), 'working', 'served a fallback module');
});

test('the recommendation keeps a proxy that lacks the probe module, after the working ones, and never turns it into direct', () => {
  const lacks = failing('https://mirror.example', 'timeout', { error: notFound, missingModule: 'x@v1.0.0' });
  const dead = failing('https://dead.example');
  const alone = recommendChain([lacks, dead], { currentGoproxy: 'https://dead.example,direct', currentGosumdb: 'off', directReachable: false });
  assert.equal(alone.goproxy, 'https://mirror.example');
  const withWorking = recommendChain([lacks, dead, summary({ candidate: 'https://good.example' })], { currentGoproxy: 'https://dead.example', currentGosumdb: 'off' });
  assert.equal(withWorking.goproxy, 'https://good.example|https://mirror.example');
  assert.ok(said(withWorking).some((r) => r.includes('https://mirror.example (x@v1.0.0)')));
  assert.ok(said(recommendChain([lacks], { currentGoproxy: 'direct', currentGosumdb: 'off' }), 'zh-CN').some((r) => r.includes('404/410')));
});

test('proxies that lack the probe module are ordered by how soon they answered, not by URL', () => {
  const near = failing('https://zz-near.example', 'timeout', { error: notFound, missingModule: 'x@v1.0.0', ttfbMs: { median: 5, p90: 8 } });
  const far = failing('https://aa-far.example', 'timeout', { error: notFound, missingModule: 'x@v1.0.0', ttfbMs: { median: 250, p90: 260 } });
  for (const order of [[near, far], [far, near]]) {
    assert.equal(recommendChain(order, { currentGoproxy: 'direct', currentGosumdb: 'off', directReachable: false }).goproxy, 'https://zz-near.example|https://aa-far.example');
  }
});

/** The reasons as a person reads them in `locale`. */
function said(r: { reasons: readonly Message[] }, locale: Locale = 'en'): string[] {
  return r.reasons.map(renderer(locale));
}
