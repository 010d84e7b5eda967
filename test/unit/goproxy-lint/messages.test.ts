// Each lint rule's words are messages (ids + values) of the catalogue, rendered by the front end:
// the rules lint shares with the doctor carry the doctor's own messages (ops.doctor.*), so both
// say the same. Every message renders completely in English and in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../electron/core/lint/index.js';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';
import { LINT_RULE_IDS, type LintFileKind, type LintResult } from '../../../shared/lint/types.js';

interface Said { rule: string; why: Message; fix: Message }

async function said(file: string, kind: LintFileKind, lines: string[]): Promise<Said[]> {
  const { findings } = await lintText(file, kind, lines.join('\n') + '\n');
  return findings.map((f: LintResult) => ({ rule: f.rule, why: f.whyMessage, fix: f.fixMessage }));
}

const seen = new Set<string>();
function expect(got: Said[], want: Said[]): void {
  assert.deepEqual(got, want);
  for (const s of got) seen.add(s.rule);
}

test('shell lines: each rule with its message ids and values', async () => {
  expect(await said('setup.sh', 'shell', ['export GOPROXY=https://goproxy.cn|https://proxy.golang.org|direct']), [{
    rule: 'pipe-unquoted-in-shell',
    why: { id: 'lint.pipe-unquoted.why', params: { variable: 'GOPROXY', value: 'https://goproxy.cn|https://proxy.golang.org|direct' } },
    fix: { id: 'lint.pipe-unquoted.fix', params: { variable: 'GOPROXY', value: 'https://goproxy.cn|https://proxy.golang.org|direct' } },
  }]);
  expect(await said('setup.sh', 'shell', ['export GONOSUMCHECK=1']), [{
    rule: 'unknown-go-variable',
    why: { id: 'lint.unknown-var.why-typo', params: { variable: 'GONOSUMCHECK', typo: 'GONOSUMDB' } },
    fix: { id: 'lint.unknown-var.fix-rename', params: { typo: 'GONOSUMDB' } },
  }]);
  expect(await said('setup.sh', 'shell', ['export GONOPROXY="*"', 'export GONOSUMDB="*"', 'export GOINSECURE="*"', 'export GOPRIVATE="*"']), [
    { rule: 'gonoproxy-wildcard', why: { id: 'lint.wildcard.why-proxy', params: { variable: 'GONOPROXY', glob: '*' } }, fix: { id: 'lint.wildcard.fix' } },
    { rule: 'gonoproxy-wildcard', why: { id: 'lint.wildcard.why-sumdb', params: { variable: 'GONOSUMDB', glob: '*' } }, fix: { id: 'lint.wildcard.fix' } },
    { rule: 'gonoproxy-wildcard', why: { id: 'lint.wildcard.why-insecure', params: { variable: 'GOINSECURE', glob: '*' } }, fix: { id: 'lint.wildcard.fix' } },
    { rule: 'gonoproxy-wildcard', why: { id: 'lint.wildcard.why-private', params: { variable: 'GOPRIVATE', glob: '*' } }, fix: { id: 'lint.wildcard.fix' } },
  ]);
  expect(await said('setup.sh', 'shell', ['export GOPRIVATE="https://git.corp.example.com"', 'export GONOSUMDB="Git.corp.example.com"']), [
    {
      rule: 'pattern-never-matches',
      why: { id: 'lint.never-matches.why', params: { variable: 'GOPRIVATE', glob: 'https://git.corp.example.com', reason: { id: 'lint.never-matches.reason.scheme' } } },
      fix: { id: 'lint.never-matches.fix', params: { variable: 'GOPRIVATE', value: 'git.corp.example.com' } },
    },
    {
      rule: 'pattern-never-matches',
      why: { id: 'lint.never-matches.why', params: { variable: 'GONOSUMDB', glob: 'Git.corp.example.com', reason: { id: 'lint.never-matches.reason.uppercase' } } },
      fix: { id: 'lint.never-matches.fix', params: { variable: 'GONOSUMDB', value: 'Git.corp.example.com' } },
    },
  ]);
  expect(await said('setup.sh', 'shell', ['go get -insecure example.com/m']), [
    { rule: 'insecure-flag', why: { id: 'lint.insecure-flag.why', params: { flag: '-insecure' } }, fix: { id: 'lint.insecure-flag.fix' } },
  ]);
  expect(await said('setup.sh', 'shell', ["export GOPROXY='https://athens.corp.example.com|https://proxy.golang.org'"]), [{
    rule: 'private-leak',
    why: { id: 'lint.private-leak.why', params: { host: 'https://athens.corp.example.com', next: 'https://proxy.golang.org' } },
    fix: { id: 'lint.private-leak.fix', params: { host: 'https://athens.corp.example.com' } },
  }]);
});

test('the rules lint shares with the doctor carry the doctor\'s messages', async () => {
  expect(await said('setup.sh', 'shell', [
    'export GOSUMDB=off',
    'export GO111MODULE=off',
    "export GOPROXY='https://goproxy.cn,https://proxy.golang.org,direct'",
    "export GOPROXY='direct,https://goproxy.cn'",
    "export GOPROXY='goproxy'",
    "export GOPROXY='https://gocenter.io'",
    "export GOPROXY='ftp://x.example.com'",
    "export GOSUMDB='https://goproxy.cn/sumdb/sum.golang.org'",
  ]), [
    { rule: 'gosumdb-off', why: { id: 'ops.doctor.gosumdb-off.explanation' }, fix: { id: 'ops.doctor.gosumdb-off.fix' } },
    { rule: 'go111module-off', why: { id: 'ops.doctor.gomodule-off.explanation' }, fix: { id: 'ops.doctor.gomodule-off.fix' } },
    {
      rule: 'comma-no-failover',
      why: { id: 'ops.doctor.comma.explanation', params: { entry: 'https://goproxy.cn', next: 'https://proxy.golang.org' } },
      fix: { id: 'ops.doctor.comma.fix', params: { entry: 'https://goproxy.cn', next: 'https://proxy.golang.org' } },
    },
    { rule: 'entries-after-direct', why: { id: 'ops.doctor.ignored-after-direct.explanation', params: { entries: 'https://goproxy.cn' } }, fix: { id: 'ops.doctor.ignored-after-direct.fix' } },
    // go's own error text, verbatim.
    { rule: 'missing-scheme', why: { id: 'ops.doctor.invalid-goproxy.explanation', params: { error: 'invalid proxy URL missing scheme: goproxy' } }, fix: { id: 'ops.doctor.invalid-goproxy.fix' } },
    {
      rule: 'defunct-proxy',
      why: { id: 'ops.doctor.defunct.explanation-comma', params: { entry: 'https://gocenter.io', what: { id: 'ops.doctor.defunct.gocenter' } } },
      fix: { id: 'ops.doctor.defunct.fix', params: { entry: 'https://gocenter.io' } },
    },
    { rule: 'invalid-goproxy', why: { id: 'ops.doctor.invalid-goproxy.explanation', params: { error: 'invalid proxy URL scheme (must be https, http, file): ftp://x.example.com' } }, fix: { id: 'ops.doctor.invalid-goproxy.fix' } },
    {
      rule: 'invalid-gosumdb',
      why: { id: 'ops.doctor.invalid-gosumdb.explanation', params: { value: 'https://goproxy.cn/sumdb/sum.golang.org', error: 'invalid GOSUMDB: malformed verifier id' } },
      fix: { id: 'ops.doctor.invalid-gosumdb.fix' },
    },
  ]);
});

test('Dockerfile: an ARG out of its stage (with the line it is declared on) and `go env -w` in the image', async () => {
  expect(await said('Dockerfile', 'dockerfile', ['ARG GOPROXY=https://goproxy.cn', 'FROM golang:1.23 AS build', 'ENV GOPROXY=$GOPROXY', 'RUN go env -w GOPROXY=https://goproxy.cn GOSUMDB=sum.golang.google.cn']), [
    { rule: 'arg-out-of-scope', why: { id: 'lint.arg-out-of-scope.why', params: { variable: 'GOPROXY', line: 1, stage: 'build' } }, fix: { id: 'lint.arg-out-of-scope.fix', params: { variable: 'GOPROXY' } } },
    { rule: 'go-env-w-in-image', why: { id: 'lint.go-env-w.why' }, fix: { id: 'lint.go-env-w.fix', params: { variables: 'GOPROXY, GOSUMDB' } } },
  ]);
});

test('every rule was seen above, and each finding renders completely in both languages', async () => {
  assert.deepEqual([...seen].sort(), [...LINT_RULE_IDS].sort());
  const { findings } = await lintText('setup.sh', 'shell', 'export GOPROXY=https://goproxy.cn|direct\nexport GONOSUMCHECK=1\n');
  for (const f of findings) {
    for (const m of [f.whyMessage, f.fixMessage]) {
      for (const text of [render('en', m), render('zh-CN', m)]) assert.doesNotMatch(text, /\{\w+\}|lint\.|ops\./, text);
      assert.match(render('zh-CN', m), /[\u4e00-\u9fff]/);
    }
  }
});

test('a file a reader cannot parse is a note as a message, with the parser\'s own words as its value', async () => {
  const { notes } = await lintText('ci.yml', 'github-actions', 'jobs: [\n');
  assert.equal(notes.length, 1);
  assert.equal(notes[0]!.id, 'lint.note.in-file');
  assert.equal(notes[0]!.params?.file, 'ci.yml');
  assert.equal((notes[0]!.params?.note as Message).id, 'lint.note.bad-yaml');
  assert.match(render('zh-CN', notes[0]!), /^ci\.yml：不是有效的 YAML（".+"）；未检查$/);
});
