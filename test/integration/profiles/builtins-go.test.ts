// The real go is the judge: every ready built-in profile is accepted by `go env -w` of each
// installed toolchain, and go then reports exactly the
// profile's values (go env -w checks names and some values, not GOPROXY/GOSUMDB syntax:
// those are checked by shared/go, which is differential-tested against the real go).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyBlockers, BUILTIN_PROFILES, profileToGoEnv } from '../../../shared/profile/index.js';
import { goToolchains, runCommand } from '../../support/go.js';

let dir: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-builtins-go-'));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

for (const go of goToolchains()) {
  test(`${go.name} accepts every ready built-in profile`, async () => {
    for (const profile of BUILTIN_PROFILES.filter((p) => applyBlockers(p).length === 0)) {
      const env = { HOME: dir, GOENV: path.join(dir, `${go.name}-${profile.id}.env`), PATH: process.env.PATH ?? '/usr/bin:/bin', GOFLAGS: '', GOTOOLCHAIN: 'local' };
      const vars = profileToGoEnv(profile);
      const sets = Object.entries(vars).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
      const w = await runCommand(go.bin, ['env', '-w', ...sets], { env, timeoutMs: 60_000 });
      assert.equal(w.code, 0, `${profile.id}: ${w.stderr}`);
      const r = await runCommand(go.bin, ['env', '-json', ...Object.keys(vars)], { env, timeoutMs: 60_000 });
      assert.equal(r.code, 0, r.stderr);
      const got = JSON.parse(r.stdout) as Record<string, string>;
      for (const [k, v] of Object.entries(vars)) if (v !== null) assert.equal(got[k], v, `${go.name} ${profile.id} ${k}`);
    }
  });
}
