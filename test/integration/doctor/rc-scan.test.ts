// The rc-file scanner on a corpus of real files under a temporary HOME: CRLF, a BOM, comments,
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
    ].join('\r\n') + '\r\n',
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
    .map((a) => `${a.line} ${a.action} ${a.variable}=${a.value ?? '<dynamic>'}${a.inFunction ? ' fn' : ''}${a.inManagedBlock ? ' block' : ''}${a.wholeLine ? '' : ' partial'}`);
}

test('finds every Go assignment with its line, value and context', async () => {
  const { snapshot } = await gatherDoctorSnapshot({ env: { HOME: home, PATH: '/usr/bin:/bin' }, platform: 'linux', goBinary: null });
  const rc = snapshot.rcAssignments;
  assert.deepEqual(pick(rc, '.bashrc'), [
    '3 set GOPROXY=https://goproxy.cn,direct',
    '4 set GOSUMDB=sum.golang.google.cn partial',
    '4 set GOFLAGS=-mod=mod partial',
    '5 set GOPRIVATE=git.corp.example.com partial',
    '7 set GOPROXY=https://goproxy.io fn',
    '9 set GONOSUMDB=<dynamic>',
    '10 unset GOINSECURE=<dynamic>',
    '12 set GOPROXY=https://managed.example block',
  ]);
  // An unquoted "|" is a pipe in sh: the shell really assigns only what is before it.
  assert.deepEqual(pick(rc, '.profile'), ['2 set GOPROXY=https://proxy.golang.org partial']);
  assert.deepEqual(pick(rc, '.config/fish/config.fish'), [
    '1 set GOPROXY=https://goproxy.cn',
    '2 set GOSUMDB=sum.golang.org',
    '3 set GOPRIVATE=corp.example.com',
    '6 set GOPROXY=direct fn',
    '8 unset GOINSECURE=<dynamic>',
  ]);
  assert.deepEqual(pick(rc, '.config/fish/conf.d/go.fish'), ['1 set GONOPROXY=none']);
  assert.deepEqual(pick(rc, '.config/powershell/Microsoft.PowerShell_profile.ps1'), [
    '1 set GOPROXY=https://goproxy.cn|direct',
    '2 set GOSUMDB=sum.golang.org',
    '4 set GOPROXY=direct fn',
    '6 set GOFLAGS=<dynamic>',
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
