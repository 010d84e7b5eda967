// `goproxyctl watch --once` in 简体中文, end to end against the lab under a temporary HOME: the
// probe lines and the repair decision (its reason from the repair engine included) are Chinese
// with --lang zh and with LANG=zh_CN.UTF-8; --json keeps `reason` a string, in the command's
// language, with `reasonMessage` (the message's id and values) next to it; English stays the default.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { checkZhText } from '../../support/zh-check.js';
import { goEnvWrite, makeWatchHome, type WatchHome } from './helpers.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'dead', faults: { status: 502 } }, { name: 'good' }] });
});
after(async () => {
  await lab?.close();
});

function moduleArg(): string {
  const m = lab.modules[0]!;
  return `${m.path}@${m.version}`;
}

/** The CLI's prose: `code spans` are code, as .mono elements are on the dashboard. */
function prose(text: string): string {
  return text.replace(/`[^`\n]*`/g, ' ');
}

async function watchOnce(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const h: WatchHome = await makeWatchHome();
  try {
    await goEnvWrite(lab, h.home, `${lab.proxies.dead!.url},${lab.proxies.good!.url}`);
    return await runCommand(process.execPath, [cliPath, 'watch', '--once', '--module', moduleArg(), ...args], { env: { ...h.env, ...env }, cwd: h.home, timeoutMs: 60_000 });
  } finally {
    await h.cleanup();
  }
}

test('watch --once --lang zh: probe lines and the repair with its reason, in Chinese (zh check)', { timeout: 90_000 }, async () => {
  const r = await watchOnce(['--lang', 'zh']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /探测 .*失败（返回了 HTTP 错误）/);
  assert.match(r.stdout, /已修复：GOPROXY=/);
  assert.match(r.stdout, /连续失败 \d+ 次；.* 可用，因此把它排到最前/);
  const check = checkZhText(prose(r.stdout));
  assert.deepEqual(check.english, [], r.stdout);
  assert.ok(check.cjk > 20, r.stdout);
});

test('watch --once with LANG=zh_CN.UTF-8 and no flag speaks Chinese too', { timeout: 90_000 }, async () => {
  const r = await watchOnce([], { LANG: 'zh_CN.UTF-8' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(checkZhText(prose(r.stdout)).english, [], r.stdout);
  assert.match(r.stdout, /已修复/);
});

test('watch --once --json --lang zh: reason is the Chinese text, reasonMessage its id and values', { timeout: 90_000 }, async () => {
  const r = await watchOnce(['--json', '--lang', 'zh']);
  assert.equal(r.code, 0, r.stderr);
  const repair = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.type === 'repair')!;
  assert.equal(typeof repair.reason, 'string');
  assert.match(repair.reason as string, /连续失败/);
  const message = repair.reasonMessage as { id: string; params: Record<string, unknown> };
  assert.equal(message.id, 'ops.repair.failing-reorder');
  assert.equal(message.params.first, lab.proxies.good!.url);
});

test('watch --once in English (the default): the same decision in English words', { timeout: 90_000 }, async () => {
  const r = await watchOnce([]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /probe .*: failed \(it answered with an HTTP error\) in \d+ ms/);
  assert.match(r.stdout, /repaired: GOPROXY=.*failed \d+ times? in a row; .* works, so it goes first \(score [\d.]+\)\. Undo with `goproxyctl undo`\./);
  const json = await watchOnce(['--json']);
  const repair = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.type === 'repair')!;
  assert.match(repair.reason as string, /works, so it goes first/);
});
