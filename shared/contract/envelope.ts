// How a command's outcome crosses a transport. Errors travel as data (a code and one
// sentence) because Electron's IPC and contextBridge keep only an Error's message, and the
// headless client must rebuild the same error the preload client does.

import { render } from '../i18n/catalog.js';
import { isMessage, type Message } from '../i18n/message.js';

export type ErrorCode =
  /** The request does not match the contract (wrong shape, invalid module path...). */
  | 'bad-request'
  /** A newer request of the same kind replaced this one before it finished. */
  | 'superseded'
  /** The engine failed (e.g. go could not be run); the message says what to do. */
  | 'failed';

/** `detail`: the same sentence as a message, when the engine has one, for the UI to word in its language. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; detail?: Message } };

export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Message,
  ) {
    super(message);
  }

  /** An error goproxyctl words itself: English for logs and older clients, the message for the UI's language. */
  static saying(code: ErrorCode, detail: Message): ContractError {
    return new ContractError(code, render('en', detail), detail);
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const detail = envelope.error.detail;
  throw new ContractError(envelope.error.code, envelope.error.message, isMessage(detail) ? detail : undefined);
}

const CODES: readonly ErrorCode[] = ['bad-request', 'superseded', 'failed'];

/** Checks an envelope received from the other side of a transport. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null && CODES.includes(v.error.code as ErrorCode) && typeof v.error.message === 'string';
}
