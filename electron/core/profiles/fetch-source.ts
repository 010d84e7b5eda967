// Reads a subscription's document: an http(s) URL fetched with undici (bounded time and size,
// the body read as a stream and abandoned at the cap), or a file (stat'ed and refused unless it
// is a small regular file, see bounded-file.ts). Any failure is one sentence naming the source;
// an abort (Ctrl-C) is rethrown as the abort itself, so the CLI ends with "interrupted".
import { msg } from '../../../shared/i18n/message.js';
import { request } from 'undici';
import { readBoundedFile } from './bounded-file.js';
import { redactUrlCredentials } from './source-credentials.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

export const MAX_DOCUMENT_BYTES = 1 << 20;

export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export interface FetchSourceOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Sent as HTTP Basic authentication (the subscription's credential from the keychain). */
  credential?: { user: string; secret: string } | null;
}

/** A subscription URL that could not be fetched: the sentence as a message, the Error's message its English. */
export class FetchSourceError extends MessageError {
  override name = 'FetchSourceError';
}

/** Why the answer was refused (a status, a size), inside fetchSource. */
class FetchProblem extends MessageError {}

export async function fetchSource(source: string, opts: FetchSourceOptions = {}): Promise<string> {
  if (!isUrlSource(source)) {
    try {
      return (await readBoundedFile(source, MAX_DOCUMENT_BYTES, { signal: opts.signal })).toString('utf8');
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw err;
    }
  }
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  const shown = redactUrlCredentials(source);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.credential) headers.authorization = `Basic ${Buffer.from(`${opts.credential.user}:${opts.credential.secret}`, 'utf8').toString('base64')}`;
  try {
    // The URL never carries the credential (it is sent as a header), so undici's errors cannot echo it.
    const res = await request(stripUrlCredentials(source), { method: 'GET', signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers });
    if (res.statusCode !== 200) {
      await res.body.dump({ limit: 64 * 1024, signal }).catch(() => undefined);
      throw new FetchProblem(msg('apply.fetch.http', { status: res.statusCode }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_DOCUMENT_BYTES) {
        res.body.destroy();
        throw new FetchProblem(msg('apply.fetch.too-large', { size: MAX_DOCUMENT_BYTES }));
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    // A network error is quoted as the HTTP client reported it.
    const why = (err as Error).name === 'TimeoutError' ? msg('apply.fetch.timeout', { ms: timeoutMs }) : err instanceof FetchProblem ? err.detail : (err as Error).message;
    throw new FetchSourceError(msg('apply.fetch.failed', { source: shown, why }), { cause: err });
  }
}

function stripUrlCredentials(source: string): string {
  const url = new URL(source);
  url.username = '';
  url.password = '';
  return url.href;
}
