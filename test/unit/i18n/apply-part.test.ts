// The apply part of the catalogue (shared/i18n/parts/apply.ts) and the messages the profile engine
// builds with it: every Chinese template reads as Chinese outside code, and the engine's messages
// carry the ids and values a script (and the dashboard) relies on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../../../shared/i18n/catalog.js';
import { applyEn, applyZh } from '../../../shared/i18n/parts/apply.js';
import { applyBlockers, builtinProfile, parseProfileDocument, validateProfile } from '../../../shared/profile/index.js';
import { assignProfile } from '../../../shared/profile/assign.js';
import { joinedProblems } from '../../../shared/profile/validate.js';
import { builtinProfileMessages, builtinProfileWords, profileNameIn } from '../../../shared/ui/profile-text.js';
import { applyLabelMessage } from '../../../shared/ui/apply-label.js';
import { mismatchVerdict } from '../../../shared/ui/mismatch.js';
import { checkZhText } from '../../support/zh-check.js';

test('every Chinese template of the apply part is Chinese outside code, with its values in place', () => {
  const failures: string[] = [];
  for (const [key, template] of Object.entries(applyZh)) {
    // A value stands in as a code-like token (a path), the way ids, URLs and files appear.
    const filled = template.replace(/\{\w+\}/g, '/v').replace(/`[^`]*`/g, ' ');
    if (!/[A-Za-z]{3}/.test(filled.replace(/\S*[./@=]\S*/g, ''))) continue; // only values and punctuation
    const check = checkZhText(filled);
    if (check.cjk === 0) failures.push(`${key}: no Chinese: ${template}`);
    for (const e of check.english) failures.push(`${key}: ${e}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(Object.keys(applyZh).sort(), Object.keys(applyEn).sort());
});

test('a validation error is a message naming the field, with the problem nested and its values', () => {
  const r = validateProfile({ ...builtinProfile('global')!, goproxy: [{ url: 'goproxy.cn' }] });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, [
    { id: 'apply.profile.field', params: { field: 'goproxy[0].url', problem: { id: 'apply.profile.url-scheme', params: { url: 'goproxy.cn', suggestion: 'https://goproxy.cn' } } } },
  ]);
  assert.equal(render('en', r.errors[0]!), 'goproxy[0].url: "goproxy.cn" has no scheme; write it in full, e.g. https://goproxy.cn');
  assert.equal(render('zh-CN', r.errors[0]!), '`goproxy[0].url`："goproxy.cn" 缺少协议；请写完整，例如 https://goproxy.cn');

  const patterns = validateProfile({ ...builtinProfile('global')!, goprivate: 'Corp.example, x' });
  assert.ok(!patterns.ok);
  assert.deepEqual(patterns.errors.map((e) => (e.params?.problem as { id: string }).id), ['apply.profile.pattern.uppercase', 'apply.profile.pattern.has-space']);
  assert.match(render('zh-CN', patterns.errors[0]!), /主机部分含有大写字母.*请写成 "corp\.example"/);
});

test('blockers, documents, assignments and several problems at once', () => {
  const [first] = applyBlockers(builtinProfile('corporate')!);
  assert.deepEqual(first, { id: 'apply.blocker', params: { field: 'goproxy[0].url', placeholder: '<PRIVATE_PROXY_URL>', what: { id: 'apply.blocker.proxy-url' } } });
  const doc = parseProfileDocument('{"schema": 1,', 'team.json');
  assert.ok(!doc.ok);
  assert.deepEqual(doc.errors[0], { id: 'apply.document.not-json', params: { source: 'team.json', place: { id: 'apply.document.at', params: { line: 1, column: 14 } } } });
  const set = assignProfile(builtinProfile('global')!, ['nope']);
  assert.ok(!set.ok);
  assert.equal(set.errors[0]!.id, 'apply.set.not-assignment');
  const both = joinedProblems([msg1('a'), msg1('b'), msg1('c')]);
  assert.equal(render('en', both), 'a: x; b: x; c: x');
  assert.equal(render('zh-CN', both), '`a`：x；`b`：x；`c`：x');
});

function msg1(field: string) {
  return { id: 'apply.profile.field' as const, params: { field, problem: 'x' } };
}

test('the built-ins\' words come from the catalogue, in both languages; a name someone chose stays as written', () => {
  assert.equal(builtinProfile('china')!.name, applyEn['apply.builtin.china.name']);
  assert.deepEqual(builtinProfileMessages('china', 'builtin'), { name: { id: 'apply.builtin.china.name' }, description: { id: 'apply.builtin.china.description' } });
  assert.equal(builtinProfileWords('offline', 'builtin', 'zh-CN')!.name, '离线');
  assert.equal(profileNameIn('zh-CN', builtinProfile('global')!), '全球（proxy.golang.org）');
  assert.equal(profileNameIn('zh-CN', { id: 'china', name: 'My China' }), 'My China');
  assert.equal(profileNameIn('en', builtinProfile('china')!), 'Mainland China');
});

test('apply labels of the history as messages; a label of another form has none', () => {
  assert.deepEqual(applyLabelMessage('use china'), { id: 'apply.label.use', params: { profile: 'china' } });
  assert.equal(render('zh-CN', applyLabelMessage('watch: reorder GOPROXY')!), '网络变化后自动调整 GOPROXY 顺序');
  assert.equal(applyLabelMessage('something else'), null);
});

test('the dashboard verdict on a difference is a catalogue message with the facts, in both languages', () => {
  const base = { context: 'bash' as const, variable: 'GOPROXY', expected: 'https://goproxy.cn,direct', actual: 'https://shadow.example', source: 'os-env', path: '/h/.bashrc', line: 4 };
  assert.deepEqual(mismatchVerdict(base), { id: 'apply.verdict.terminal-line', params: { variable: 'GOPROXY', actual: 'https://shadow.example', path: '/h/.bashrc', line: 4, shell: 'bash' } });
  assert.equal(render('zh-CN', mismatchVerdict({ ...base, context: 'current', path: null, line: null, actual: '' })).startsWith('goproxyctl 启动时的环境中带有 GOPROXY=（空）'), true);
  assert.match(render('en', mismatchVerdict({ ...base, source: 'env-file', path: '/h/.config/go/env' })), /^go gets GOPROXY=https:\/\/shadow\.example from the go env file \/h\/\.config\/go\/env\. Apply the profile again\.$/);
});
