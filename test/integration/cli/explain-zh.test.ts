// `goproxyctl explain` in 简体中文 on real inputs: the built CLI, a temporary HOME, the real go for
// the configuration, lab proxies for the chain (one that serves, one that answers 404, one that
// never answers, one whose TLS handshake stalls behind '|', user:password on plain http). The
// language comes from --lang zh, or from LANG=zh_CN.UTF-8 with no flag; what explain says must
// be Chinese apart from code and go's own error texts (quoted verbatim, as go prints them).
// --lang en keeps the English sentences, and --json keeps its strings next to the message ids.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { checkZhText } from '../../support/zh-check.js';

const go = goToolchains().at(-1)!;
const MODULE = 'lab.invalid/app@v1.0.0';
let lab: Lab;
let home: string;

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'good' },
      { name: 'missing', faults: { status: 404 } },
      { name: 'silent', faults: { mode: 'blackhole' } },
      // go's TLS handshake timeout is 10 s; the lab holds the ClientHello far longer.
      { name: 'slowTls', tls: 'valid', faults: { handshakeDelayMs: 120_000 } },
      { name: 'auth', faults: { auth: { user: 'ci', password: 's3cr3t-pa55' } } },
    ],
  });
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-explain-zh-'));
});

after(async () => {
  await lab?.close();
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

interface Case {
  name: string;
  goproxy: () => string;
  code: number;
  /** What the Chinese output must say for this case (its verdict or fix). */
  says: RegExp;
  fixId: string | null;
}

const CASES: Case[] = [
  { name: 'a proxy that serves the module', goproxy: () => lab.proxies.good!.url, code: 0, says: /✔ 由 http:\/\/127\.0\.0\.1:\d+ 提供/, fixId: null },
  { name: 'a proxy that does not have it', goproxy: () => lab.proxies.missing!.url, code: 1, says: /没有任何代理有这个模块或版本/, fixId: 'explain.fix.nowhere-proxy' },
  { name: 'a proxy that never answers', goproxy: () => `${lab.proxies.silent!.url},direct`, code: 1, says: /go 会挂起/, fixId: 'explain.fix.hang-proxy' },
  { name: "a stalled TLS handshake followed by '|'", goproxy: () => `${lab.proxies.slowTls!.url}|${lab.proxies.good!.url}`, code: 0, says: /卡在 TLS 握手.*150 × 10 s = 25 min/, fixId: 'explain.fix.slow-entry' },
  { name: 'user:password on plain http', goproxy: () => `http://ci:s3cr3t-pa55@${new URL(lab.proxies.auth!.url).host}`, code: 1, says: /go 从不通过明文 http 发送凭据/, fixId: 'explain.fix.insecure-credentials' },
];

function explain(args: string[], goproxy: string, extra: Record<string, string> = {}) {
  const env = { ...lab.goEnv({ GOPROXY: goproxy, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...extra }), HOME: home, GOPROXYCTL_GO: go.bin };
  return runCommand(process.execPath, [cliPath, 'explain', '--timeout', '1500', ...args, MODULE], { env, cwd: home, timeoutMs: 60_000 });
}

interface ExplainJson {
  error: string | null;
  fix: string | null;
  fixMessage: { id: string } | null;
  steps: { error: string | null; why: string; whyMessage: { id: string } }[];
  checksum: { verdict: string; why: string; whyMessage: { id: string }; notes: string[]; notesMessages: { id: string }[] } | null;
}

/**
 * The output without what is verbatim by nature: go's own error texts (each line of them, as the
 * --json run reports them) and the configuration table with its shadowing warnings (the `env`
 * command's table, cli/format/config-table.ts, which explain prints as it is).
 */
function prose(stdout: string, doc: ExplainJson): string {
  const goTexts = [doc.error, ...doc.steps.map((s) => s.error)].filter((e): e is string => e !== null).flatMap((e) => e.split('\n').map((l) => l.trim()));
  let text = stdout;
  for (const t of goTexts.filter((l) => l !== '').sort((a, b) => b.length - a.length)) text = text.split(t).join(' ');
  return text
    .split('\n')
    .filter((line) => !/^ {2}GO[A-Z]+ /.test(line) && !line.startsWith('  ! '))
    .join('\n');
}

/** `minCjk`: a sentence holds a few Chinese characters, a whole report many. */
function assertChinese(text: string, label: string, minCjk = 5): void {
  const check = checkZhText(text);
  assert.deepEqual(check.english, [], `${label}: English left in\n${text}`);
  assert.ok(check.cjk >= minCjk, `${label}: hardly any Chinese in\n${text}`);
}

for (const c of CASES) {
  test(`explain in 简体中文: ${c.name}`, { timeout: 120_000 }, async () => {
    const json = await explain(['--json', '--lang', 'zh'], c.goproxy());
    assert.equal(json.code, c.code, json.stderr);
    const doc = JSON.parse(json.stdout) as ExplainJson;
    assert.equal(doc.fixMessage?.id ?? null, c.fixId);
    // --json carries the texts in the command's language, next to their messages.
    for (const s of doc.steps) assertChinese(s.why, `--json why (${s.whyMessage.id})`);
    if (doc.fix !== null) assertChinese(doc.fix, '--json fix');
    if (c.code === 0) {
      // The lab turns checksum verification off: the checksum step says so, as text and as a message.
      assert.equal(doc.checksum?.verdict, 'skipped');
      assert.equal(doc.checksum.whyMessage.id, 'explain.checksum.off');
      assertChinese(doc.checksum.why, '--json checksum why');
      assert.deepEqual(doc.checksum.notesMessages, []);
    }

    const flag = await explain(['--lang', 'zh'], c.goproxy());
    assert.equal(flag.code, c.code, flag.stderr);
    assert.match(flag.stdout, /^go 对 lab\.invalid\/app@v1\.0\.0 会怎么做/);
    assert.match(flag.stdout, c.says);
    assertChinese(prose(flag.stdout, doc), '--lang zh', 40);

    const fromLocale = await explain([], c.goproxy(), { LANG: 'zh_CN.UTF-8' });
    assert.equal(fromLocale.code, c.code, fromLocale.stderr);
    assert.match(fromLocale.stdout, /^go 对 /);
    assertChinese(prose(fromLocale.stdout, doc), 'LANG=zh_CN.UTF-8', 40);

    const english = await explain(['--lang', 'en'], c.goproxy(), { LANG: 'zh_CN.UTF-8' });
    assert.equal(english.code, c.code, english.stderr);
    assert.match(english.stdout, /^What go would do for lab\.invalid\/app@v1\.0\.0/);
    assert.equal((english.stdout.match(/[\u4e00-\u9fff]/g) ?? []).length, 0, english.stdout);
  });
}

test('--lang en: the sentences people and scripts already read are unchanged', { timeout: 60_000 }, async () => {
  const r = await explain(['--lang', 'en'], `${lab.proxies.silent!.url},direct`);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /1\. info http:\/\/127\.0\.0\.1:\d+: hang \(go waits forever\)\. Entry 1 \(http:\/\/127\.0\.0\.1:\d+\) accepted the connection but never answers/);
  assert.match(r.stdout, /✖ go would hang \(wait forever, no error\): GET http:\/\/127\.0\.0\.1:\d+\/lab\.invalid\/app\/@v\/v1\.0\.0\.info/);
  assert.match(r.stdout, /fix: Remove entry 1 \(http:\/\/127\.0\.0\.1:\d+\) from GOPROXY/);
  const json = await explain(['--json'], lab.proxies.missing!.url);
  const doc = JSON.parse(json.stdout) as ExplainJson;
  assert.equal(doc.fix, 'No proxy has this module or version; if it is private, add its pattern to GOPRIVATE so go fetches it directly, or add direct to GOPROXY.');
  assert.match(doc.steps[0]!.why, /^Entry 1 \(http:\/\/127\.0\.0\.1:\d+\) does not have the module \(404\), a not-found answer, so it was the last entry\.$/);
});

test('a usage error speaks the command\'s language too', async () => {
  const env = { ...lab.goEnv({ LC_ALL: '', LANG: 'C.UTF-8' }), HOME: home, GOPROXYCTL_GO: go.bin };
  const zh = await runCommand(process.execPath, [cliPath, 'explain', '--lang', 'zh', 'lab.invalid/app@1.0'], { env, cwd: home });
  assert.equal(zh.code, 2);
  assert.match(zh.stderr, /"1\.0" 不是完整的语义化版本/);
  const en = await runCommand(process.execPath, [cliPath, 'explain', 'lab.invalid/app@1.0'], { env, cwd: home });
  assert.match(en.stderr, /"1\.0" is not a full semantic version/);
});
