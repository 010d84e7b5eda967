// The rc-file scanner on a corpus of real files under a temporary HOME: a BOM, CRLF, comments,
// exports inside functions, multi-statement lines, fish and PowerShell syntax, our managed block.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { gatherDoctorSnapshot } from '../../../electron/core/doctor/gather.js';
import { commentOutLines, MOVED_MARKER } from '../../../electron/core/doctor/fix-shadowed.js';
import type { RcAssignment } from '../../../shared/doctor/rc-scan.js';
import { scanRcBytes } from '../../../electron/core/doctor/rc-parse.js';

let home: string;

before(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-rcscan-'));
  await writeFile(
    path.join(home, '.bashrc'),
    [
      '\ufeff# my bashrc',
      '# export GOPROXY=https://commented.example',
      'export GOPROXY=https://goproxy.cn,direct  # from a blog',
      'export GOSUMDB="sum.golang.google.cn" GOFLAGS=-mod=mod',
      "export GOPRIVATE='git.corp.example.com'; echo hi",
      'useproxy() {',
      '  export GOPROXY=https://goproxy.io',
      '}',
      'export GONOSUMDB="$CORP_HOSTS"',
      'unset GOINSECURE',
      '# >>> goproxyctl >>>',
      'export GOPROXY=https://managed.example',
      '# <<< goproxyctl <<<',
      'export NOT_GO=1',
    ].join('\n') + '\n',
  );
  await writeFile(path.join(home, '.profile'), 'PATH=$PATH:/usr/local/go/bin\nexport GOPROXY=https://proxy.golang.org|direct\n');
  await mkdir(path.join(home, '.config', 'fish', 'conf.d'), { recursive: true });
  await writeFile(
    path.join(home, '.config', 'fish', 'config.fish'),
    ['set -x GOPROXY https://goproxy.cn', "set -gx GOSUMDB 'sum.golang.org'", 'set -Ux GOPRIVATE corp.example.com', 'set GOFLAGS -mod=mod', 'function p', '    set -gx GOPROXY direct', 'end', 'set -e GOINSECURE'].join('\n') + '\n',
  );
  await writeFile(path.join(home, '.config', 'fish', 'conf.d', 'go.fish'), 'set --export --global GONOPROXY none\n');
  await mkdir(path.join(home, '.config', 'powershell'), { recursive: true });
  await writeFile(
    path.join(home, '.config', 'powershell', 'Microsoft.PowerShell_profile.ps1'),
    ["$env:GOPROXY = 'https://goproxy.cn|direct'", '$env:GOSUMDB="sum.golang.org"', 'function Set-Proxy {', "  $env:GOPROXY = 'direct'", '}', '$env:GOFLAGS = $flags'].join('\r\n') + '\r\n',
  );
});

after(async () => {
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

function pick(list: RcAssignment[], file: string): string[] {
  return list
    .filter((a) => a.file === path.join(home, file))
    .map((a) => `${a.line} ${a.action} ${a.variable}=${a.value ?? '<dynamic>'} ${a.context}${a.inManagedBlock ? ' block' : ''}${a.movable ? ' movable' : ''}`);
}

test('finds every Go assignment with its line, value and context', async () => {
  const { snapshot } = await gatherDoctorSnapshot({ env: { HOME: home, PATH: '/usr/bin:/bin' }, platform: 'linux', goBinary: null });
  const rc = snapshot.rcAssignments;
  assert.deepEqual(pick(rc, '.bashrc'), [
    '3 set GOPROXY=https://goproxy.cn,direct top-level movable',
    '4 set GOSUMDB=sum.golang.google.cn shares-line',
    '4 set GOFLAGS=-mod=mod shares-line',
    '5 set GOPRIVATE=git.corp.example.com shares-line',
    '7 set GOPROXY=https://goproxy.io function',
    '9 set GONOSUMDB=<dynamic> top-level',
    '10 unset GOINSECURE=<dynamic> top-level',
    '12 set GOPROXY=https://managed.example top-level block',
  ]);
  // An unquoted "|" is a pipe in sh: the shell really assigns only what is before it.
  assert.deepEqual(pick(rc, '.profile'), ['2 set GOPROXY=https://proxy.golang.org shares-line']);
  assert.deepEqual(pick(rc, '.config/fish/config.fish'), [
    '1 set GOPROXY=https://goproxy.cn top-level movable',
    '2 set GOSUMDB=sum.golang.org top-level movable',
    '3 set GOPRIVATE=corp.example.com top-level movable',
    '6 set GOPROXY=direct function',
    '8 unset GOINSECURE=<dynamic> top-level',
  ]);
  assert.deepEqual(pick(rc, '.config/fish/conf.d/go.fish'), ['1 set GONOPROXY=none top-level movable']);
  assert.deepEqual(pick(rc, '.config/powershell/Microsoft.PowerShell_profile.ps1'), [
    '1 set GOPROXY=https://goproxy.cn|direct top-level movable',
    '2 set GOSUMDB=sum.golang.org top-level movable',
    '4 set GOPROXY=direct function',
    '6 set GOFLAGS=<dynamic> top-level',
  ]);
  const shadowed = snapshot.rcAssignments.find((a) => a.line === 3 && a.file.endsWith('.bashrc'));
  assert.equal(shadowed?.text, 'export GOPROXY=https://goproxy.cn,direct  # from a blog');
});

test('what the scanner reports as the value is what bash assigns', () => {
  const line = `export GOSUMDB="sum.golang.google.cn" GOFLAGS=-mod=mod`;
  const out = execFileSync('bash', ['-c', `${line}; printf '%s|%s' "$GOSUMDB" "$GOFLAGS"`], { timeout: 10_000 }).toString();
  assert.equal(out, 'sum.golang.google.cn|-mod=mod');
});

test('commentOutLines keeps every other byte: CRLF, BOM, no final newline', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export GOPROXY=a\r\nx=\xe9\r\nexport GOSUMDB=off', 'latin1')]);
  const out = commentOutLines(bytes, [1, 3]);
  const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MOVED_MARKER + 'export GOPROXY=a\r\nx=\xe9\r\n' + MOVED_MARKER + 'export GOSUMDB=off', 'latin1')]);
  assert.ok(out.equals(expected));
});

/** "line-endLine context[ movable]" for each GOPROXY assignment of an sh file. */
async function contexts(text: string, dialect: 'bash' | 'zsh' = 'bash'): Promise<string[]> {
  const { assignments } = await scanRcBytes(Buffer.from(text, 'latin1'), '/h/.bashrc', { syntax: 'sh', dialect }, ['GOPROXY']);
  return assignments.map((a) => `${a.line}-${a.endLine} ${a.context}${a.movable ? ' movable' : ''} ${a.value ?? '<dynamic>'}`);
}

test('the parser decides: only a simple top-level statement alone on its lines is movable', async () => {
  const G = 'export GOPROXY=https://fake.example.com';
  assert.deepEqual(await contexts(`# E\nMSG="hello\n${G}\nbye"\n`), ['3-3 string https://fake.example.com']);
  assert.deepEqual(await contexts(`cat <<EOF >x\n${G}\nEOF\n`), ['2-2 heredoc https://fake.example.com']);
  assert.deepEqual(await contexts(`cat <<'EOF' | sh\n${G}\nEOF\n`), ['2-2 heredoc https://fake.example.com']);
  assert.deepEqual(await contexts(`if [ -n "$X" ]; then\n  ${G}\nfi\n`), ['2-2 conditional https://fake.example.com']);
  assert.deepEqual(await contexts(`case $X in\n  a) ${G} ;;\nesac\n`), ['2-2 conditional https://fake.example.com']);
  assert.deepEqual(await contexts(`for i in 1; do\n  ${G}\ndone\n`), ['2-2 loop https://fake.example.com']);
  assert.deepEqual(await contexts(`( ${G} )\n{\n  ${G}\n}\n`), ['1-1 subshell https://fake.example.com', '3-3 group https://fake.example.com']);
  assert.deepEqual(await contexts(`[ -n "$X" ] && ${G}\n${G}; echo hi\n`), ['1-1 conditional https://fake.example.com', '2-2 shares-line https://fake.example.com']);
  // A continued statement is one statement: its value is joined, and all its lines go together.
  assert.deepEqual(await contexts('export GOPROXY=https://goproxy.cn\\\n,direct\n'), ['1-2 top-level movable https://goproxy.cn,direct']);
  // A line that continues another command is not an assignment of its own.
  assert.deepEqual(await contexts(`echo \\\n${G}\n`), ['2-2 continuation https://fake.example.com']);
  // A plain assignment alone changes an exported variable; one before a command does not.
  assert.deepEqual(await contexts('GOPROXY=off\nGOPROXY=direct go build\n'), ['1-1 top-level movable off']);
  // A file that does not parse: reported, nothing movable.
  assert.deepEqual(await contexts(`if true; then\n${G}\n`), ['2-2 unparsable https://fake.example.com']);
  // CRLF: bash and zsh read the CR as part of the last word, so `fi\r` closes nothing. With the
  // shell as a second judge, a CRLF file with compound commands is unparsable, as it is to bash;
  // one with simple lines only is edited like any other.
  const crlf = async (text: string): Promise<string[]> =>
    (await scanRcBytes(Buffer.from(text), '/h/.bashrc', { syntax: 'sh', dialect: 'bash', checkWith: { PATH: process.env.PATH } }, ['GOPROXY'])).assignments.map((a) => `${a.line} ${a.context}${a.movable ? ' movable' : ''}`);
  assert.deepEqual(await crlf(`if true; then\r\n  :\r\nfi\r\n${G}\r\n`), ['4 unparsable']);
  assert.deepEqual(await crlf(`useproxy() {\r\n  ${G}\r\n}\r\n`), ['2 unparsable']);
  assert.deepEqual(await crlf(`alias ll='ls -l'\r\n${G}\r\n`), ['2 top-level movable']);
  // zsh syntax is read with zsh's grammar.
  assert.deepEqual(await contexts(`print -r -- \${(j:,:)list}\n${G}\n`, 'zsh'), ['2-2 top-level movable https://fake.example.com']);
});

test('fish: blocks, quotes and continuations decide the same way', async () => {
  const scan = async (text: string): Promise<string[]> =>
    (await scanRcBytes(Buffer.from(text), '/h/config.fish', { syntax: 'fish' }, ['GOPROXY'])).assignments.map((a) => `${a.line}-${a.endLine} ${a.context}${a.movable ? ' movable' : ''}`);
  assert.deepEqual(await scan('if status is-interactive\n  set -gx GOPROXY a\nend\nset -gx GOPROXY b\n'), ['2-2 conditional', '4-4 top-level movable']);
  assert.deepEqual(await scan("set -l msg 'x\nset -gx GOPROXY c\n'\nset -gx GOPROXY \\\n  d\n"), ['2-2 string', '4-5 top-level movable']);
  assert.deepEqual(await scan('begin\n  set -gx GOPROXY e\nend; set -gx GOPROXY f\n'), ['2-2 group', '3-3 shares-line']);
  assert.deepEqual(await scan('function f\n  set -gx GOPROXY g\n'), ['2-2 unparsable']);
});
