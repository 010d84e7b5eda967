// What one benchmark run produces: the engine returns it, the CLI prints it, the UI shows it.
import type { Message } from '../i18n/message.js';
import type { CandidateResult } from './aggregate.js';
import type { Workload } from './estimate.js';
import type { Recommendation } from './recommend.js';

export interface BenchmarkReport {
  startedAt: number;
  durationMs: number;
  /** What the estimated times are for. */
  workload: Workload;
  /** Best first. Candidates cut short by cancellation are left out. */
  results: CandidateResult[];
  /** Its reasons are messages: each front end renders them in its user's language. */
  recommendation: Recommendation;
  /** True when the signal aborted before every candidate finished. */
  cancelled: boolean;
  /** Whether a proxy or direct worked at least once. */
  anyWorking: boolean;
  /** History records written (0 when not recording or cancelled before any sample). */
  recorded: number;
  /** For the user, as messages: unreadable credentials, history that could not be written. */
  warnings: Message[];
}
