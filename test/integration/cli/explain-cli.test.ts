// `goproxyctl explain` end to end: the built CLI, a temporary HOME, the real go for the
// configuration, and lab proxies for the chain.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

let lab: Lab;
let home: string;
const go = goToolchains().at(-1)!;

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'bad', faults: { status: 502 } },
      { name: 'good', faults: {} },
      { name: 'auth', faults: { auth: { user: 'ci', password: 's3cr3t-pa55' } } },
      { name: 'authTls', tls: 'valid', faults: { auth: { user: 'ci', password: 's3cr3t-pa55' } } },
    ],
  });
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-explain-'));
});

after(async () => {
  await lab?.close();
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

function explain(args: string[], extra: Record<string, string> = {}) {
  const env = { ...lab.goEnv(extra), HOME: home, GOPROXYCTL_GO: go.bin };
  return runCommand(process.execPath, [cliPath, 'explain', ...args], { env, cwd: home, timeoutMs: 30_000 });
}

/** What `explain --json` prints: the fields these tests read. */
interface ExplainJson {
  module: string;
  version: string | null;
  servedBy: string | null;
  outcome: string;
  error: string | null;
  fix: string | null;
  fixMessage: { id: string; params?: Record<string, unknown> } | null;
  steps: { entry: string; outcome: string; status: number | null; request: string; why: string; whyMessage: { id: string } }[];
}

const explainJson = (stdout: string): ExplainJson => JSON.parse(stdout) as ExplainJson;

test('a 502 before "," stops go: exit 1, the error, and the fix', async () => {
  const r = await explain(['--json', 'lab.invalid/app@v1.0.0'], { GOPROXY: `${lab.proxies.bad!.url},${lab.proxies.good!.url}` });
  assert.equal(r.code, 1, r.stderr);
  const out = explainJson(r.stdout);
  assert.equal(out.servedBy, null);
  assert.equal(out.module, 'lab.invalid/app');
  assert.equal(out.version, 'v1.0.0');
  assert.match(out.error ?? '', /502/);
  assert.match(out.fix ?? '', /\|/);
  assert.deepEqual(Object.keys(out.steps[0] ?? {}).sort(), ['entry', 'error', 'goWaitsSeconds', 'outcome', 'request', 'status', 'why', 'whyMessage']);
  assert.equal(typeof out.fix, 'string', 'the text stays a string, in English by default');
  assert.equal(out.fixMessage?.id, 'explain.fix.status-stops');
  assert.deepEqual(out.fixMessage?.params, { position: 1, status: 502 });
  assert.equal(out.steps[0]!.whyMessage.id, 'explain.step.error-stops');
  assert.match(out.steps[0]!.why, /is followed by ',', which falls back only on 404\/410/);
  assert.deepEqual(
    out.steps.map((s) => [s.entry, s.outcome, s.status]),
    [[lab.proxies.bad!.url, 'error', 502]],
  );
});

test('with "|" the next proxy serves it: exit 0 and every file walked', async () => {
  const r = await explain(['--json', 'lab.invalid/app@v1.0.0'], { GOPROXY: `${lab.proxies.bad!.url}|${lab.proxies.good!.url}` });
  assert.equal(r.code, 0, r.stderr);
  const out = explainJson(r.stdout);
  assert.equal(out.servedBy, lab.proxies.good!.url);
  assert.equal(out.error, null);
  assert.deepEqual([...new Set(out.steps.map((s) => s.request))], ['info', 'mod', 'zip']);
});

test('without a version it resolves the latest one from @v/list', async () => {
  const r = await explain(['--json', 'lab.invalid/app'], { GOPROXY: lab.proxies.good!.url });
  assert.equal(r.code, 0, r.stderr);
  const out = explainJson(r.stdout);
  assert.equal(out.version, null);
  assert.equal(out.servedBy, lab.proxies.good!.url);
  const info = lab.proxies.good!.accessLog.filter((e) => e.path.startsWith('/lab.invalid/app/@v/'));
  assert.ok(info.some((e) => e.path.endsWith('/@v/list')), 'asked for the list');
});

test('human output names the steps, the verdict and the fix', async () => {
  const r = await explain(['lab.invalid/app@v1.0.0'], { GOPROXY: `${lab.proxies.bad!.url},direct` });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /GOPROXY/);
  assert.match(r.stdout, /502/);
  assert.match(r.stdout, /go would fail/);
  assert.match(r.stdout, /fix: /);
});

test('credentials inside a GOPROXY URL never reach the output', async () => {
  const u = new URL(lab.proxies.auth!.url);
  const withCreds = `${u.protocol}//ci:s3cr3t-pa55@${u.host}`;
  for (const args of [['--json', 'lab.invalid/app@v1.0.0'], ['lab.invalid/app@v1.0.0']]) {
    const r = await explain(args, { GOPROXY: withCreds });
    assert.ok(!r.stdout.includes('s3cr3t-pa55') && !r.stderr.includes('s3cr3t-pa55'), 'the password leaked');
  }
});

test('user:password in an http:// GOPROXY URL: go refuses to send them, and explain says so', async () => {
  const u = new URL(lab.proxies.auth!.url);
  const withCreds = `http://ci:s3cr3t-pa55@${u.host}`;
  lab.proxies.auth!.clearLog();
  const alone = await explain(['--json', 'lab.invalid/app@v1.0.0'], { GOPROXY: withCreds });
  assert.equal(alone.code, 1, alone.stderr);
  const out = explainJson(alone.stdout);
  assert.equal(out.outcome, 'failed');
  assert.match(out.error ?? '', /^refusing to pass credentials to insecure URL: http:\/\/ci:xxxxx@/);
  assert.match(out.fix ?? '', /https/);
  assert.equal(lab.proxies.auth!.accessLog.length, 0, 'explain sent nothing, as go sends nothing');
  // With '|' go moves on to the next entry: the refusal is an error, not a not-found.
  const goproxy = `${withCreds}|${lab.proxies.good!.url}`;
  lab.proxies.good!.clearLog();
  const r = await explain(['--json', 'lab.invalid/app@v1.0.0'], { GOPROXY: goproxy });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(explainJson(r.stdout).servedBy, lab.proxies.good!.url);
  // The real go agrees: nothing reaches the authenticated proxy, the next one serves.
  lab.proxies.good!.clearLog();
  const goRun = await runCommand(go.bin, ['mod', 'download', '-json', 'lab.invalid/app@v1.0.0'], { env: lab.goEnv({ GOPROXY: goproxy }), cwd: home, timeoutMs: 60_000 });
  assert.equal(goRun.code, 0, goRun.stderr);
  assert.ok(lab.proxies.good!.servedModules().includes('lab.invalid/app@v1.0.0'));
  assert.equal(lab.proxies.auth!.accessLog.length, 0);
});

test('user:password in an https:// GOPROXY URL is sent to that proxy only, as go sends it', async () => {
  const u = new URL(lab.proxies.authTls!.url);
  const goproxy = `https://ci:s3cr3t-pa55@${u.host}|${lab.proxies.good!.url}`;
  lab.proxies.authTls!.clearLog();
  lab.proxies.good!.clearLog();
  const r = await explain(['--json', 'lab.invalid/app@v1.0.0'], { GOPROXY: goproxy });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(explainJson(r.stdout).servedBy, lab.proxies.authTls!.url, 'served by the authenticated proxy, named without credentials');
  assert.ok(lab.proxies.authTls!.accessLog.length > 0 && lab.proxies.authTls!.accessLog.every((e) => e.authorized === true));
  assert.equal(lab.proxies.good!.accessLog.length, 0);
  const goRun = await runCommand(go.bin, ['mod', 'download', '-json', 'lab.invalid/app@v1.0.0'], { env: lab.goEnv({ GOPROXY: goproxy }), cwd: home, timeoutMs: 60_000 });
  assert.equal(goRun.code, 0, goRun.stderr);
  assert.ok(lab.proxies.authTls!.servedModules().includes('lab.invalid/app@v1.0.0'));
});

test('bad input: one sentence on stderr and exit 2', async () => {
  for (const args of [[], ['Not A Path'], ['lab.invalid/app@banana'], ['--timeout', 'x', 'lab.invalid/app'], ['--nope', 'lab.invalid/app'], ['a/b', 'c/d']]) {
    const r = await explain(args, { GOPROXY: lab.proxies.good!.url });
    assert.equal(r.code, 2, `args ${JSON.stringify(args)}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${JSON.stringify(args)}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\s+at\s.+:\d+:\d+/, 'no stack trace');
    assert.equal(r.stdout, '');
  }
});

test('--help and the global help list the commands', async () => {
  const env = { PATH: process.env.PATH, HOME: home };
  const top = await runCommand(process.execPath, [cliPath, '--help'], { env });
  assert.equal(top.code, 0);
  assert.match(top.stdout, /explain/);
  assert.match(top.stdout, /--json/);
  const sub = await runCommand(process.execPath, [cliPath, 'explain', '--help'], { env });
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /Usage: goproxyctl explain/);
  const unknown = await runCommand(process.execPath, [cliPath, 'frobnicate'], { env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command/);
});

test('env --json reports values with their sources and shadowing', async () => {
  const env = { ...lab.goEnv({ GOPROXY: 'https://from-os.example' }), HOME: home, GOPROXYCTL_GO: go.bin };
  const set = await runCommand(go.bin, ['env', '-w', 'GOPROXY=https://from-file.example'], { env: { ...env, GOPROXY: '' } });
  assert.equal(set.code, 0, set.stderr);
  const r = await runCommand(process.execPath, [cliPath, 'env', '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { vars: { GOPROXY: { value: string; source: string; shadows: { value: string }[] } } };
  assert.equal(out.vars.GOPROXY.value, 'https://from-os.example');
  assert.equal(out.vars.GOPROXY.source, 'os-env');
  assert.ok(out.vars.GOPROXY.shadows.some((s) => s.value === 'https://from-file.example'));
  const human = await runCommand(process.execPath, [cliPath, 'env'], { env });
  assert.match(human.stdout, /overrides GOPROXY=https:\/\/from-file\.example/);
});
