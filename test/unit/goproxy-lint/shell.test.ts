// The shell reader: what bash does with the lines lint flags (checked with the real bash), and
// the words it must not mistake for assignments (quotes, heredocs, $(...), pipes after a command).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lintText } from '../../../electron/core/lint/index.js';

async function rules(script: string): Promise<string[]> {
  return (await lintText('x.sh', 'shell', script)).findings.map((f) => `${f.line}:${f.column} ${f.rule}`);
}

function bashSees(script: string): string {
  return execFileSync('bash', ['-c', `${script}\nprintf %s "$GOPROXY"`], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).toString();
}

test('pipe-unquoted-in-shell: bash really leaves GOPROXY unset, and the quoted fix sets it', async () => {
  const broken = 'export GOPROXY=https://goproxy.cn|direct';
  assert.equal(bashSees(broken), '');
  assert.deepEqual(await rules(broken + '\n'), ['1:16 pipe-unquoted-in-shell']);
  const { findings } = await lintText('x.sh', 'shell', broken + '\n');
  const fixed = broken.slice(0, findings[0]!.edits![0]!.start) + "'" + broken.slice(findings[0]!.edits![0]!.start, findings[0]!.edits![1]!.start) + "'" + broken.slice(findings[0]!.edits![1]!.start);
  assert.equal(fixed, "export GOPROXY='https://goproxy.cn|direct'");
  assert.equal(bashSees(fixed), 'https://goproxy.cn|direct');
});

test('no finding for quoted lists, heredoc bodies, command substitutions, comments, or a pipe after a command', async () => {
  for (const script of [
    `export GOPROXY="https://goproxy.cn|direct"\n`,
    `export GOPROXY='https://goproxy.cn|direct'\n`,
    `export GOPROXY=https://goproxy.cn\\|direct\n`,
    `cat <<EOF\nGOPROXY=https://a|https://b\nEOF\n`,
    `cat <<-'EOF'\n\tGOPROXY=https://a,https://b\n\tEOF\n`,
    `X=$(echo GOPROXY=https://a | tr a b)\n`,
    `# export GOPROXY=https://goproxy.cn,https://goproxy.io\n`,
    `go env GOPROXY | grep -q direct\n`,
    `GOPROXY=$MIRROR go build ./... | tee log\n`,
    `echo "GOPROXY=https://a|https://b"\n`,
  ]) {
    assert.deepEqual(await rules(script), [], script);
  }
});

test('assignments lint reads: export, prefix, env, go env -w, docker build --build-arg, inside if/then', async () => {
  const comma = 'https://goproxy.cn,https://goproxy.io';
  assert.deepEqual(await rules(`export GOPROXY=${comma}\n`), ['1:16 comma-no-failover']);
  assert.deepEqual(await rules(`GOPROXY=${comma} go build\n`), ['1:9 comma-no-failover']);
  assert.deepEqual(await rules(`env GOPROXY=${comma} go build\n`), ['1:13 comma-no-failover']);
  assert.deepEqual(await rules(`go env -w GOPROXY=${comma}\n`), ['1:19 comma-no-failover']);
  assert.deepEqual(await rules(`docker build --build-arg GOPROXY=${comma} .\n`), ['1:34 comma-no-failover']);
  assert.deepEqual(await rules(`if true; then\n  export GOPROXY=${comma}\nfi\n`), ['2:18 comma-no-failover']);
  assert.deepEqual(await rules(`export GOSUMDB=off GOPROXY=off\n`), [], 'GOSUMDB=off with GOPROXY=off is offline on purpose');
  assert.deepEqual(await rules(`export GOPROXY=https://goproxy.cn/,direct\n`), [], 'a trailing slash is harmless');
});

test('make expands $(GOPROXY) before the shell runs the recipe: an unquoted "|" list is a pipe there too', async () => {
  const makefile = 'GOPROXY = https://goproxy.cn|direct\nbuild:\n\tGOPROXY=$(GOPROXY) go build ./...\n\tGOPROXY="$(GOPROXY)" go test ./...\n';
  const { findings } = await lintText('Makefile', 'makefile', makefile);
  assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.rule}`), ['3:10 pipe-unquoted-in-shell']);
  assert.equal(findings[0]!.edits, undefined, 'the fix belongs in the recipe by hand: the text there is $(GOPROXY)');
});
