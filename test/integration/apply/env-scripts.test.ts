// The generated env files, read back by the real shells: every awkward value must come back
// exactly. A shell that is not installed is skipped with the reason printed.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { renderEnvFish, renderEnvPs1, renderEnvSh } from '../../../electron/core/apply/env-scripts.js';
import { GO123, makeTempHome, type TempHome } from './helpers.js';

const run = promisify(execFile);
let t: TempHome;
before(async () => {
  t = await makeTempHome();
});
after(() => t.cleanup());

const awkward: Record<string, string> = {
  GOPROXY: 'https://goproxy.cn|https://proxy.golang.org,direct',
  GOFLAGS: '-mod=mod -tags=a b',
  GOPRIVATE: `it's "quoted" $HOME \`cmd\` \\back\\slash\\ *.corp.example,x|y`,
  GONOSUMDB: "'lead and trail'",
  GOINSECURE: '$(echo injected); rm -rf / ; \\',
  GOSUMDB: 'sum.golang.org https://goproxy.cn/sumdb/sum.golang.org',
  GOAUTH: 'command  two  spaces\ttab ‘typographic’ quotes 中文',
};

function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function readBack(shell: string, args: (file: string, names: string[]) => string[], script: string, ext: string): Promise<Record<string, string>> {
  const file = path.join(t.home, `env-${path.basename(shell)}.${ext}`);
  await writeFile(file, script);
  const names = Object.keys(awkward);
  // Values are printed NUL-separated so newlines or spaces in them could not confuse the split.
  const { stdout } = await run(shell, args(file, names), { env: { ...t.env, GOPRIVATE: 'stale value that must be replaced' } });
  const values = stdout.split('\0');
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '<missing>']));
}

describe('env scripts read back by real shells', () => {
  for (const sh of ['bash', 'sh', 'dash', 'zsh']) {
    const bin = which(sh);
    it(`${sh}: env.sh`, { skip: bin ? false : `${sh} is not installed` }, async () => {
      const got = await readBack(bin!, (file, names) => ['-c', `. "$1"; printf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}`, sh, file], renderEnvSh(awkward), 'sh');
      assert.deepEqual(got, awkward);
    });
  }

  const fish = which('fish');
  it('fish: env.fish', { skip: fish ? false : 'fish is not installed on this machine' }, async () => {
    const got = await readBack(fish!, (file, names) => ['-c', `source ${file}; printf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}`], renderEnvFish(awkward), 'fish');
    assert.deepEqual(got, awkward);
  });

  const pwsh = which('pwsh');
  it('pwsh: env.ps1', { skip: pwsh ? false : 'pwsh (PowerShell 7) is not installed on this machine' }, async () => {
    const got = await readBack(
      pwsh!,
      (file, names) => ['-NoProfile', '-Command', `. '${file}'; ${names.map((n) => `[Console]::Out.Write($env:${n} + [char]0)`).join('; ')}`],
      renderEnvPs1(awkward),
      'ps1',
    );
    assert.deepEqual(got, awkward);
  });

  it('null unsets a variable that was set before (sh)', async () => {
    const file = path.join(t.home, 'unset.sh');
    await writeFile(file, renderEnvSh({ GOPRIVATE: null, GOPROXY: 'direct' }));
    const { stdout } = await run('sh', ['-c', '. "$1"; echo "${GOPRIVATE-unset}:$GOPROXY"', 'sh', file], { env: { ...t.env, GOPRIVATE: 'old' } });
    assert.equal(stdout, 'unset:direct\n');
  });

  it('bash sourcing env.sh makes the real go see the profile', async () => {
    const dir = path.join(t.home, 'gocheck');
    await mkdir(dir);
    const file = path.join(dir, 'env.sh');
    await writeFile(file, renderEnvSh({ GOPROXY: awkward.GOPROXY!, GOSUMDB: awkward.GOSUMDB!, GONOSUMDB: null }));
    const { stdout } = await run('bash', ['-c', `. "$1"; "$2" env GOPROXY GOSUMDB GONOSUMDB`, 'bash', file, GO123], {
      env: { ...t.env, GOENV: path.join(dir, 'go-env'), GONOSUMDB: 'stale.example' },
    });
    assert.equal(stdout, `${awkward.GOPROXY}\n${awkward.GOSUMDB}\n\n`);
  });

  it('names are checked', () => {
    assert.throws(() => renderEnvSh({ 'BAD NAME': 'x' }), /not a valid environment variable name/);
    assert.throws(() => renderEnvSh({ X: 'a\0b' }), /NUL/);
  });
});
