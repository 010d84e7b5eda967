// The readers on syntax real files use: GitHub expressions inside `run:`, steps in other
// languages, zsh-only syntax, make functions with nested references, YAML anchors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../electron/core/lint/index.js';

test('github-actions: ${{ }} inside run is GitHub\'s, not the shell\'s; a python step is not shell', async () => {
  const wf = [
    'jobs:',
    '  b:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: |',
    '          GOPROXY=${{ matrix.proxy }} go build ./...',
    '          export GOPROXY=https://goproxy.cn|direct',
    '      - shell: python',
    '        run: |',
    '          print("GOPROXY=https://a|https://b".split("|"))',
    '',
  ].join('\n');
  const { findings, notes } = await lintText('ci.yml', 'github-actions', wf);
  assert.deepEqual(notes, []);
  assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.rule}`), ['7:26 pipe-unquoted-in-shell']);
});

test('shell: zsh syntax in a .zsh file parses with the zsh dialect', async () => {
  const zsh = 'typeset -A m\nprint ${(k)m}\nexport GOPROXY=https://goproxy.cn,https://goproxy.io,direct\n';
  const { findings, notes } = await lintText('go.zsh', 'shell', zsh);
  assert.deepEqual(notes, []);
  assert.deepEqual(findings.map((f) => `${f.line} ${f.rule}`), ['3 comma-no-failover']);
});

test('makefile: function calls with nested references are one expansion', async () => {
  const mk = "IMAGE = x\nrun:\n\t$(info Running '$(IMAGE):$(TAG)')\n\tdocker build --build-arg GOPROXY=$(if $(CI),https://goproxy.cn,https://proxy.golang.org) .\n";
  const { findings, notes } = await lintText('Makefile', 'makefile', mk);
  assert.deepEqual(notes, []);
  assert.deepEqual(findings, []);
});

test('gitlab-ci: jobs built from anchors and extends are read without complaint', async () => {
  const ci = [
    '.go: &go',
    '  image: golang:1.23',
    '  variables:',
    '    GOPROXY: "https://goproxy.cn,https://goproxy.io,direct"',
    'test:',
    '  <<: *go',
    '  script:',
    '    - go test ./...',
    '',
  ].join('\n');
  const { findings, notes } = await lintText('.gitlab-ci.yml', 'gitlab-ci', ci);
  assert.deepEqual(notes, []);
  assert.deepEqual(findings.map((f) => `${f.line} ${f.rule}`), ['4 comma-no-failover'], 'reported once, where it is written');
});
