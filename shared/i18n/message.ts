// An engine's words as data: which message, with which values. The engines (explain, benchmark,
// apply, doctor, repair…) return these instead of finished English sentences, so each front end
// renders them in its user's language (catalog.ts): the dashboard when it draws, the tray, the
// CLI with --lang. A value may itself be a message (a phrase inside a sentence), rendered first.
import type { MessageId } from './catalog.js';

/** The languages goproxyctl speaks: one type for the dashboard, the tray and the CLI. */
export type Locale = 'en' | 'zh-CN';
export const LOCALES = ['en', 'zh-CN'] as const satisfies readonly Locale[];

export type MessageParam = string | number | Message;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  readonly id: MessageId;
  readonly params?: MessageParams;
}

/** A message with its values; undefined values are left out (the template keeps its {name}). */
export function msg(id: MessageId, params?: Readonly<Record<string, MessageParam | undefined>>): Message {
  if (params === undefined) return { id };
  const defined = Object.fromEntries(Object.entries(params).filter((e): e is [string, MessageParam] => e[1] !== undefined));
  return { id, params: defined };
}

/** Whether a value that crossed a boundary (JSON, IPC) has a message's shape. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
