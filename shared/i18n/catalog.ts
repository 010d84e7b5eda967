// The one catalogue of the engines' messages, and the one way to render one (interpolate.ts's
// {name} substitution). Its parts live by area in parts/; each part's keys begin with the part's
// prefix ("explain.", "bench."…), so parts never collide (test/unit/i18n/catalog.test.ts checks),
// and a key missing in Chinese is a compile error in its part. The dashboard merges this catalogue
// with its own (renderer/i18n/i18n.ts): one key space.
import { interpolate } from '../ui/interpolate.js';
import type { Locale, Message } from './message.js';
import { applyEn, applyZh } from './parts/apply.js';
import { benchEn, benchZh } from './parts/bench.js';
import { cliEn, cliZh } from './parts/cli.js';
import { commonEn, commonZh } from './parts/common.js';
import { explainEn, explainZh } from './parts/explain.js';
import { lintEn, lintZh } from './parts/lint.js';
import { opsEn, opsZh } from './parts/ops.js';
import { relayEn, relayZh } from './parts/relay.js';
import { trayEn, trayZh } from './parts/tray.js';

/** Every part with its prefix, for the collision check. */
export const CATALOG_PARTS = [
  { prefix: 'common.', en: commonEn, zh: commonZh },
  { prefix: 'explain.', en: explainEn, zh: explainZh },
  { prefix: 'bench.', en: benchEn, zh: benchZh },
  { prefix: 'apply.', en: applyEn, zh: applyZh },
  { prefix: 'ops.', en: opsEn, zh: opsZh },
  { prefix: 'cli.', en: cliEn, zh: cliZh },
  { prefix: 'tray.', en: trayEn, zh: trayZh },
  { prefix: 'lint.', en: lintEn, zh: lintZh },
  { prefix: 'relay.', en: relayEn, zh: relayZh },
] as const;

export const ENGINE_EN = { ...commonEn, ...explainEn, ...benchEn, ...applyEn, ...opsEn, ...cliEn, ...trayEn, ...lintEn, ...relayEn };
export type MessageId = keyof typeof ENGINE_EN;
export const ENGINE_ZH: Readonly<Record<MessageId, string>> = { ...commonZh, ...explainZh, ...benchZh, ...applyZh, ...opsZh, ...cliZh, ...trayZh, ...lintZh, ...relayZh };

const CATALOG: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en: ENGINE_EN, 'zh-CN': ENGINE_ZH };

/** Whether an id made from data (a rule id, a failure kind) names a message of the catalogue. */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(ENGINE_EN, id);
}

/** The message in the locale's words; nested messages first. An unknown id (from an older peer) shows as itself. */
export function render(locale: Locale, message: Message): string {
  const template = (CATALOG[locale] as Readonly<Record<string, string>>)[message.id] ?? message.id;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = typeof value === 'object' ? render(locale, value) : value;
  return interpolate(template, params);
}

/** The renderer of one locale, for a front end that renders many messages. */
export function renderer(locale: Locale): (message: Message) => string {
  return (message) => render(locale, message);
}

/** "a, b and c" in the locale's way (Intl.ListFormat), for lists inside messages. */
export function listOf(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
