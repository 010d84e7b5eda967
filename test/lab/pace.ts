// Cancellable waiting and paced writing: every lab fault that takes time ends when the client
// goes away or the lab closes (the signal), so nothing outlives close().
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setTimeout as sleepTimer } from 'node:timers/promises';

/** Resolves true after `ms`, false (without throwing) when the signal aborts first. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleepTimer(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Writes honouring backpressure; false when the stream is gone or the signal aborted. */
export async function writeChunk(out: Writable, chunk: Buffer | string, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || out.destroyed || out.writableEnded) return false;
  if (out.write(chunk)) return true;
  try {
    await once(out, 'drain', { signal });
    return !out.destroyed;
  } catch {
    return false;
  }
}

/**
 * Writes `body` capped at `bytesPerSec` (in 50 ms slices), or as fast as the client reads when
 * there is no cap. Returns the bytes written.
 */
export async function writePaced(out: Writable, body: Buffer, bytesPerSec: number | undefined, signal: AbortSignal): Promise<number> {
  const slice = bytesPerSec ? Math.max(1, Math.floor(bytesPerSec / 20)) : 64 * 1024;
  let written = 0;
  while (written < body.length) {
    const started = Date.now();
    const chunk = body.subarray(written, written + slice);
    if (!(await writeChunk(out, chunk, signal))) return written;
    written += chunk.length;
    if (bytesPerSec && written < body.length) {
      const due = (chunk.length / bytesPerSec) * 1000 - (Date.now() - started);
      if (!(await sleep(due, signal))) return written;
    }
  }
  return written;
}
