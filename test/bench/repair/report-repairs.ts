// The rows for the repair-latency figures. "One probe round" is what the watcher's round spends
// probing: the active entry's samples (in parallel), then the alternatives (in parallel).
import type { RepairTiming } from './repair-timing.js';
import { median, medianMax, note, seconds } from './table.js';

export function reportRepairs(mode: string, timings: readonly RepairTiming[]): void {
  const round = timings.map((t) => t.activeProbeMs + t.alternativesProbeMs);
  note('1. how', mode);
  note('1a. change -> network-change event', medianMax(timings.map((t) => t.detectedMs)), '~1 s debounce');
  note('1b. probe round: active entry (black-holed, samples in parallel)', medianMax(timings.map((t) => t.activeProbeMs)));
  note('1c. probe round: alternatives (in parallel)', medianMax(timings.map((t) => t.alternativesProbeMs)));
  note('1d. probe round (1b + 1c)', medianMax(round));
  note('1e. change -> repair event', medianMax(timings.map((t) => t.repairEventMs)));
  note('1f. change -> go env file written', medianMax(timings.map((t) => t.writtenMs)), `<= 2 s + one probe round (= ${seconds(2_000 + median(round))} at the median round)`);
  note('1g. 1f minus its own probe round', medianMax(timings.map((t, i) => t.writtenMs - round[i]!)), '<= 2 s');
  note('1h. GOPROXY after the repair', [...new Set(timings.map((t) => t.goproxyAfter))].join(' / '));
}
