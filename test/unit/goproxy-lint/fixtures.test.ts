// `goproxyctl lint` over the hand-written fixtures (test/fixtures/lint/<kind>/{bad,good}): every
// finding of the bad files at its exact line:column, none in the good ones, every rule and file
// kind covered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { lintPaths } from '../../../electron/core/lint/index.js';
import { LINT_FILE_KINDS, LINT_RULE_IDS } from '../../../shared/lint/types.js';
import { repoRoot } from '../../support/paths.js';
import { render } from '../../../shared/i18n/catalog.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');
const rel = (f: string): string => path.relative(fixtures, f).split(path.sep).join('/');

test('bad fixtures: exactly the expected findings, at their line:column', async () => {
  const expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as Record<string, string[]>;
  const got: Record<string, string[]> = {};
  for (const kind of await readdir(fixtures)) {
    if (kind.endsWith('.json') || kind === 'corpus') continue;
    const report = await lintPaths([path.join(fixtures, kind, 'bad')]);
    assert.equal(report.notes.length, 0, report.notes.map((n) => render('en', n)).join('\n'));
    for (const f of report.findings) (got[rel(f.file)] ??= []).push(`${f.line}:${f.column} ${f.rule}${f.edits ? ' fix' : ''}`);
  }
  assert.deepEqual(got, expected);
});

test('good fixtures: no findings in any file kind', async () => {
  for (const kind of await readdir(fixtures)) {
    if (kind.endsWith('.json') || kind === 'corpus') continue;
    const report = await lintPaths([path.join(fixtures, kind, 'good')]);
    assert.ok(report.files.length > 0, `${kind}/good has files lint reads`);
    assert.deepEqual(report.findings.map((f) => `${rel(f.file)}:${f.line} ${f.rule}`), [], kind);
  }
});

test('every rule id and every file kind has a positive fixture', async () => {
  const expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as Record<string, string[]>;
  const rules = new Set(Object.values(expected).flat().map((e) => e.split(' ')[1]));
  assert.deepEqual(LINT_RULE_IDS.filter((r) => !rules.has(r)), []);
  const kinds = new Set<string>();
  for (const kind of await readdir(fixtures)) {
    if (kind.endsWith('.json') || kind === 'corpus') continue;
    for (const f of (await lintPaths([path.join(fixtures, kind, 'bad')])).files) kinds.add(f.kind);
  }
  assert.deepEqual(LINT_FILE_KINDS.filter((k) => !kinds.has(k)), []);
});
