// The corpus: lines of real public files that set Go proxy variables (test/fixtures/lint/corpus,
// origins in corpus.json), labelled by hand. Prints precision and recall; every label must match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lintPaths } from '../../../electron/core/lint/index.js';
import { repoRoot } from '../../support/paths.js';

interface Corpus {
  files: { file: string; origin: string; expected: string[] }[];
}

test('corpus: precision and recall against the hand labels', async (t) => {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'lint', 'corpus');
  const corpus = JSON.parse(await readFile(path.join(repoRoot, 'test', 'fixtures', 'lint', 'corpus.json'), 'utf8')) as Corpus;
  const report = await lintPaths([dir]);
  assert.equal(report.files.length, corpus.files.length, 'every corpus file is read, and only those');
  const found = new Set(report.findings.map((f) => `${path.relative(dir, f.file).split(path.sep).join('/')} ${f.rule}@${f.line}`));
  const labelled = new Set(corpus.files.flatMap((c) => c.expected.map((e) => `${c.file} ${e}`)));
  const truePositives = [...found].filter((f) => labelled.has(f)).length;
  const precision = found.size === 0 ? 1 : truePositives / found.size;
  const recall = labelled.size === 0 ? 1 : truePositives / labelled.size;
  t.diagnostic(`corpus: ${corpus.files.length} files, ${labelled.size} labelled findings, ${found.size} reported, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
  assert.deepEqual([...found].filter((f) => !labelled.has(f)), [], 'false positives');
  assert.deepEqual([...labelled].filter((f) => !found.has(f)), [], 'missed');
});
