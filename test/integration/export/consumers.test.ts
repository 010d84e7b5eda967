// Every export target through the consumer that reads it here: sh, bash, zsh and fish source the
// shell snippet; bash sources the direnv one; the CI files parse as YAML and have the structure
// GitHub Actions / GitLab CI require; the Docker snippet, inside a stage, parses as a Dockerfile.
// Then each one, saved where it belongs, goes through `goproxyctl lint` with zero findings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { exportProfile } from '../../../electron/core/export/snippets.js';
import { builtinProfile, type Profile } from '../../../shared/profile/index.js';
import { profileToPortableGoEnv } from '../../../shared/profile/to-go-env.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

// Backslashes, both quotes, $ and `${{`: what breaks naive quoting in each consumer.
const AWKWARD = `-ldflags=-X 'main.v=1' "q" $HOME \\ \`x\` \${{ y }}`;
const team: Profile = {
  ...builtinProfile('global')!,
  id: 'team',
  name: 'Team',
  goproxy: [{ url: 'https://athens.corp.example.com', separator: '|' }, { url: 'https://proxy.golang.org', separator: ',' }, { url: 'direct' }],
  goprivate: 'git.corp.example.com',
  goflags: AWKWARD,
  credentials: [{ origin: 'https://athens.corp.example.com' }],
};
// Goes through the local relay here; an export carries the chain alone (the relay runs only where goproxyctl does).
const relayed: Profile = { ...builtinProfile('china')!, id: 'relayed', name: 'Relayed', relay: { port: 7890 } };
const PROFILES: Profile[] = [builtinProfile('china')!, builtinProfile('global')!, builtinProfile('offline')!, team, relayed];

test('an export never carries the local relay: its GOPROXY is the chain the relay would walk', () => {
  for (const format of ['docker', 'github-actions', 'gitlab-ci', 'direnv', 'shell'] as const) {
    const { text } = exportProfile(relayed, format);
    assert.doesNotMatch(text, /127\.0\.0\.1/, format);
    assert.ok(text.includes('https://goproxy.cn|'), format);
  }
  assert.equal(profileToPortableGoEnv(relayed).GOPROXY, profileToPortableGoEnv(builtinProfile('china')!).GOPROXY);
});

let t: TempHome;
before(async () => {
  t = await makeTempHome('goproxyctl-export-');
});
after(() => t.cleanup());

async function lintClean(dir: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
  const run = await runCommand(process.execPath, [cliPath, 'lint', '--json', file], { env: t.env, cwd: dir, timeoutMs: 60_000 });
  assert.equal(run.code, 0, `${file}:\n${text}\n${run.stdout}${run.stderr}`);
  assert.deepEqual((JSON.parse(run.stdout) as { findings: unknown[] }).findings, []);
}

test('shell: sh, bash, zsh and fish all set the exact values (an unset variable becomes empty, which go treats as unset)', async () => {
  for (const profile of PROFILES) {
    const vars = profileToPortableGoEnv(profile);
    const names = Object.keys(vars);
    const file = path.join(t.home, `${profile.id}.sh`);
    const { text } = exportProfile(profile, 'shell');
    await writeFile(file, text);
    for (const shell of ['sh', 'bash', 'zsh', 'fish']) {
      const print = shell === 'fish' ? `printf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}` : `printf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}`;
      const run = await runCommand(shell, ['-c', `. ${file}; ${print}`.replace(/^\. /, shell === 'fish' ? 'source ' : '. ')], { env: { ...t.env, GONOPROXY: 'stale' } });
      assert.equal(run.code, 0, `${shell}: ${run.stderr}`);
      assert.equal(run.stderr, '', shell);
      assert.deepEqual(run.stdout.split('\0').slice(0, names.length), names.map((n) => vars[n] ?? ''), `${shell} ${profile.id}`);
    }
    await lintClean(path.join(t.home, `lint-${profile.id}`), 'goproxy.sh', text);
  }
});

test('direnv: bash sources it with the exact values and unsets what the profile leaves to go', async () => {
  for (const profile of PROFILES) {
    const vars = profileToPortableGoEnv(profile);
    const names = Object.keys(vars);
    const { text } = exportProfile(profile, 'direnv');
    const run = await runCommand('bash', ['-c', `${text}\nprintf '%s\\0' ${names.map((n) => `"\${${n}-<unset>}"`).join(' ')}`], { env: { ...t.env, GONOPROXY: 'stale' } });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.split('\0').slice(0, names.length), names.map((n) => vars[n] ?? '<unset>'));
    await lintClean(path.join(t.home, `lint-direnv-${profile.id}`), '.envrc', text);
  }
});

function yamlMap(text: string): YAMLMap {
  const doc = parseDocument(text, { uniqueKeys: true });
  assert.deepEqual(doc.errors.map((e) => e.message), []);
  assert.ok(isMap(doc.contents));
  return doc.contents;
}

test('github-actions: a workflow with on, jobs (runs-on, steps of uses or run) and a string env, nothing else at the top', async () => {
  for (const profile of PROFILES) {
    const { text } = exportProfile(profile, 'github-actions');
    const wf = yamlMap(text).toJSON() as Record<string, unknown>;
    assert.deepEqual(Object.keys(wf).sort(), ['env', 'jobs', 'name', 'on']);
    const env = wf.env as Record<string, unknown>;
    for (const v of Object.values(env)) assert.equal(typeof v, 'string');
    const jobs = wf.jobs as Record<string, { 'runs-on': unknown; steps: Record<string, unknown>[] }>;
    for (const job of Object.values(jobs)) {
      assert.equal(typeof job['runs-on'], 'string');
      assert.ok(Array.isArray(job.steps) && job.steps.length > 0);
      for (const step of job.steps) {
        assert.ok((typeof step.uses === 'string') !== (typeof step.run === 'string'), JSON.stringify(step));
        if (typeof step.run === 'string') assert.equal((await runCommand('bash', ['-n'], { env: t.env, input: step.run })).code, 0);
      }
    }
    if (profile === team) assert.equal(env.GOFLAGS, AWKWARD.replace('${{', "${{ '${{' }}"));
    await lintClean(path.join(t.home, `lint-gha-${profile.id}`), '.github/workflows/go.yml', text);
  }
});

test('gitlab-ci: variables of strings, and jobs whose scripts are lists of strings that bash accepts', async () => {
  for (const profile of PROFILES) {
    const { text } = exportProfile(profile, 'gitlab-ci');
    const root = yamlMap(text);
    for (const item of root.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      assert.ok(isMap(item.value), key);
      if (key === 'variables') {
        for (const v of item.value.items) assert.equal(typeof (v.value as { value: unknown }).value, 'string');
        continue;
      }
      for (const part of ['script', 'before_script', 'after_script']) {
        const list: unknown = item.value.get(part, true);
        if (list === undefined) continue;
        assert.ok(isSeq(list));
        const lines: unknown[] = list.items.map((s) => (isScalar(s) ? s.value : null));
        assert.ok(lines.every((l) => typeof l === 'string'));
        assert.equal((await runCommand('bash', ['-n'], { env: t.env, input: lines.join('\n') })).code, 0);
      }
    }
    await lintClean(path.join(t.home, `lint-gitlab-${profile.id}`), '.gitlab-ci.yml', text);
  }
});

test('docker: inside a stage it parses as a Dockerfile, ARG values survive, go.mod/go.sum are copied before go mod download, no /root', async () => {
  for (const profile of PROFILES) {
    const { text } = exportProfile(profile, 'docker');
    const dockerfile = `FROM golang:1.23 AS build\nWORKDIR /src\n${text}COPY . .\nRUN go build ./...\n`;
    const parsed = DockerfileParser.parse(dockerfile);
    const keywords = parsed.getInstructions().map((i) => i.getKeyword());
    assert.ok(keywords.every((k) => ['FROM', 'WORKDIR', 'ARG', 'ENV', 'COPY', 'RUN'].includes(k)), keywords.join(' '));
    const vars = profileToPortableGoEnv(profile);
    for (const arg of parsed.getARGs()) {
      const p = arg.getProperty()!;
      // dockerfile-ast leaves "\$" (a literal "$" to Docker) for its variable-resolution step.
      assert.equal(p.getValue()?.replace(/\\\$/g, '$'), vars[p.getName()]);
    }
    assert.deepEqual(parsed.getENVs().flatMap((e) => e.getProperties().map((p) => p.getName())), Object.keys(vars).filter((k) => vars[k] !== null));
    const runs = parsed.getInstructions().map((i) => `${i.getKeyword()} ${i.getRawArgumentsContent() ?? ''}`);
    const download = runs.findIndex((r) => r.includes('go mod download'));
    if (download >= 0) assert.ok(runs.slice(0, download).some((r) => /^COPY go\.mod go\.sum /.test(r)), runs.join('\n'));
    assert.doesNotMatch(text, /\/root/);
    await lintClean(path.join(t.home, `lint-docker-${profile.id}`), 'Dockerfile', dockerfile);
  }
});
