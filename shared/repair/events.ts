// The watcher's events as plain data: what `goproxyctl watch --json` prints (one object per line),
// what the app turns into notifications, and what the UI contract carries. One definition for all.
import type { NetworkFingerprint } from './fingerprint.js';
import type { RepairCause } from './decide.js';
import type { WatchTrigger } from './probe-plan.js';
import type { Message } from '../i18n/message.js';

export interface ChainChoice {
  profile: string | null;
  goproxy: string;
}

export type WatchEvent =
  | { type: 'network-change'; at: string; kind: 'network-change' | 'wake'; fingerprint: NetworkFingerprint; changes: Message[] }
  /** missingModule: the candidate answered 404/410 for the probe module (reachable, so ok). */
  | { type: 'probe'; at: string; candidate: string; ok: boolean; score: number; durationMs: number; error: string | null; missingModule?: string | null }
  | { type: 'repair'; at: string; trigger: WatchTrigger; action: 'reorder' | 'switch-profile'; cause: RepairCause; from: ChainChoice; to: ChainChoice; reason: Message; applyId: string | null }
  | { type: 'keep'; at: string; trigger: WatchTrigger; cause: RepairCause; reason: Message }
  /** What went wrong, as a message (a failure's own text is a value in it). */
  | { type: 'error'; at: string; message: Message };
