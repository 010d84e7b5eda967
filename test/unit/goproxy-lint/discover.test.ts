// Which files lint reads: kinds by name and place; .git, node_modules, vendor and .gitignore'd
// paths (at any level) skipped; a missing path or an explicit file of an unknown kind is bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { discoverFiles, fileKindOf, LintPathError } from '../../../electron/core/lint/index.js';

let root: string;
before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-discover-'));
  const files: Record<string, string> = {
    '.gitignore': 'generated/\n*.local.sh\n',
    'Dockerfile': 'FROM x\n',
    'build/Dockerfile.release': 'FROM x\n',
    'ci.local.sh': 'true\n',
    'generated/Makefile': 'x:\n',
    'node_modules/pkg/build.sh': 'true\n',
    'vendor/mod/Makefile': 'x:\n',
    '.git/hooks/pre-commit.sh': 'true\n',
    'sub/.gitignore': 'secret.mk\n',
    'sub/secret.mk': 'x:\n',
    'sub/rules.mk': 'x:\n',
    'sub/notes.yml': 'a: 1\n',
    '.github/workflows/ci.yaml': 'on: push\n',
    'deploy/docker-compose.prod.yml': 'services: {}\n',
    '.envrc': 'export GOPROXY=off\n',
  };
  for (const [f, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, f)), { recursive: true });
    await writeFile(path.join(root, f), text);
  }
});
after(() => rm(root, { recursive: true, force: true }));

test('a directory walk: kinds by name and place, ignored paths skipped', async () => {
  const found = (await discoverFiles([root])).map((f) => `${path.relative(root, f.file)} ${f.kind}`);
  assert.deepEqual(found.slice().sort(), [
    '.envrc shell',
    '.github/workflows/ci.yaml github-actions',
    'Dockerfile dockerfile',
    'build/Dockerfile.release dockerfile',
    'deploy/docker-compose.prod.yml docker-compose',
    'sub/rules.mk makefile',
  ].sort());
});

test('a file named twice (directly and through its directory) is read once', async () => {
  const found = await discoverFiles([root, path.join(root, 'Dockerfile'), path.join(root, 'sub')]);
  assert.equal(found.filter((f) => f.file.endsWith(`${path.sep}Dockerfile`)).length, 1);
  assert.equal(found.filter((f) => f.file.endsWith('rules.mk')).length, 1);
});

test('bad input: a missing path, or a file lint does not read', async () => {
  await assert.rejects(discoverFiles([path.join(root, 'nope')]), LintPathError);
  await assert.rejects(discoverFiles([path.join(root, 'sub/notes.yml')]), /not a file lint reads/);
  assert.equal(fileKindOf('/x/.gitlab-ci.yml'), 'gitlab-ci');
  assert.equal(fileKindOf('/x/.travis.yml'), 'travis');
  assert.equal(fileKindOf('/x/.goreleaser.yaml'), 'goreleaser');
  assert.equal(fileKindOf('/x/Containerfile'), 'dockerfile');
  assert.equal(fileKindOf('/x/GNUmakefile'), 'makefile');
  assert.equal(fileKindOf('/x/config.yml'), null);
});
