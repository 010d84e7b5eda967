import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../../../shared/i18n/catalog.js';
import type { Locale } from '../../../shared/i18n/message.js';
import { explainGoVars as explainGoVarMessages } from '../../../shared/profile/explain-vars.js';
import { checkZhText } from '../../support/zh-check.js';

/** The lines as a person reads them in a locale. */
function explainGoVars(vars: Readonly<Record<string, string | null>>, locale: Locale = 'en'): string[] {
  return explainGoVarMessages(vars).map((m) => render(locale, m));
}

const CORP = {
  GOPROXY: 'https://athens.corp.example|https://proxy.golang.org,direct',
  GOSUMDB: 'sum.golang.org',
  GOPRIVATE: 'corp.example/*',
  GONOPROXY: 'none',
  GONOSUMDB: null,
  GOINSECURE: null,
};

test('one line per variable, in order, naming the user\'s own patterns', () => {
  const lines = explainGoVars(CORP);
  assert.deepEqual(lines.map((l) => l.split('=')[0]), ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);
  assert.equal(
    lines[0],
    "GOPROXY=https://athens.corp.example|https://proxy.golang.org,direct: go asks https://athens.corp.example first, then, after any error there, https://proxy.golang.org, then, only after a 404/410, the module's own repository (direct).",
  );
  assert.match(lines[3]!, /^GONOPROXY=none: "none" matches no module path: corp\.example\/\* still goes through GOPROXY, so your private proxy serves it\.$/);
  assert.match(lines[4]!, /^GONOSUMDB=: unset, so it follows GOPRIVATE: corp\.example\/\* is never looked up in the checksum database/);
  assert.match(lines[1]!, /verified against sum\.golang\.org, reached through the first GOPROXY entry that serves \/sumdb\//);
});

test('GONOPROXY unset follows GOPRIVATE: the private paths bypass every proxy', () => {
  const [line] = explainGoVars({ GONOPROXY: null, GOPRIVATE: 'corp.example' }).filter((l) => l.startsWith('GONOPROXY'));
  assert.match(line!, /follows GOPRIVATE: corp\.example skips every GOPROXY entry/);
});

test('GOSUMDB off, a key with a URL, GOINSECURE and GOAUTH are described as go treats them', () => {
  const lines = explainGoVars({ GOSUMDB: 'off', GOINSECURE: 'git.corp.example', GOAUTH: 'netrc;command goproxyctl auth helper' });
  assert.match(lines[0]!, /not a safe default/);
  assert.match(lines[1]!, /checksums are still verified/);
  assert.match(lines[2]!, /netrc, then command goproxyctl auth helper .*https URLs only/);
  const keyed = explainGoVars({ GOSUMDB: 'sum.golang.org https://sum.golang.google.cn' });
  assert.match(keyed[0]!, /at https:\/\/sum\.golang\.google\.cn, bypassing GOPROXY/);
  assert.match(explainGoVars({ GOSUMDB: 'bogus+key' })[0]!, /go rejects this value: invalid GOSUMDB/);
});

test('Simplified Chinese from the same messages, with no English outside code', () => {
  const lines = explainGoVars(CORP, 'zh-CN');
  assert.match(lines[0]!, /go 先请求 https:\/\/athens\.corp\.example/);
  assert.match(lines[3]!, /仍经过 GOPROXY，由你的私有代理提供/);
  // Code stays as written: the assignment that starts each line, and what is quoted in backticks.
  const vars = { ...CORP, GOFLAGS: '-mod=mod', GOAUTH: 'netrc;command goproxyctl auth helper' };
  const all = explainGoVars(vars, 'zh-CN')
    .map((line, i) => line.slice(`${Object.keys(vars)[i]}=${Object.values(vars)[i] ?? ''}`.length))
    .join('\n')
    .replace(/`[^`]*`/g, ' ');
  const zh = checkZhText(all);
  assert.deepEqual(zh.english, []);
  assert.ok(zh.cjk > 50);
});

test('each line is a message: the assignment as written, what it does as a nested message with the values', () => {
  const [goproxy, , goprivate] = explainGoVarMessages(CORP);
  assert.equal(goproxy!.id, 'apply.vars.line');
  assert.equal(goproxy!.params?.assignment, `GOPROXY=${CORP.GOPROXY}`);
  const what = goproxy!.params?.what as { id: string; params: { steps: { id: string; params: { first: { id: string; params: { url: string } } } } } };
  assert.equal(what.id, 'apply.vars.goproxy');
  assert.equal(what.params.steps.id, 'apply.vars.steps');
  assert.deepEqual(what.params.steps.params.first, { id: 'apply.vars.step.proxy-first', params: { url: 'https://athens.corp.example' } });
  assert.deepEqual(goprivate!.params?.what, { id: 'apply.vars.goprivate', params: { patterns: 'corp.example/*' } });
});
