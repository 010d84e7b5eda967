// How a command's outcome crosses a transport. Errors travel as data (a code and one
// sentence) because Electron's IPC and contextBridge keep only an Error's message, and the
// headless client must rebuild the same error the preload client does.

export type ErrorCode =
  /** The request does not match the contract (wrong shape, invalid module path...). */
  | 'bad-request'
  /** A newer request of the same kind replaced this one before it finished. */
  | 'superseded'
  /** The engine failed (e.g. go could not be run); the message says what to do. */
  | 'failed';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ContractError(envelope.error.code, envelope.error.message);
}

const CODES: readonly ErrorCode[] = ['bad-request', 'superseded', 'failed'];

/** Checks an envelope received from the other side of a transport. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null && CODES.includes(v.error.code as ErrorCode) && typeof v.error.message === 'string';
}
