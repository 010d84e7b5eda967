// The README's GitHub Actions job for `goproxyctl lint`: valid YAML with the structure a workflow
// job needs, shell that bash accepts, the CLI options it uses exist, and lint itself finds nothing
// in a workflow made of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { lintText } from '../../../electron/core/lint/index.js';
import { repoRoot } from '../../support/paths.js';

test('README: the goproxyctl lint job is a valid workflow job that uploads SARIF', async () => {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## `goproxyctl lint` in CI'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  const workflow = `on: pull_request\njobs:\n${block}`;
  const jobs = (parse(workflow) as { jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: Record<string, unknown>[] }> }).jobs;
  const job = jobs['goproxy-lint']!;
  assert.equal(job['runs-on'], 'ubuntu-latest');
  assert.equal(job.permissions['security-events'], 'write');
  for (const step of job.steps) {
    assert.ok((typeof step.uses === 'string') !== (typeof step.run === 'string'), JSON.stringify(step));
    if (typeof step.run === 'string') execFileSync('bash', ['-n'], { input: step.run, timeout: 10_000 });
  }
  const lintStep = job.steps.find((s) => typeof s.run === 'string' && s.run.includes(' lint '))!;
  assert.match(lintStep.run as string, /lint --format sarif > \.\.\/goproxyctl-lint\.sarif \|\| \[ \$\? -eq 1 \]/);
  const upload = job.steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif'))!;
  assert.equal((upload.with as { sarif_file: string }).sarif_file, 'goproxyctl-lint.sarif');
  assert.deepEqual((await lintText('.github/workflows/lint.yml', 'github-actions', workflow)).findings, []);
});
