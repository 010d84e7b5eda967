// Lint's verdicts against the real go (1.19 and 1.23): what lint calls broken, go refuses with the
// error lint quotes; what lint accepts (a trailing slash, a bare host, "|"), go accepts. No
// network: every proxy is a closed loopback port, so a GOPROXY go accepts fails later, with a
// connection error instead of a parse error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lintText } from '../../electron/core/lint/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { makeTempHome, type TempHome } from '../support/temp-home.js';

let t: TempHome;
let mod: string;
before(async () => {
  t = await makeTempHome('goproxyctl-lint-go-');
  mod = path.join(t.home, 'm');
  await mkdir(mod, { recursive: true });
  await writeFile(path.join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
});
after(() => t.cleanup());

async function lintRules(line: string): Promise<string[]> {
  return (await lintText('env.sh', 'shell', `export ${line}\n`)).findings.map((f) => f.rule);
}

function goEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...t.env, GOENV: 'off', GOSUMDB: 'off', GOFLAGS: '', GONOSUMDB: '', GOPRIVATE: '', ...extra };
}

const GOPROXY_CASES: { value: string; rule: string | null; goSays: RegExp }[] = [
  { value: 'localproxy|off', rule: 'missing-scheme', goSays: /invalid proxy URL missing scheme: localproxy/ },
  { value: 'ftp://127.0.0.1:9|off', rule: 'invalid-goproxy', goSays: /invalid proxy URL scheme \(must be https, http, file\)/ },
  { value: 'http://127.0.0.1:9/|off', rule: null, goSays: /127\.0\.0\.1:9.*connection refused/ },
  { value: '127.0.0.1:9|off', rule: null, goSays: /https:\/\/127\.0\.0\.1:9.*connection refused/ },
];

for (const go of goToolchains()) {
  test(`${go.name}: GOPROXY values lint rejects are the ones go rejects`, async () => {
    for (const c of GOPROXY_CASES) {
      const rules = await lintRules(`GOPROXY='${c.value}'`);
      assert.deepEqual(rules, c.rule ? [c.rule] : [], c.value);
      const run = await runCommand(go.bin, ['mod', 'download', '-json', 'example.com/dep@v1.0.0'], { env: goEnv({ GOPROXY: c.value }), cwd: mod });
      assert.notEqual(run.code, 0);
      assert.match(run.stdout + run.stderr, c.goSays, `${go.name} GOPROXY=${c.value}`);
    }
  });

  test(`${go.name}: GOFLAGS=-insecure stops go get; -mod=mod does not`, async () => {
    assert.deepEqual(await lintRules('GOFLAGS=-insecure'), ['insecure-flag']);
    const bad = await runCommand(go.bin, ['get', 'example.com/dep@v1.0.0'], { env: goEnv({ GOFLAGS: '-insecure', GOPROXY: 'off' }), cwd: mod });
    assert.match(bad.stderr, /-insecure flag is no longer supported; use GOINSECURE instead/);
    assert.deepEqual(await lintRules('GOFLAGS=-mod=mod'), []);
    const ok = await runCommand(go.bin, ['get', 'example.com/dep@v1.0.0'], { env: goEnv({ GOFLAGS: '-mod=mod', GOPROXY: 'off' }), cwd: mod });
    assert.doesNotMatch(ok.stderr, /insecure/);
  });

  test(`${go.name}: names lint calls unknown are names go does not know`, async () => {
    for (const [name, rules] of [['GONOSUMCHECK', ['unknown-go-variable']], ['GO_PROXY', ['unknown-go-variable']], ['GONOSUMDB', []], ['GOPRIVATE', []]] as const) {
      assert.deepEqual(await lintRules(`${name}=example.com`), rules, name);
      // A go env file of its own: what `go env -w` writes must not reach the other cases.
      const run = await runCommand(go.bin, ['env', '-w', `${name}=example.com`], { env: goEnv({ GOENV: path.join(t.home, `goenv-${go.name}-${name}`) }), cwd: mod });
      if (rules.length > 0) assert.match(run.stderr, new RegExp(`unknown go command variable ${name}`), `${go.name} ${name}`);
      else assert.equal(run.code, 0, run.stderr);
    }
  });
}
