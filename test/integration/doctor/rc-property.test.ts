// Property: whatever a real-world rc file holds, apply (use), doctor --fix and undo never leave a
// file the shell cannot read, never make a new command run, and undo is byte-identical. Files are
// drawn from a grammar of constructs found in dotfiles (multi-line strings, heredocs quoted and
// not, if/case/functions/subshells, `&&` lists, continuations, plain assignments, comments with
// backquotes) with exports of GOPROXY/GOSUMDB/GOPRIVATE in every position, plus CRLF, a BOM and a
// missing final newline. The shells themselves judge: `bash -n`/`zsh -n` parse every version, and
// each version is sourced by `bash --norc` with a tripwire `goproxyctl` first on PATH. fish files
// get the same treatment with fish's own grammar and `fish --no-execute`.
// Replay one case: GOPROXYCTL_PROPERTY_SEED=<seed> (the failure message names it); a longer run:
// GOPROXYCTL_PROPERTY_CASES=<n>.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runDoctor } from '../../../shared/doctor/index.js';
import { builtinProfile, profileToGoEnv } from '../../../shared/profile/index.js';
import { mulberry32 } from '../../../shared/util/prng.js';
import { ApplyRefusedError } from '../../../electron/core/apply/apply-files.js';
import { commitApply, planApply } from '../../../electron/core/apply/plan.js';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { undoLastApply } from '../../../electron/core/apply/undo.js';
import { fixShadowedByOsEnv } from '../../../electron/core/doctor/fix-shadowed.js';
import { gatherDoctorSnapshot } from '../../../electron/core/doctor/gather.js';
import { ProfileStore } from '../../../electron/core/profiles/profile-store.js';

// Enough cases to cover every construct in several positions, few enough to stay well under 30 s
// on a loaded machine (each case starts ~20 shells; 10 + 5 cases took 17 s at a load of 11 on
// 2 cores). A run with GOPROXYCTL_PROPERTY_CASES=200 (200 + 100 cases) passed when written.
const CASES = Number(process.env.GOPROXYCTL_PROPERTY_CASES) || 10;
const FIRST_SEED = 20261128;
const VARS = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE'] as const;

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** One construct; `v` is the Go variable it mentions, `k` keeps names unique. */
const CONSTRUCTS: ((v: string, k: number, r: Rand) => string)[] = [
  () => '# a comment with `goproxyctl undo` and $(goproxyctl) ; in it',
  () => '',
  () => "alias ll='ls -l'",
  (v, _k, r) => `export ${v}=${pick(r, ['https://goproxy.cn,direct', "'https://a.example|direct'", '"https://b.example"', 'off'])}`,
  (v) => `export ${v}=https://c.example  # from a blog`,
  (v) => `declare -x ${v}=https://d.example`,
  (v) => `export ${v}=https://goproxy.cn\\\n,direct`,
  (v) => `${v}=direct`,
  (v, k) => `MSG${k}="hello\nexport ${v}=https://string.example\nbye"`,
  (v, k) => `MSG${k}='single\nexport ${v}=https://single.example\nquoted'`,
  (v, k) => `read -r -d '' DOC${k} <<EOF || true\nexport ${v}=$HOME\nEOF`,
  (v, k) => `read -r -d '' DOC${k} <<'EOF' || true\nexport ${v}=\`goproxyctl\`\nEOF`,
  (v) => `if [ -n "$NOPE" ]; then\n  export ${v}=https://if.example\nfi`,
  (v, k) => `f${k}() {\n  export ${v}=https://fn.example\n}`,
  (v) => `case "$NOPE" in\n  a) export ${v}=https://case.example ;;\n  *) : ;;\nesac`,
  (v) => `[ -n "$NOPE" ] && export ${v}=https://and.example`,
  (v) => `export ${v}=https://shared.example; :`,
  (v) => `( export ${v}=https://sub.example )`,
  (v, k) => `for i${k} in 1; do\n  export ${v}=https://loop.example\ndone`,
];

/** The same for fish's grammar (config.fish, which goproxyctl edits only through doctor --fix). */
const FISH_CONSTRUCTS: ((v: string, k: number, r: Rand) => string)[] = [
  () => '# a comment with (goproxyctl undo) and `goproxyctl` ; in it',
  () => '',
  () => "alias ll 'ls -l'",
  (v, _k, r) => `set -gx ${v} ${pick(r, ['https://goproxy.cn,direct', "'https://a.example|direct'", '"https://b.example"', 'off'])}`,
  (v) => `set -Ux ${v} https://c.example  # from a blog`,
  (v) => `set -x ${v} https://goproxy.cn\\\n    ,direct`,
  (v, k) => `set -l msg${k} 'single\nset -gx ${v} https://string.example\nquoted'`,
  (v) => `if status is-interactive\n    set -gx ${v} https://if.example\nend`,
  (v, k) => `function f${k}\n    set -gx ${v} https://fn.example\nend`,
  (v) => `begin\n    set -gx ${v} https://begin.example\nend`,
  (v) => `switch "$NOPE"\n    case a\n        set -gx ${v} https://case.example\nend`,
  (v) => `test -n "$NOPE"; and set -gx ${v} https://and.example`,
  (v) => `set -gx ${v} https://shared.example; true`,
  (v) => `while false\n    set -gx ${v} https://loop.example\nend`,
];

function fishFile(seed: number): Buffer {
  const r = mulberry32(seed);
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) parts.push(pick(r, FISH_CONSTRUCTS)(pick(r, VARS), k, r));
  return Buffer.from(parts.join('\n') + (r() < 0.8 ? '\n' : ''));
}

function rcFile(seed: number): Buffer {
  const r = mulberry32(seed);
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) parts.push(pick(r, CONSTRUCTS)(pick(r, VARS), k, r));
  let text = parts.join('\n');
  if (r() < 0.8) text += '\n';
  if (r() < 0.25) text = text.replace(/\n/g, '\r\n');
  const bytes = Buffer.from(text, 'latin1');
  return r() < 0.2 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

function runShell(bin: string, args: string[], input: Buffer | null, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(bin, args, { env, timeout: 20_000 }, (err, _out, stderr) => resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stderr: String(stderr) }));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? undefined);
  });
}

async function accepts(shell: 'bash' | 'zsh', bytes: Buffer, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await runShell(shell, ['-n'], bytes, env)).code === 0;
}

interface Sourced {
  /** Commands that were not found. */
  missing: Set<string>;
  /** Every call of the tripwire `goproxyctl`, with its arguments. */
  calls: string[];
}

/** Sources the file in a non-interactive bash with the tripwire first on PATH. */
async function source(file: string, log: string, env: NodeJS.ProcessEnv): Promise<Sourced> {
  await rm(log, { force: true });
  const { stderr } = await runShell('bash', ['--norc', '--noprofile', '-c', `. '${file}'`], null, env);
  const calls = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { missing: new Set([...stderr.matchAll(/: ([^:\n]*): command not found/g)].map((m) => m[1]!)), calls };
}

/** The items of `after` that `before` does not account for (a multiset difference). */
function extra(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  return after.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

test(`rc files from a grammar of real constructs: apply, doctor --fix and undo keep them readable and inert (${CASES} cases)`, async () => {
  const only = process.env.GOPROXYCTL_PROPERTY_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: CASES }, (_, i) => FIRST_SEED + i);
  const china = profileToGoEnv(builtinProfile('china')!);
  for (const seed of seeds) {
    const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-rc-property-'));
    try {
      const bin = path.join(home, 'tripwire');
      const log = path.join(home, 'tripwire.log');
      await mkdir(bin);
      await writeFile(path.join(bin, 'goproxyctl'), `#!/bin/sh\necho "$*" >> '${log}'\n`);
      await chmod(path.join(bin, 'goproxyctl'), 0o755);
      const env: NodeJS.ProcessEnv = { HOME: home, PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8', SHELL: '/bin/bash' };
      const dirs = productDirs(env, 'linux');
      const original = rcFile(seed);
      const bashrc = path.join(home, '.bashrc');
      const zshrc = path.join(home, '.zshrc');
      await writeFile(bashrc, original);
      await writeFile(zshrc, original);
      const parsed = { bash: await accepts('bash', original, env), zsh: await accepts('zsh', original, env) };
      // The original itself may run things (an unquoted heredoc that a CRLF line never closes
      // holds `goproxyctl undo` in backquotes): only what goproxyctl's edits add counts.
      const baseline = await source(bashrc, log, env);
      const why = (step: string): string => `seed ${seed}, after ${step}:\n${JSON.stringify(original.toString('latin1'))}`;

      const check = async (step: string): Promise<void> => {
        for (const [shell, file] of [['bash', bashrc], ['zsh', zshrc]] as const) {
          if (parsed[shell]) assert.ok(await accepts(shell, await readFile(file), env), `${shell} -n rejects ${file}; ${why(step)}`);
        }
        const now = await source(bashrc, log, env);
        assert.deepEqual([...now.missing].filter((c) => !baseline.missing.has(c)), [], `new "command not found"; ${why(step)}`);
        assert.deepEqual(extra(baseline.calls, now.calls), [], `goproxyctl was run; ${why(step)}`);
      };

      const plan = await planApply({ label: 'use china', vars: china, shells: ['bash', 'zsh'], env, platform: 'linux', goBinary: null, dirs });
      assert.deepEqual(plan.problems, [], why('planning the apply'));
      const applied = await commitApply(plan);
      assert.ok(applied, why('apply'));
      await check('apply');

      // Half the cases with the profile active (its values win), half without (the rc value moves).
      if (seed % 2 === 0) await new ProfileStore({ env, platform: 'linux', dirs }).setActive('china');
      const shellEnv = { ...env, GOPROXY: 'https://stale.example', GOSUMDB: 'off', GOPRIVATE: 'stale.example' };
      const gathered = await gatherDoctorSnapshot({ env: shellEnv, platform: 'linux', goBinary: null, dirs });
      let fixed = false;
      try {
        const fix = await fixShadowedByOsEnv(runDoctor(gathered.snapshot), gathered, { env: shellEnv, platform: 'linux', goBinary: null, dirs, verify: false });
        fixed = fix.record !== null;
      } catch (err) {
        // Refusing (the shell would reject the result) is allowed; writing a broken file is not.
        if (!(err instanceof ApplyRefusedError)) throw err;
      }
      await check('doctor --fix');

      if (fixed) assert.ok(await undoLastApply({ dirs }), why('undo of the fix'));
      assert.ok(await undoLastApply({ dirs }), why('undo of the apply'));
      assert.ok((await readFile(bashrc)).equals(original), `.bashrc is not byte-identical; ${why('undo')}`);
      assert.ok((await readFile(zshrc)).equals(original), `.zshrc is not byte-identical; ${why('undo')}`);
      await check('undo');
    } finally {
      await rm(home, { recursive: true, force: true, maxRetries: 10 });
    }
  }
});

test(`fish files from a grammar of real constructs: doctor --fix and undo keep them readable and inert (${Math.ceil(CASES / 2)} cases)`, async () => {
  const only = process.env.GOPROXYCTL_PROPERTY_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: Math.ceil(CASES / 2) }, (_, i) => FIRST_SEED + i);
  const china = profileToGoEnv(builtinProfile('china')!);
  for (const seed of seeds) {
    const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-fish-property-'));
    try {
      const bin = path.join(home, 'tripwire');
      const log = path.join(home, 'tripwire.log');
      await mkdir(bin);
      await writeFile(path.join(bin, 'goproxyctl'), `#!/bin/sh\necho "$*" >> '${log}'\n`);
      await chmod(path.join(bin, 'goproxyctl'), 0o755);
      const env: NodeJS.ProcessEnv = { HOME: home, PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8', SHELL: '/usr/bin/fish' };
      const dirs = productDirs(env, 'linux');
      const original = fishFile(seed);
      const config = path.join(home, '.config', 'fish', 'config.fish');
      await mkdir(path.dirname(config), { recursive: true });
      await writeFile(config, original);
      const fishAccepts = async (): Promise<boolean> => (await runShell('fish', ['--no-execute', config], null, env)).code === 0;
      const sourceCalls = async (): Promise<string[]> => {
        await rm(log, { force: true });
        await runShell('fish', ['--no-config', '-c', `source '${config}'`], null, env);
        return (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
      };
      const parsed = await fishAccepts();
      const baseline = await sourceCalls();
      const why = (step: string): string => `seed ${seed}, after ${step}:\n${JSON.stringify(original.toString('utf8'))}`;
      const check = async (step: string): Promise<void> => {
        if (parsed) assert.ok(await fishAccepts(), `fish --no-execute rejects config.fish; ${why(step)}`);
        assert.deepEqual(extra(baseline, await sourceCalls()), [], `goproxyctl was run; ${why(step)}`);
      };

      const plan = await planApply({ label: 'use china', vars: china, shells: ['fish'], env, platform: 'linux', goBinary: null, dirs });
      assert.ok(await commitApply(plan), why('apply'));
      await check('apply');
      if (seed % 2 === 0) await new ProfileStore({ env, platform: 'linux', dirs }).setActive('china');
      const shellEnv = { ...env, GOPROXY: 'https://stale.example', GOSUMDB: 'off', GOPRIVATE: 'stale.example' };
      const gathered = await gatherDoctorSnapshot({ env: shellEnv, platform: 'linux', goBinary: null, dirs });
      let fixed = false;
      try {
        fixed = (await fixShadowedByOsEnv(runDoctor(gathered.snapshot), gathered, { env: shellEnv, platform: 'linux', goBinary: null, dirs, verify: false })).record !== null;
      } catch (err) {
        if (!(err instanceof ApplyRefusedError)) throw err;
      }
      await check('doctor --fix');
      if (fixed) assert.ok(await undoLastApply({ dirs }), why('undo of the fix'));
      assert.ok(await undoLastApply({ dirs }), why('undo of the apply'));
      assert.ok((await readFile(config)).equals(original), `config.fish is not byte-identical; ${why('undo')}`);
    } finally {
      await rm(home, { recursive: true, force: true, maxRetries: 10 });
    }
  }
});
