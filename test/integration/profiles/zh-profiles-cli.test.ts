// `goproxyctl profiles` and `goproxyctl export` in Simplified Chinese: the built CLI under a
// temporary HOME, chosen by --lang zh and by LANG=zh_CN.UTF-8 with no flag. What a person reads
// (lists, confirmations, blockers, validation and subscription errors) passes the zh check; the
// profile ids the table lists are identifiers a person types, like code. --json keeps its strings
// (in the command's language) with the messages next to them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { zhCliProblems } from '../../support/zh-cli.js';

let home: string;

before(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-zh-profiles-'));
});

after(async () => {
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...extra }, cwd: home, timeoutMs: 30_000 });
}

const ZH = { LANG: 'zh_CN.UTF-8' };

test('profiles (the list) in Chinese: origins and the template marked in words, ids as typed', async () => {
  for (const r of [await cli(['profiles', '--lang', 'zh']), await cli(['profiles'], ZH)]) {
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trimEnd().split('\n');
    assert.match(rows[0]!, /^ {2}china +内置 {2}https:\/\/goproxy\.cn\|/);
    assert.match(rows[2]!, /^ {2}corporate +内置 {2}（模板：使用前请填写）$/);
    // The first columns are the ids: identifiers, stripped like code.
    assert.deepEqual(zhCliProblems(rows.map((row) => row.slice(row.indexOf('内置'))).join('\n')), []);
  }
  const en = await cli(['profiles']);
  assert.match(en.stdout, /^ {2}corporate +builtin {2}\(template: fill in before use\)$/m);
});

test('show, set, create, duplicate, delete: blockers and confirmations in Chinese; --json keeps strings with messages', async () => {
  const show = await cli(['profiles', 'show', 'corporate', '--lang', 'zh']);
  assert.equal(show.code, 0, show.stderr);
  const blockerLines = show.stdout.split('\n').filter((l) => l.startsWith('!'));
  assert.deepEqual(blockerLines.length, 2);
  assert.match(blockerLines[0]!, /^! 应用前需要：`goproxy\[0\]\.url`：请把 <PRIVATE_PROXY_URL> 替换为你的私有代理的网址，例如 https:\/\/athens\.corp\.example\.com$/);
  assert.deepEqual(zhCliProblems(blockerLines.join('\n')), []);

  const json = JSON.parse((await cli(['profiles', 'show', 'corporate', '--json', '--lang', 'zh'])).stdout) as { blockers: string[]; blockersMessage: { id: string; params: { field: string } }[] };
  assert.match(json.blockers[0]!, /^`goproxy\[0\]\.url`：请把 <PRIVATE_PROXY_URL> 替换为/);
  assert.deepEqual(json.blockersMessage.map((b) => [b.id, b.params.field]), [['apply.blocker', 'goproxy[0].url'], ['apply.blocker', 'goprivate']]);
  const enJson = JSON.parse((await cli(['profiles', 'show', 'corporate', '--json'])).stdout) as typeof json;
  assert.match(enJson.blockers[0]!, /^goproxy\[0\]\.url: replace <PRIVATE_PROXY_URL> with your private proxy's URL/);

  const create = await cli(['profiles', 'create', 'my-corp', '--from', 'corporate'], ZH);
  assert.equal(create.code, 0, create.stderr);
  assert.equal(create.stdout, '已从 `corporate` 创建 `my-corp`。\n');

  const half = await cli(['profiles', 'set', 'my-corp', 'GOPROXY=https://athens.corp.example|https://proxy.golang.org,direct', '--lang', 'zh']);
  assert.equal(half.code, 0, half.stderr);
  assert.match(half.stdout, /^已设置 `my-corp` 的 `GOPROXY`（GOPROXY=https:\/\/athens\.corp\.example\|https:\/\/proxy\.golang\.org,direct）。在运行 `goproxyctl use my-corp` 之前还需要填写：`goprivate`：请把 <PRIVATE_MODULE_PATTERNS> 替换为/);
  assert.deepEqual(zhCliProblems(half.stdout), []);

  const done = await cli(['profiles', 'set', 'my-corp', 'GOPRIVATE=corp.example', 'name=Corp'], ZH);
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /运行 `goproxyctl use my-corp` 即可应用。\n$/);
  assert.deepEqual(zhCliProblems(done.stdout), []);

  const bad = await cli(['profiles', 'set', 'my-corp', 'GOSUMDB=nope nope nope', 'GOPROXY=https://a.example,direct', 'relay={}', '--lang', 'zh']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^goproxyctl profiles: 方案 `my-corp` 没有修改：`relay=\{\}` 不是 KEY=VALUE 形式/);
  assert.deepEqual(zhCliProblems(bad.stderr), []);
  const invalid = await cli(['profiles', 'set', 'my-corp', 'GOSUMDB=nope nope nope'], ZH);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /^goproxyctl profiles: 方案 `my-corp` 没有修改：`gosumdb`：go 不接受 `nope nope nope`/);
  assert.deepEqual(zhCliProblems(invalid.stderr.replace(/（[^（）]*GOSUMDB[^（）]*）/, '（）')), [], 'only go\'s own error, quoted, stays English');

  const dup = await cli(['profiles', 'duplicate', 'global', 'my-global', '--lang', 'zh']);
  assert.equal(dup.stdout, '已创建 `my-global`，它是 `global` 的副本。\n');
  assert.equal((JSON.parse((await cli(['profiles', 'show', 'my-global', '--json'])).stdout) as { profile: { name: string } }).profile.name, '全球（proxy.golang.org）（副本）');
  const readOnly = await cli(['profiles', 'set', 'china', 'GOPRIVATE=x.example'], ZH);
  assert.equal(readOnly.code, 2);
  assert.match(readOnly.stderr, /`china` 是内置方案，不能修改/);
  assert.deepEqual(zhCliProblems(readOnly.stderr), []);
  const del = await cli(['profiles', 'delete', 'my-global'], ZH);
  assert.equal(del.stdout, '已删除 `my-global`。\n');
  const unknown = await cli(['profiles', 'show', 'nope', '--lang', 'zh']);
  assert.match(unknown.stderr, /没有方案 `nope`；可选的有：/);
  assert.deepEqual(zhCliProblems(unknown.stderr), []);
});

test('import, export, subscribe: errors about the document and the source in Chinese', async () => {
  const badDoc = path.join(home, 'bad.json');
  await writeFile(badDoc, JSON.stringify({ schema: 1, id: 'team', name: '', goproxy: [{ url: 'goproxy.cn' }], gosumdb: null, goprivate: '', gonoproxy: null, gonosumdb: null, goinsecure: '', credentials: [], targets: { goEnv: true, shells: null } }));
  const imported = await cli(['profiles', 'import', badDoc, '--lang', 'zh']);
  assert.equal(imported.code, 2);
  assert.match(imported.stderr, /bad\.json：`name`：必须是非空字符串（另有 1 处错误）/);
  assert.deepEqual(zhCliProblems(imported.stderr), []);

  const device = await cli(['profiles', 'import', '/dev/zero', '--lang', 'zh']);
  assert.equal(device.code, 2);
  assert.match(device.stderr, /^goproxyctl profiles: \/dev\/zero 是字符设备，不是普通文件；请给出方案 JSON 文件的路径/);
  assert.deepEqual(zhCliProblems(device.stderr), []);
  const dir = await cli(['profiles', 'subscribe', home], ZH);
  assert.match(dir.stderr, /是目录，不是普通文件；请给出方案 JSON 文件的路径或它的 https:\/\/ 地址/);
  assert.deepEqual(zhCliProblems(dir.stderr), []);

  const notJson = path.join(home, 'broken.json');
  await writeFile(notJson, '{"schema": 1,');
  const broken = await cli(['profiles', 'subscribe', notJson], ZH);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.json 不是有效的 JSON（第 1 行，第 14 列）；请修正语法，或重新导出该方案/);
  assert.deepEqual(zhCliProblems(broken.stderr), []);

  const template = await cli(['export', 'corporate', '--to', 'docker', '--lang', 'zh']);
  assert.equal(template.code, 2);
  assert.match(template.stderr, /方案 `corporate` 是模板：`goproxy\[0\]\.url`：请把 <PRIVATE_PROXY_URL> 替换为/);
  assert.deepEqual(zhCliProblems(template.stderr), []);
  const format = await cli(['export', 'china', '--to', 'nope'], ZH);
  assert.match(format.stderr, /`--to` 必须是以下之一：/);
  assert.deepEqual(zhCliProblems(format.stderr), []);
  // The snippet itself is code: the same in every language.
  const snippet = await cli(['export', 'china', '--to', 'shell', '--lang', 'zh']);
  assert.equal(snippet.stdout, (await cli(['export', 'china', '--to', 'shell'])).stdout);

  const none = await cli(['profiles', 'refresh', '--lang', 'zh']);
  assert.equal(none.stdout, '没有订阅；运行 `goproxyctl profiles subscribe <url-or-file>` 添加一个。\n');

  const team = path.join(home, 'team.json');
  await writeFile(team, JSON.stringify({ schema: 1, profiles: [{ ...JSON.parse((await cli(['profiles', 'export', 'global'])).stdout), id: 'team-a', name: 'Team A' }] }));
  const subscribed = await cli(['profiles', 'subscribe', team], ZH);
  assert.equal(subscribed.code, 0, subscribed.stderr);
  assert.equal(subscribed.stdout, `已订阅 ${team}：\`team-a\`。\n`);
  await writeFile(team, '{"schema": 1,');
  const refreshed = await cli(['profiles', 'refresh', '--lang', 'zh']);
  assert.equal(refreshed.code, 1);
  assert.equal(refreshed.stdout, `✗ ${team}：${team} 不是有效的 JSON（第 1 行，第 14 列）；请修正语法，或重新导出该方案（保留之前的方案）\n`);
  assert.deepEqual(zhCliProblems(refreshed.stdout), []);
  const listed = JSON.parse((await cli(['profiles', '--json', '--lang', 'zh'])).stdout) as { subscriptions: { lastError: string; lastErrorMessage: { id: string } }[] };
  assert.match(listed.subscriptions[0]!.lastError, /不是有效的 JSON/);
  assert.equal(listed.subscriptions[0]!.lastErrorMessage.id, 'apply.document.not-json');
  const listedEn = JSON.parse((await cli(['profiles', '--json'])).stdout) as typeof listed;
  assert.match(listedEn.subscriptions[0]!.lastError, /is not valid JSON/);
  assert.match((await cli(['profiles'], ZH)).stdout, /1 个订阅；运行 `goproxyctl profiles refresh` 刷新。/);
});

test('profiles edit: an invalid edit is refused in Chinese, with the way back', async () => {
  assert.equal((await cli(['profiles', 'create', 'my-edit', '--from', 'global'])).code, 0);
  const broken = await cli(['profiles', 'edit', 'my-edit'], { ...ZH, VISUAL: `sed -i 's/"separator": "|"/"separator": ";"/'` });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /`my-edit` 没有修改：`goproxy\[0\]\.separator`：必须是 "\|"（出现任何错误都尝试下一个条目）或 ","/);
  assert.match(broken.stderr, /修正后运行 `goproxyctl profiles import .*my-edit\.edited\.json --replace`/);
  assert.deepEqual(zhCliProblems(broken.stderr), []);
  const notMine = await cli(['profiles', 'edit', 'china', '--lang', 'zh']);
  assert.match(notMine.stderr, /`china` 不是你自己的方案；请先复制/);
  assert.deepEqual(zhCliProblems(notMine.stderr), []);
});
