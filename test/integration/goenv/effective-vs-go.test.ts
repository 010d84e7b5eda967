// Differential test: the configuration we read (readGoConfig: OS env > go env file >
// $GOROOT/go.env > built-in default) must equal what the real `go env` reports, for both
// toolchains, in setups that exercise each precedence rule. Everything under a temporary HOME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readGoConfig } from '../../../electron/core/goenv/read-config.js';
import { goToolchains, runCommand } from '../../support/go.js';

const VARS = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GOENV'] as const;

interface Setup {
  name: string;
  envFile?: string; // contents of $HOME/.config/go/env (or of GOENV's file when goenvFile is set)
  goenvFile?: string; // relative to HOME: sets GOENV to this path
  osEnv?: Record<string, string>;
}

const setups: Setup[] = [
  { name: 'nothing set: built-in defaults or $GOROOT/go.env' },
  { name: 'env file sets GOPROXY and GOPRIVATE (GONOPROXY/GONOSUMDB derive from it)', envFile: 'GOPROXY=https://goproxy.cn|direct\nGOPRIVATE=*.corp.example,github.com/acme\n' },
  { name: 'OS env beats the env file', envFile: 'GOPROXY=https://goproxy.cn,direct\n', osEnv: { GOPROXY: 'https://goproxy.io|off' } },
  { name: 'an empty OS variable counts as unset', envFile: 'GOPROXY=https://goproxy.cn\n', osEnv: { GOPROXY: '' } },
  { name: 'GOENV=off ignores the env file', envFile: 'GOPROXY=https://goproxy.cn\n', osEnv: { GOENV: 'off' } },
  { name: 'GOENV points at another file', goenvFile: 'elsewhere/goenv', envFile: 'GOSUMDB=sum.golang.google.cn\nGONOSUMDB=corp.example\n' },
  { name: 'XDG_CONFIG_HOME moves the env file', osEnv: { XDG_CONFIG_HOME: '@HOME/xdg' }, goenvFile: 'xdg/go/env', envFile: 'GOPROXY=https://xdg.example\n' },
  { name: 'GONOPROXY=none set explicitly beside GOPRIVATE', envFile: 'GOPRIVATE=corp.example\nGONOPROXY=none\n' },
  { name: 'comments, junk lines and later duplicates in the env file', envFile: '# comment\njunk line\nlower=1\nGOPROXY=https://first.example\nGOPROXY=https://second.example\nGOFLAGS=-mod=mod\n' },
  { name: 'a CRLF env file keeps the \\r in values, as go does', envFile: 'GOPROXY=https://crlf.example\r\nGOINSECURE=insecure.example\r\n' },
];

for (const go of goToolchains()) {
  for (const setup of setups) {
    test(`${go.name}: ${setup.name}`, async () => {
      const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-goenv-'));
      try {
        const osEnv: NodeJS.ProcessEnv = {
          PATH: `${path.dirname(go.bin)}:/usr/bin:/bin`,
          HOME: home,
          GOTOOLCHAIN: 'local',
          GOPROXYCTL_GO: go.bin,
        };
        for (const [k, v] of Object.entries(setup.osEnv ?? {})) osEnv[k] = v.replace('@HOME', home);
        const envFilePath = setup.goenvFile ? path.join(home, setup.goenvFile) : path.join(home, '.config', 'go', 'env');
        if (setup.goenvFile && !setup.goenvFile.startsWith('xdg/')) osEnv.GOENV = envFilePath;
        if (setup.envFile !== undefined) {
          await mkdir(path.dirname(envFilePath), { recursive: true });
          await writeFile(envFilePath, setup.envFile);
        }

        const real = await runCommand(go.bin, ['env', '-json', ...VARS], { env: osEnv, cwd: home });
        assert.equal(real.code, 0, real.stderr);
        const expected = JSON.parse(real.stdout) as Record<string, string>;

        const ours = await readGoConfig(osEnv);
        assert.equal(ours.go?.version.startsWith(go.name), true, `queried the wrong go: ${ours.go?.version}`);
        for (const name of VARS) {
          // go env prints GOENV as the file path it uses; we report the same in envFilePath.
          const actual = name === 'GOENV' ? ours.envFilePath ?? 'off' : ours.effective[name].value;
          const want = name === 'GOENV' && expected.GOENV === '' ? 'off' : expected[name];
          assert.equal(actual, want, `${name}: ours=${JSON.stringify(actual)} go=${JSON.stringify(want)} (source ${ours.effective[name]?.source})`);
        }
        if (setup.osEnv?.GOPROXY && setup.envFile?.includes('GOPROXY=')) {
          assert.equal(ours.effective.GOPROXY.source, 'os-env');
          assert.ok(ours.effective.GOPROXY.shadows.some((s) => s.source === 'env-file'), 'the env file value is reported as shadowed');
        }
      } finally {
        await rm(home, { recursive: true, force: true, maxRetries: 10 });
      }
    });
  }
}
