// The go env file: its path (compared with the real `go env GOENV`), its format (our writer
// compared byte for byte with the real `go env -w` / `-u`), validation, and writing with and
// without go.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { goEnvApply } from '../../../electron/core/apply/go-env-file.js';
import { goEnvFilePath, goEnvFilePathFromGo } from '../../../electron/core/apply/go-env-path.js';
import { goEnvProblem } from '../../../electron/core/apply/go-env-validate.js';
import { GoEnvError, planGoEnv, writeGoEnv } from '../../../electron/core/apply/go-env-write.js';
import { GO123, goBinaries, makeTempHome, type TempHome } from './helpers.js';

const run = promisify(execFile);
let t: TempHome;
before(async () => {
  t = await makeTempHome();
});
after(() => t.cleanup());

describe('goEnvFilePath follows go', () => {
  const cases: [string, NodeJS.ProcessEnv][] = [
    ['HOME only', {}],
    ['XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/tmp/goproxyctl-xdg-test' }],
    ['GOENV absolute', { GOENV: '/tmp/goproxyctl-goenv-test/env' }],
    ['GOENV relative', { GOENV: 'rel/go.env' }],
  ];
  for (const go of goBinaries) {
    for (const [name, extra] of cases) {
      it(`${name} (${path.basename(path.dirname(path.dirname(go)))})`, async () => {
        const env = { ...t.env, ...extra };
        const fromGo = (await run(go, ['env', 'GOENV'], { env, cwd: t.home })).stdout.trim();
        const ours = goEnvFilePath(env, 'linux', t.home);
        assert.equal(ours.path, path.resolve(t.home, fromGo));
        assert.deepEqual(await goEnvFilePathFromGo(go, env, t.home), ours);
      });
    }
  }

  it('GOENV=off means no file, with the reason', () => {
    const loc = goEnvFilePath({ ...t.env, GOENV: 'off' }, 'linux');
    assert.equal(loc.path, null);
    assert.match(loc.path === null ? loc.reason : '', /GOENV=off/);
  });

  it('macOS and Windows locations', () => {
    assert.equal(goEnvFilePath({ HOME: '/Users/u' }, 'darwin').path, '/Users/u/Library/Application Support/go/env');
    assert.equal(goEnvFilePath({ AppData: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\').path, 'C:\\Users\\u\\AppData\\Roaming\\go\\env');
  });
});

describe('the go env file format: our writer equals the real go, byte for byte', () => {
  const files: Record<string, string | null> = {
    absent: null,
    empty: '',
    'comments and unknown lines': '# my settings\nGOPROXY=https://old.example\nnot a setting\nGOFLAGS=-mod=mod\n\n#GOSUMDB=x\nGOAMD64=v2\n',
    'duplicates, CRLF, no final newline': 'GOPROXY=a\r\nGONOSUMDB=x\nGOPROXY=b\nGOPRIVATE=p',
    'unsorted run': 'GOSUMDB=sum.golang.org\nGOPROXY=x\nGOFLAGS=-v\n',
    'non-UTF-8 bytes in a foreign line': '# caf\xe9\nGOPROXY=x\n',
  };
  const updates: Record<string, Record<string, string | null>> = {
    'set new and existing, unset one': { GOPROXY: 'https://goproxy.cn|https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.google.cn', GOPRIVATE: null, GONOSUMDB: null },
    'values with spaces, quotes, $ and backslashes': { GOFLAGS: '-mod=mod -tags=a,b', GOINSECURE: '*.corp.example', GONOPROXY: 'x.example/\\$HOME"q\'' },
    'unset only': { GOPROXY: null, GOFLAGS: null },
  };
  for (const go of goBinaries) {
    for (const [fname, content] of Object.entries(files)) {
      for (const [uname, vars] of Object.entries(updates)) {
        it(`${fname} + ${uname} (${path.basename(path.dirname(path.dirname(go)))})`, async () => {
          const before = content === null ? null : Buffer.from(content, 'latin1');
          const expected = await realGo(go, before, vars);
          const ours = goEnvApply(before, vars);
          assert.equal(ours === null ? null : ours.toString('latin1'), expected === null ? null : expected.toString('latin1'));
        });
      }
    }
  }
});

async function realGo(go: string, before: Buffer | null, vars: Record<string, string | null>): Promise<Buffer | null> {
  const dir = path.join(t.home, `real-${Math.random().toString(16).slice(2)}`);
  await mkdir(dir);
  const file = path.join(dir, 'env');
  if (before !== null) await writeFile(file, before);
  const env = { ...t.env, GOENV: file };
  const set = Object.entries(vars).filter(([, v]) => v !== null);
  const unset = Object.entries(vars).filter(([, v]) => v === null).map(([k]) => k);
  if (set.length) await run(go, ['env', '-w', ...set.map(([k, v]) => `${k}=${v}`)], { env });
  const exists = await readFile(file).then(() => true, () => false);
  if (unset.length && exists) await run(go, ['env', '-u', ...unset], { env });
  return exists ? readFile(file) : null;
}

describe('validation before anything is written', () => {
  it('rejects what go would accept but cannot use, and what go refuses', () => {
    assert.match(goEnvProblem('GOPROXY', 'bogus') ?? '', /invalid proxy URL missing scheme: bogus/);
    assert.match(goEnvProblem('GOPROXY', ',') ?? '', /contains no entries/);
    assert.match(goEnvProblem('GOPROXY', 'https://user:pw@proxy.example') ?? '', /must not contain credentials/);
    assert.match(goEnvProblem('GOSUMDB', 'goproxy.cn/sumdb/sum.golang.org') ?? '', /invalid GOSUMDB/);
    assert.match(goEnvProblem('GOENV', '/x') ?? '', /only be set using the OS environment/);
    assert.match(goEnvProblem('GOVERSION', 'x') ?? '', /cannot be modified/);
    assert.match(goEnvProblem('GOPROXYY', 'x') ?? '', /unknown go command variable GOPROXYY/);
    assert.match(goEnvProblem('GOFLAGS', 'a\nb') ?? '', /invalid newline/);
    assert.match(goEnvProblem('GO111MODULE', 'yes') ?? '', /invalid GO111MODULE/);
    assert.equal(goEnvProblem('GOPROXY', 'https://goproxy.cn|https://proxy.golang.org,direct'), null);
    assert.equal(goEnvProblem('GOSUMDB', 'sum.golang.org https://goproxy.cn/sumdb/sum.golang.org'), null);
    assert.equal(goEnvProblem('GOPRIVATE', null), null);
  });

  it('the real go accepts GOPROXY=bogus, which is why we check first', async () => {
    const file = path.join(t.home, 'bogus-env');
    await run(GO123, ['env', '-w', 'GOPROXY=bogus'], { env: { ...t.env, GOENV: file } });
    assert.equal(await readFile(file, 'utf8'), 'GOPROXY=bogus\n');
    await assert.rejects(planGoEnv({ GOPROXY: 'bogus' }, { env: { ...t.env, GOENV: path.join(t.home, 'never') }, goBinary: GO123 }), GoEnvError);
    await assert.rejects(readFile(path.join(t.home, 'never')), /ENOENT/);
  });
});

describe('writeGoEnv', () => {
  it('with the real go: go env GOPROXY reads back what was written, GOENV honoured', async () => {
    const file = path.join(t.home, 'custom', 'go.env');
    await mkdir(path.dirname(file));
    await writeFile(file, '# keep me\nGOFLAGS=-mod=mod\n');
    const env = { ...t.env, GOENV: file };
    const change = await writeGoEnv({ GOPROXY: 'https://goproxy.cn|direct', GOFLAGS: null }, { env, goBinary: GO123 });
    assert.equal(change.location.path, file);
    assert.equal(await readFile(file, 'utf8'), '# keep me\nGOPROXY=https://goproxy.cn|direct\n');
    assert.equal((await run(GO123, ['env', 'GOPROXY'], { env })).stdout.trim(), 'https://goproxy.cn|direct');
  });

  it("surfaces go's warning when an OS variable shadows the file", async () => {
    const env = { ...t.env, GOENV: path.join(t.home, 'shadow.env'), GOPROXY: 'https://shadow.example' };
    const change = await writeGoEnv({ GOPROXY: 'https://goproxy.cn' }, { env, goBinary: GO123 });
    assert.ok(change.warnings.some((w) => /GOPROXY=\.\.\. does not override conflicting OS environment variable/.test(w)), change.warnings.join('\n'));
  });

  it('without go: writes the default location (XDG) in go format, which go then reads', async () => {
    const env = { ...t.env, XDG_CONFIG_HOME: path.join(t.home, 'xdg') };
    const change = await writeGoEnv({ GOPROXY: 'https://goproxy.cn,direct', GOSUMDB: 'sum.golang.google.cn' }, { env, goBinary: null });
    const file = path.join(t.home, 'xdg', 'go', 'env');
    assert.equal(change.location.path, file);
    assert.equal(await readFile(file, 'utf8'), 'GOPROXY=https://goproxy.cn,direct\nGOSUMDB=sum.golang.google.cn\n');
    const json = JSON.parse((await run(GO123, ['env', '-json', 'GOPROXY', 'GOSUMDB'], { env })).stdout) as Record<string, string>;
    assert.deepEqual(json, { GOPROXY: 'https://goproxy.cn,direct', GOSUMDB: 'sum.golang.google.cn' });
  });

  it('GOENV=off is refused with the reason', async () => {
    await assert.rejects(writeGoEnv({ GOPROXY: 'direct' }, { env: { ...t.env, GOENV: 'off' }, goBinary: null }), /GOENV=off/);
  });
});
