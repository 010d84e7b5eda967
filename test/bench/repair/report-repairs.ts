// The rows for the repair-latency figures. "One probe round" is what the watcher's round spends
// probing: the active entry's samples and the alternatives, all at once, so the round lasts as
// long as the slower of the two (the black-holed active entry's dead-host deadline).
import { DEAD_HOST_DEADLINES } from '../../../electron/core/probe/index.js';
import type { RepairTiming } from './repair-timing.js';
import { medianMax, note, seconds } from './table.js';

export function reportRepairs(mode: string, timings: readonly RepairTiming[]): void {
  const round = timings.map((t) => Math.max(t.activeProbeMs, t.alternativesProbeMs));
  note('1. how', mode);
  note('1a. change -> network-change event', medianMax(timings.map((t) => t.detectedMs)), '~1 s debounce');
  note('1b. probe round: active entry (black-holed, samples in parallel)', medianMax(timings.map((t) => t.activeProbeMs)));
  note('1c. probe round: alternatives (in parallel, alongside 1b)', medianMax(timings.map((t) => t.alternativesProbeMs)));
  note('1d. probe round (the longer of 1b and 1c)', medianMax(round));
  note('1e. change -> repair event', medianMax(timings.map((t) => t.repairEventMs)));
  note('1f. change -> go env file written', medianMax(timings.map((t) => t.writtenMs)), `<= 2 s + one dead-host deadline (= ${seconds(2_000 + DEAD_HOST_DEADLINES.ttfbMs)})`);
  note('1g. 1f minus its own probe round', medianMax(timings.map((t, i) => t.writtenMs - round[i]!)), '<= 2 s');
  note('1h. GOPROXY after the repair', [...new Set(timings.map((t) => t.goproxyAfter))].join(' / '));
}
