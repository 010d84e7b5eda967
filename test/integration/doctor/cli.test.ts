// `goproxyctl doctor` end to end: the built CLI, a temporary HOME, the real go. Covers exit codes,
// --fix through the apply engine (commented line, managed block, env script, go env file), undo
// restoring every byte, --project suggestions and bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { undoLastApply } from '../../../electron/core/apply/undo.js';
import { MOVED_MARKER } from '../../../electron/core/doctor/fix-shadowed.js';
import type { Evidence, Finding } from '../../../shared/doctor/types.js';
import type { Message } from '../../../shared/i18n/message.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

const go = goToolchains().at(-1)!;
const SHADOW = 'https://goproxy.cn,https://proxy.golang.org,direct';
const RC = `# my settings\nexport GOPROXY=${SHADOW}\nalias ll='ls -l'\n`;
let root: string;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-doctor-cli-'));
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true, maxRetries: 10 });
});

async function freshHome(name: string, rc: string): Promise<string> {
  const home = path.join(root, name);
  await mkdir(path.join(home, '.config', 'go'), { recursive: true });
  await writeFile(path.join(home, '.bashrc'), rc);
  await writeFile(path.join(home, '.config', 'go', 'env'), 'GOPROXY=https://proxy.golang.org|direct\n');
  return home;
}

function baseEnv(home: string): NodeJS.ProcessEnv {
  return { HOME: home, PATH: `${path.dirname(go.bin)}:/usr/bin:/bin`, GOPROXYCTL_GO: go.bin, GOTOOLCHAIN: 'local', GOFLAGS: '' };
}

function doctor(home: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, 'doctor', ...args], { env: { ...baseEnv(home), ...extra }, cwd: home, timeoutMs: 60_000 });
}

/** A finding as `doctor --json` prints it: texts rendered in the command's language, each with its message. */
type FindingJson = Omit<Finding, 'title' | 'explanation' | 'fix' | 'evidence'> & {
  title: string;
  titleMessage: Message;
  explanation: string;
  explanationMessage?: Message;
  fix?: { automatic: boolean; text: string; textMessage?: Message };
  evidence: (Exclude<Evidence, { kind: 'project' }> | { kind: 'project'; dir: string; detail: string; detailMessage: Message })[];
};

function findings(stdout: string): FindingJson[] {
  return (JSON.parse(stdout) as { findings: FindingJson[] }).findings;
}

test('a shadowing export: exit 1, file and line as evidence, both languages', async () => {
  const home = await freshHome('report', RC);
  const r = await doctor(home, ['--json'], { GOPROXY: SHADOW });
  assert.equal(r.code, 1, r.stderr);
  const f = findings(r.stdout);
  const shadow = f.find((x) => x.id === 'shadowed-by-os-env')!;
  assert.equal(shadow.severity, 'error');
  assert.deepEqual(shadow.evidence.find((e) => e.kind === 'file'), { kind: 'file', file: path.join(home, '.bashrc'), line: 2, text: `export GOPROXY=${SHADOW}` });
  assert.deepEqual(shadow.evidence.find((e) => e.kind === 'variable'), { kind: 'variable', variable: 'GOPROXY', value: 'https://proxy.golang.org|direct', source: 'env-file', path: path.join(home, '.config', 'go', 'env') });
  assert.equal(shadow.fix?.automatic, true);
  assert.ok(f.some((x) => x.id === 'comma-no-failover'));
  assert.equal(shadow.title, 'The environment overrides the go env file');
  assert.deepEqual(shadow.titleMessage, { id: 'ops.doctor.title.shadowed-by-os-env' });
  assert.match(shadow.explanation, /^GOPROXY is set in the environment \(by .*\.bashrc:2\)/);
  assert.equal(shadow.explanationMessage?.id, 'ops.doctor.shadowed.explanation');
  const text = await doctor(home, [], { GOPROXY: SHADOW });
  assert.match(text.stdout, /\[error\] The environment overrides the go env file \(GOPROXY\)\n {2}GOPROXY is set in the environment/);
  assert.match(text.stdout, /GOPROXY=https:\/\/proxy\.golang\.org\|direct \(go env file \(.*env\)\)/);
  assert.match(text.stdout, /Fix \(`--fix`\): Run `goproxyctl doctor --fix`/);
  const zh = await doctor(home, ['--lang', 'zh'], { GOPROXY: SHADOW });
  assert.match(zh.stdout, /\[错误\] 环境变量覆盖了 go env 文件（GOPROXY）\n {2}GOPROXY 在环境变量中被设置/);
});

test('--fix moves the line into the managed block and go env file; undo restores every byte', async () => {
  const home = await freshHome('fix', RC);
  const env = baseEnv(home);
  const goEnvFile = path.join(home, '.config', 'go', 'env');
  const before = { rc: await readFile(path.join(home, '.bashrc')), goEnv: await readFile(goEnvFile) };
  const r = await doctor(home, ['--fix', '--json'], { GOPROXY: SHADOW });
  assert.equal(r.code, 0, r.stdout + r.stderr); // the only error was fixed; comma-no-failover is a warning
  const out = JSON.parse(r.stdout) as { fix: { moved: Record<string, string>; commented: string[]; applyId: string } };
  assert.deepEqual(out.fix.moved, { GOPROXY: SHADOW });
  assert.deepEqual(out.fix.commented, [`${path.join(home, '.bashrc')}:2`]);
  assert.ok(out.fix.applyId);

  const rc = await readFile(path.join(home, '.bashrc'), 'utf8');
  assert.ok(rc.startsWith(`# my settings\n${MOVED_MARKER}export GOPROXY=${SHADOW}\nalias ll='ls -l'\n# >>> goproxyctl >>>\n`), rc);
  // A new login terminal and go itself now agree, and the value comes from goproxyctl's files.
  const shell = execFileSync('bash', ['-c', '. "$HOME/.bashrc"; printf %s "$GOPROXY"'], { env: { HOME: home, PATH: env.PATH }, timeout: 10_000 }).toString();
  assert.equal(shell, SHADOW);
  const goSays = await runCommand(go.bin, ['env', 'GOPROXY'], { env, timeoutMs: 60_000 });
  assert.equal(goSays.stdout.trim(), SHADOW);
  // In that new terminal the doctor has nothing left to say about shadowing.
  const again = await doctor(home, ['--json'], { GOPROXY: SHADOW });
  assert.equal(again.code, 0, again.stdout);
  assert.equal(findings(again.stdout).filter((x) => x.id === 'shadowed-by-os-env').length, 0);

  const undone = await undoLastApply({ dirs: productDirs(env, 'linux') });
  assert.ok(undone);
  assert.ok((await readFile(path.join(home, '.bashrc'))).equals(before.rc));
  assert.ok((await readFile(goEnvFile)).equals(before.goEnv));
});

test('--fix leaves lines it cannot move safely and says why (exit 1 while the error remains)', async () => {
  const rc = `useproxy() {\n  export GOPROXY=${SHADOW}\n}\nuseproxy\n`;
  const home = await freshHome('nofix', rc);
  const r = await doctor(home, ['--fix', '--json'], { GOPROXY: SHADOW });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { fix: { moved: Record<string, string>; skipped: string[]; applyId: string | null } };
  assert.deepEqual(out.fix.moved, {});
  assert.equal(out.fix.applyId, null);
  assert.match(out.fix.skipped[0]!, /^GOPROXY: left alone .*\.bashrc:2 \(it is inside a function, which runs only when called\); remove or change it by hand$/);
  assert.equal(await readFile(path.join(home, '.bashrc'), 'utf8'), rc);
});

test('--project: GOPRIVATE suggestions from go.mod and git remotes, and patterns that match nothing', async () => {
  const home = await freshHome('project', '');
  await writeFile(path.join(home, '.config', 'go', 'env'), 'GOPRIVATE=github.com/org\n');
  const project = path.join(home, 'src', 'app');
  await mkdir(project, { recursive: true });
  await writeFile(path.join(project, 'go.mod'), 'module git.corp.example.com/team/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/organization/lib v1.0.0 // indirect\n\tgolang.org/x/text v0.14.0\n)\n');
  execFileSync('git', ['init', '-q', project], { timeout: 10_000 });
  execFileSync('git', ['-C', project, 'remote', 'add', 'origin', 'git@github.com:acme/app.git'], { timeout: 10_000 });
  const r = await doctor(home, ['--json', '--project', 'src/app']);
  assert.equal(r.code, 0, r.stderr);
  const f = findings(r.stdout);
  const never = f.find((x) => x.id === 'pattern-never-matches')!;
  assert.match(never.explanation, /"github\.com\/org" matches none of the 3 modules/);
  const suggest = f.find((x) => x.id === 'suggest-goprivate')!;
  assert.match(suggest.fix!.text, /GOPRIVATE=github\.com\/org,git\.corp\.example\.com,github\.com\/acme/);
  assert.deepEqual(suggest.evidence.map((e) => (e.kind === 'project' ? e.detail : '')), ['module git.corp.example.com/team/app', 'git remote git@github.com:acme/app.git']);
  assert.deepEqual(suggest.evidence.map((e) => (e.kind === 'project' ? e.detailMessage.id : '')), ['ops.doctor.suggest.module', 'ops.doctor.suggest.remote']);
});

test('bad input: a missing --project dir or an unknown --lang is exit 2 with one sentence', async () => {
  const home = await freshHome('bad', '');
  const missing = await doctor(home, ['--project', 'nope']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^goproxyctl doctor: --project .*nope: no such directory; give the root of one of your Go repositories\.\n$/);
  const lang = await doctor(home, ['--lang', 'fr']);
  assert.equal(lang.code, 2);
  assert.match(lang.stderr, /--lang "fr" is not a language goproxyctl speaks; use --lang en or --lang zh/);
});
