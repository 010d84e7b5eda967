// The watcher's events: what `goproxyctl watch --json` prints (one object per line), what the app
// turns into notifications, and what is appended to the event log.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NetworkFingerprint } from '../../../shared/repair/fingerprint.js';
import type { RepairCause, WatchTrigger } from '../../../shared/repair/index.js';

export interface ChainChoice {
  profile: string | null;
  goproxy: string;
}

export type WatchEvent =
  | { type: 'network-change'; at: string; kind: 'network-change' | 'wake'; fingerprint: NetworkFingerprint; changes: string[] }
  | { type: 'probe'; at: string; candidate: string; ok: boolean; score: number; durationMs: number; error: string | null }
  | { type: 'repair'; at: string; trigger: WatchTrigger; action: 'reorder' | 'switch-profile'; cause: RepairCause; from: ChainChoice; to: ChainChoice; reason: string; applyId: string | null }
  | { type: 'keep'; at: string; trigger: WatchTrigger; cause: RepairCause; reason: string }
  | { type: 'error'; at: string; message: string };

const MAX_LOG_BYTES = 1 << 20;

/** Appends one event to <dir>/watch-events.jsonl, keeping one previous file when it grows past 1 MB. */
export async function appendEventLog(dir: string, event: WatchEvent): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'watch-events.jsonl');
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > MAX_LOG_BYTES) await rename(file, `${file}.1`).catch(() => undefined);
  await appendFile(file, JSON.stringify(event) + '\n');
}
