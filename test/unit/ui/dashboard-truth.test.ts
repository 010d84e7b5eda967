// The pure rules that keep the dashboard's words true: a result goes when its action is
// superseded, apply labels and blockers are words, a settings change elsewhere lands in the form
// without wiping the user's edits, a rule's problem is an id, dates follow the chosen locale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplyView, MismatchView, SwitchView } from '../../../shared/contract/state.js';
import { mismatchMessage } from '../../../shared/ui/mismatch.js';
import { parseApplyLabel } from '../../../shared/ui/apply-label.js';
import { displayValue, formatDateTime, formatNumber, timeAxisLabels } from '../../../shared/ui/format.js';
import { builtinProfileWords } from '../../../shared/ui/profile-text.js';
import { rebaseDraft, ruleProblem } from '../../../shared/ui/settings-form.js';
import { currentFix, currentSwitch, undoStillCurrent } from '../../../shared/ui/superseded.js';
import { applyBlockers, builtinProfile } from '../../../shared/profile/index.js';

const apply = (id: string, status: ApplyView['status'], time = '2026-06-15T12:00:00.000Z'): ApplyView => ({ id, time, label: 'use china', status, files: [] });
const switched = (applyId: string | null): SwitchView => ({ profileId: 'china', applyId, files: [], verified: false, mismatches: ['x'], notes: [], finishedAt: Date.parse('2026-06-15T12:00:01.000Z') });

test('a switch verdict stands while its apply is the latest in force, and goes after Undo or a newer apply', () => {
  const s = (list: ApplyView[], last: SwitchView | null = switched('a1')) => currentSwitch({ switching: { running: null, last, error: null }, applies: { list, error: null } });
  assert.notEqual(s([apply('a1', 'committed')]), null);
  assert.equal(s([apply('a1', 'undone')]), null, 'undone');
  assert.equal(s([apply('a2', 'committed'), apply('a1', 'committed')]), null, 'superseded by a newer apply');
  assert.equal(currentSwitch({ switching: { running: 'global', last: switched('a1'), error: null }, applies: { list: [apply('a1', 'committed')], error: null } }), null, 'another switch is running');
  assert.notEqual(s([apply('a0', 'committed', '2026-06-15T11:00:00.000Z')], switched(null)), null, 'a switch that changed nothing stands until another apply');
  assert.equal(s([apply('a2', 'committed', '2026-06-15T13:00:00.000Z')], switched(null)), null);
  assert.ok(undoStillCurrent('a1', [apply('a1', 'undone')]));
  assert.ok(!undoStillCurrent('a1', [apply('a2', 'committed'), apply('a1', 'undone')]));
  const fix = { key: 'shadowed-by-os-env:GOPROXY', moved: {}, commented: [], skipped: [], warnings: [], applyId: 'a1' };
  assert.equal(currentFix(fix, [apply('a1', 'committed')]), fix);
  assert.equal(currentFix(fix, [apply('a1', 'undone')]), null);
});

test('apply labels and template blockers become ids with parameters', () => {
  assert.deepEqual(parseApplyLabel('use china'), { id: 'use', profile: 'china' });
  assert.deepEqual(parseApplyLabel('watch: use office'), { id: 'watch-use', profile: 'office' });
  assert.deepEqual(parseApplyLabel('watch: reorder GOPROXY'), { id: 'watch-reorder' });
  assert.deepEqual(parseApplyLabel('doctor --fix shadowed-by-os-env (GOPROXY, GOSUMDB)'), { id: 'doctor-fix', vars: 'GOPROXY, GOSUMDB' });
  assert.deepEqual(parseApplyLabel('lint --fix'), { id: 'lint-fix' });
  assert.deepEqual(parseApplyLabel('something else'), { id: 'other', text: 'something else' });
  // The real corporate template's blockers: messages naming the field and the placeholder.
  const blockers = applyBlockers(builtinProfile('corporate')!);
  assert.deepEqual(blockers.map((b) => [b.id, b.params?.field, b.params?.placeholder]), [
    ['apply.blocker', 'goproxy[0].url', '<PRIVATE_PROXY_URL>'],
    ['apply.blocker', 'goprivate', '<PRIVATE_MODULE_PATTERNS>'],
  ]);
});

test('built-in profile words exist in Chinese for every built-in, and a user name is never replaced', () => {
  for (const id of ['china', 'global', 'corporate', 'offline']) assert.ok(builtinProfileWords(id, 'builtin', 'zh-CN') !== null, id);
  assert.equal(builtinProfileWords('china', 'builtin', 'en'), null);
  assert.equal(builtinProfileWords('china', 'user', 'zh-CN'), null);
  assert.notEqual(builtinProfileWords('recommended', 'user', 'zh-CN', 'Recommended by the benchmark'), null);
  assert.equal(builtinProfileWords('recommended', 'user', 'zh-CN', 'My own name'), null);
});

test('a settings change saved elsewhere replaces only what it changed in the form', () => {
  const before = { language: 'system', theme: 'light', launchAtLogin: false };
  const draft = { ...before, theme: 'dark' }; // the user is editing the theme
  assert.deepEqual(rebaseDraft(draft, before, { ...before, language: 'zh-CN' }), { language: 'zh-CN', theme: 'dark', launchAtLogin: false });
  assert.deepEqual(rebaseDraft(draft, before, { ...before, theme: 'light' }), draft, 'nothing changed: the edit stays');
});

test('a network rule problem is an id (the engine re-checks with networkRuleProblem)', () => {
  assert.equal(ruleProblem({ profile: '', when: { ssid: 'x' } }), 'no-profile');
  assert.equal(ruleProblem({ profile: 'china', when: {} }), 'no-condition');
  assert.equal(ruleProblem({ profile: 'china', when: { gatewaySubnet: 'not-a-subnet' } }), 'bad-subnet');
  assert.equal(ruleProblem({ profile: 'china', when: { gatewaySubnet: '10.20.0.0/16' } }), null);
  assert.equal(ruleProblem({ profile: 'china', when: { ssid: '' } }), 'empty-ssid');
});

test('dates and numbers follow the chosen locale, not the runtime default; empty values are words', () => {
  const at = Date.UTC(2026, 10, 28, 9, 5, 0);
  assert.match(formatDateTime('zh-CN', at), /2026年11月28日/);
  assert.match(formatDateTime('en', at), /Nov 28, 2026/);
  assert.equal(formatNumber('en', 12345.6, 1), '12,345.6');
  assert.equal(displayValue('', '（空）'), '（空）');
  assert.equal(displayValue('off', '（空）'), 'off');
});

test('the history chart\'s time axis speaks the chosen locale (uPlot alone says "8pm", "11/27/26")', () => {
  const day = Date.UTC(2026, 10, 27, 12, 0) / 1000;
  const ticks = [day, day + 7200, day + 86_400];
  const zh = timeAxisLabels('zh-CN', ticks, 86_400);
  assert.equal(zh.length, 3);
  assert.ok(zh[0]!.includes('\n') && /月/.test(zh[0]!), 'the first tick carries the date');
  assert.ok(!zh[1]!.includes('\n'), 'a tick on the same day is a time only');
  assert.ok(zh.every((l) => !/am|pm/i.test(l)), zh.join(' | '));
  const week = timeAxisLabels('en', [day, day + 86_400 * 2], 7 * 86_400);
  assert.ok(week.every((l) => /Nov/.test(l)), week.join(' | '));
});

test('why a switch is not what go sees: one message per case verify-apply explains', () => {
  const m = (over: Partial<MismatchView>): MismatchView => ({ context: 'clean', variable: 'GOPROXY', expected: 'https://goproxy.cn', actual: 'x', source: 'os-env', path: null, line: null, ...over });
  assert.equal(mismatchMessage(m({ context: 'current' })), 'current', 'the process goproxyctl runs in: a restart, not a new terminal');
  assert.equal(mismatchMessage(m({ context: 'bash', path: '/h/.bashrc', line: 4 })), 'bashLine');
  assert.equal(mismatchMessage(m({ context: 'bash', path: '/h/.bashrc' })), 'bashFile');
  assert.equal(mismatchMessage(m({})), 'cleanEnv');
  assert.equal(mismatchMessage(m({ source: 'env-file', path: '/h/.config/go/env' })), 'envFile');
  assert.equal(mismatchMessage(m({ source: 'goroot-env' })), 'gorootEnv');
  assert.equal(mismatchMessage(m({ source: 'default' })), 'other');
});
