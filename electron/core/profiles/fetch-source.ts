// Reads a subscription's document: an http(s) URL fetched with undici (bounded time and size),
// or a file. Any failure is one sentence naming the source.
import { readFile } from 'node:fs/promises';
import { request } from 'undici';

export const MAX_DOCUMENT_BYTES = 1 << 20;

export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function fetchSource(source: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  if (!isUrlSource(source)) {
    try {
      const bytes = await readFile(source);
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new Error(`larger than ${MAX_DOCUMENT_BYTES} bytes`);
      return bytes.toString('utf8');
    } catch (err) {
      throw new Error(`cannot read ${source} (${(err as Error).message})`, { cause: err });
    }
  }
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(source, { method: 'GET', signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers: { accept: 'application/json' } });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`HTTP ${res.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_DOCUMENT_BYTES) {
        res.body.destroy();
        throw new Error(`larger than ${MAX_DOCUMENT_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    const why = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message;
    throw new Error(`cannot fetch ${source} (${why})`, { cause: err });
  }
}
