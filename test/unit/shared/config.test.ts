import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveConfig, type ConfigInputs } from '../../../shared/go/effective.js';
import { parseGoEnvFile } from '../../../shared/go/envfile.js';

test('parseGoEnvFile follows go: "\\n" only, A-Z first byte, first "=", later lines win', () => {
  const vars = parseGoEnvFile('# comment\nGOPROXY=https://a.example,direct\r\n\nlower=x\nNOEQUALS\nGOFLAGS=-mod=mod=x\nGOPROXY=https://b.example\n GOSUMDB=off\nGONOPROXY=');
  assert.deepEqual([...vars], [['GOPROXY', 'https://b.example'], ['GOFLAGS', '-mod=mod=x'], ['GONOPROXY', '']]);
  assert.equal(parseGoEnvFile('GOPROXY=x\r\n').get('GOPROXY'), 'x\r', 'a CR stays in the value');
});

const USER = '/home/u/.config/go/env';
const GOROOT = '/usr/lib/go-1.23/go.env';
function inputs(over: Partial<ConfigInputs>): ConfigInputs {
  return { osEnv: {}, envFile: null, gorootEnv: null, goVersion: 'go1.23.4', ...over };
}
const gorootEnv = { path: GOROOT, vars: new Map([['GOPROXY', 'https://proxy.golang.org,direct'], ['GOSUMDB', 'sum.golang.org'], ['GOTOOLCHAIN', 'auto']]) };

test('precedence: OS env > user env file > $GOROOT/go.env > built-in, with shadows', () => {
  const c = effectiveConfig(inputs({
    osEnv: { GOPROXY: 'https://os.example', GOSUMDB: '', GOFLAGS: '-mod=mod' },
    envFile: { path: USER, vars: new Map([['GOPROXY', 'https://file.example'], ['GOSUMDB', 'sum.golang.google.cn']]) },
    gorootEnv,
  }));
  assert.deepEqual(c.GOPROXY, {
    name: 'GOPROXY', value: 'https://os.example', source: 'os-env',
    shadows: [{ source: 'env-file', value: 'https://file.example', path: USER }],
  });
  assert.deepEqual(c.GOSUMDB, { name: 'GOSUMDB', value: 'sum.golang.google.cn', source: 'env-file', path: USER, shadows: [] }, 'an empty OS value counts as unset; go.env never overrides the user file');
  assert.deepEqual(c.GOTOOLCHAIN, { name: 'GOTOOLCHAIN', value: 'auto', source: 'goroot-env', path: GOROOT, shadows: [] });
  assert.equal(c.GOFLAGS.source, 'os-env');
  assert.deepEqual(c.GOINSECURE, { name: 'GOINSECURE', value: '', source: 'default', shadows: [] });
});

test('an empty line in the user file hides go.env and leaves the built-in default', () => {
  const c = effectiveConfig(inputs({ envFile: { path: USER, vars: new Map([['GOPROXY', '']]) }, gorootEnv }));
  assert.equal(c.GOPROXY.value, '');
  assert.equal(c.GOPROXY.source, 'default');
});

test('built-in defaults depend on the go version (1.19 compiles in GOPROXY and GOSUMDB)', () => {
  const old = effectiveConfig(inputs({ goVersion: 'go1.19.8' }));
  assert.equal(old.GOPROXY.value, 'https://proxy.golang.org,direct');
  assert.equal(old.GOSUMDB.value, 'sum.golang.org');
  assert.equal(old.GOAUTH.value, '');
  const modern = effectiveConfig(inputs({ goVersion: 'go1.23.4' }));
  assert.equal(modern.GOPROXY.value, '', 'from 1.21 the default lives in go.env');
  assert.equal(effectiveConfig(inputs({ goVersion: 'go1.24.1' })).GOAUTH.value, 'netrc');
});

test('GONOPROXY/GONOSUMDB default to GOPRIVATE; an explicit value (even "none") wins', () => {
  const c = effectiveConfig(inputs({ osEnv: { GOPRIVATE: '*.corp.example', GONOPROXY: 'none' } }));
  assert.deepEqual(c.GONOSUMDB, { name: 'GONOSUMDB', value: '*.corp.example', source: 'derived', derivedFrom: 'GOPRIVATE', shadows: [] });
  assert.equal(c.GONOPROXY.value, 'none');
  assert.equal(c.GONOPROXY.source, 'os-env');
  const fromFile = effectiveConfig(inputs({ envFile: { path: USER, vars: new Map([['GOPRIVATE', 'git.corp']]) } }));
  assert.equal(fromFile.GONOPROXY.value, 'git.corp');
  assert.equal(fromFile.GONOPROXY.source, 'derived');
});

test('GOENV comes only from the OS environment, else it is the env file path', () => {
  assert.deepEqual(effectiveConfig(inputs({ envFile: { path: USER, vars: new Map([['GOENV', '/elsewhere']]) } })).GOENV, { name: 'GOENV', value: USER, source: 'default', shadows: [] });
  assert.equal(effectiveConfig(inputs({ osEnv: { GOENV: 'off' } })).GOENV.source, 'os-env');
});
