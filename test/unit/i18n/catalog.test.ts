// The engine catalogue's rules: parts never collide (each key begins with its part's prefix),
// both languages have the same placeholders for each message, and a message renders in the
// language asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_PARTS, ENGINE_EN, ENGINE_ZH, listOf, render, type MessageId } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

test('every key of a part begins with its prefix, so parts never collide', () => {
  for (const part of CATALOG_PARTS) {
    for (const key of Object.keys(part.en)) assert.ok(key.startsWith(part.prefix), `${key} is in the part ${part.prefix}`);
    assert.deepEqual(Object.keys(part.zh).sort(), Object.keys(part.en).sort(), part.prefix);
  }
  const total = CATALOG_PARTS.reduce((n, p) => n + Object.keys(p.en).length, 0);
  assert.equal(Object.keys(ENGINE_EN).length, total);
});

test('English and Chinese have the same placeholders in every message', () => {
  for (const [id, en] of Object.entries(ENGINE_EN)) {
    assert.deepEqual(placeholders(ENGINE_ZH[id as MessageId]), placeholders(en), id);
  }
});

test('a message renders in the locale asked for; an unknown id shows as itself; lists join in the locale\'s way', () => {
  const backwards = msg('common.service.range-backwards');
  assert.equal(render('en', backwards), 'The end of the time range must come after its start');
  assert.equal(render('zh-CN', backwards), '时间范围的结束必须晚于开始');
  assert.equal(render('en', { id: 'nope.unknown' as MessageId }), 'nope.unknown');
  assert.equal(listOf('en', ['a', 'b', 'c']), 'a, b, and c');
  assert.equal(listOf('zh-CN', ['a', 'b', 'c']), 'a、b和c');
});
