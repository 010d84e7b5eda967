// The dashboard's pure models: routes, theme and language, the settings form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../shared/contract/state.js';
import { localeFromLanguages, resolveLocale, resolveTheme } from '../../../shared/ui/appearance.js';
import { parseRoute, routeHash, ROUTES, stepRoute } from '../../../shared/ui/route.js';
import { parseRepairFields, repairFields, ruleFromFields } from '../../../shared/ui/settings-form.js';

test('hash routes: every route round-trips; unknown hashes and the token fragment fall back to the overview', () => {
  for (const r of ROUTES) assert.equal(parseRoute(routeHash(r)), r);
  assert.equal(parseRoute('#/benchmark/'), 'benchmark');
  assert.equal(parseRoute(''), 'overview');
  assert.equal(parseRoute('#token=abc'), 'overview');
  assert.equal(parseRoute('#/nope'), 'overview');
  assert.equal(parseRoute('#/Benchmark'), 'overview');
  assert.equal(stepRoute('overview', -1), 'settings');
  assert.equal(stepRoute('settings', 1), 'overview');
  assert.equal(stepRoute('chain', 2), 'history');
});

test('language: the setting wins; "system" takes the first language the dashboard has', () => {
  assert.equal(resolveLocale('en', ['zh-CN']), 'en');
  assert.equal(resolveLocale('zh-CN', ['en-US']), 'zh-CN');
  assert.equal(resolveLocale('system', ['fr-FR', 'zh-Hans-CN', 'en']), 'zh-CN');
  assert.equal(resolveLocale('system', ['zh-TW']), 'en', 'traditional Chinese is not simplified Chinese');
  assert.equal(localeFromLanguages(['de', 'en-GB']), 'en');
  assert.equal(localeFromLanguages([]), 'en');
});

test('theme: follows the OS unless the settings say otherwise', () => {
  assert.equal(resolveTheme('system', true), 'dark');
  assert.equal(resolveTheme('system', false), 'light');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('dark', false), 'dark');
});

test('settings form: round-trips the defaults, converts percent and minutes, names each bad field', () => {
  const defaults = DEFAULT_SETTINGS.autoRepair;
  const parsed = parseRepairFields(repairFields(defaults));
  assert.ok(parsed.ok);
  const { enabled: _e, rules: _r, ...numbers } = defaults;
  assert.deepEqual(parsed.value, numbers);

  const custom = parseRepairFields({ failureThreshold: '3', absoluteTolerance: '5', relativeTolerancePercent: '25', dwellMinutes: '1.5', manualGraceMinutes: '0' });
  assert.deepEqual(custom, { ok: true, value: { failureThreshold: 3, absoluteTolerance: 5, relativeTolerance: 0.25, dwellMs: 90_000, manualGraceMs: 0 } });

  const bad = parseRepairFields({ failureThreshold: '2.5', absoluteTolerance: 'ten', relativeTolerancePercent: '-1', dwellMinutes: '', manualGraceMinutes: '99999999' });
  assert.deepEqual(bad, { ok: false, problems: { failureThreshold: 'not-whole', absoluteTolerance: 'not-a-number', relativeTolerancePercent: 'out-of-range', dwellMinutes: 'not-a-number', manualGraceMinutes: 'out-of-range' } });
});

test('network rule form: blank conditions are left out, the rest trimmed', () => {
  assert.deepEqual(ruleFromFields({ profile: ' china ', ssid: 'Office', gatewaySubnet: ' ', dnsSearchDomain: ' corp.example.com ' }), {
    profile: 'china',
    when: { ssid: 'Office', dnsSearchDomain: 'corp.example.com' },
  });
  assert.deepEqual(ruleFromFields({ profile: 'x', ssid: '', gatewaySubnet: '', dnsSearchDomain: '' }).when, {});
});

test('chain health at a glance: proxies only, by normalized URL, failures named', async () => {
  const { chainHealthSummary } = await import('../../../shared/ui/overview.js');
  const chain = [
    { kind: 'proxy' as const, url: 'https://a.example/', fallBackOnError: true },
    { kind: 'proxy' as const, url: 'https://b.example', fallBackOnError: false },
    { kind: 'proxy' as const, url: 'https://c.example', fallBackOnError: false },
    { kind: 'direct' as const, fallBackOnError: false },
  ];
  const at = 1;
  const s = chainHealthSummary(chain, {
    'https://a.example': { ok: true, latencyMs: 10, checkedAt: at, error: null, source: 'probe' },
    'https://b.example': { ok: false, latencyMs: null, checkedAt: at, error: 'refused', source: 'benchmark' },
    direct: { ok: false, latencyMs: null, checkedAt: at, error: 'x', source: 'probe' },
  });
  assert.deepEqual(s, { total: 3, checked: 2, ok: 1, failing: [{ url: 'https://b.example', error: 'refused' }] });
});
