// The watcher's events: what `goproxyctl watch --json` prints (one object per line), what the app
// turns into notifications, and what is appended to the event log.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChainChoice, WatchEvent } from '../../../shared/repair/events.js';

export type { ChainChoice, WatchEvent };

const MAX_LOG_BYTES = 1 << 20;

/** Appends one event to <dir>/watch-events.jsonl, keeping one previous file when it grows past 1 MB. */
export async function appendEventLog(dir: string, event: WatchEvent): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'watch-events.jsonl');
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > MAX_LOG_BYTES) await rename(file, `${file}.1`).catch(() => undefined);
  await appendFile(file, JSON.stringify(event) + '\n');
}
