// Text for `goproxyctl bench`: the live row of each candidate while it runs, the final table,
// and the recommendation with the command that applies it. Pure functions of their inputs.
import type { CandidateResult } from '../../../shared/bench/aggregate.js';
import { formatDuration, REPRESENTATIVE_WORKLOAD, type Workload } from '../../../shared/bench/estimate.js';
import { familiesDiffer, type FamilyFigures, type FamilySplit } from '../../../shared/bench/families.js';
import { candidateStatus } from '../../../shared/bench/score.js';
import type { Recommendation } from '../../../shared/bench/recommend.js';
import type { BenchEvent } from '../../core/bench/events.js';

/** What the live view knows about one candidate. */
export interface LiveRow {
  candidate: string;
  state: 'waiting' | 'running' | 'done' | 'cancelled';
  sample: number;
  of: number;
  /** e.g. "zip transfer", the request and phase under way. */
  activity: string;
  result: CandidateResult | null;
}

/** The live view after one more event (rows are created on candidate-start, in start order). */
export function applyBenchEvent(rows: readonly LiveRow[], e: BenchEvent): LiveRow[] {
  if (e.type === 'candidate-start') {
    return [...rows, { candidate: e.candidate, state: 'running', sample: 1, of: e.samples, activity: 'starting', result: null }];
  }
  const name = e.type === 'phase' ? e.progress.candidate : e.candidate;
  return rows.map((row) => {
    if (row.candidate !== name) return row;
    switch (e.type) {
      case 'phase':
        return { ...row, sample: e.progress.sample, activity: e.progress.phase === 'done' ? `${e.progress.request} done` : `${e.progress.request} ${e.progress.phase}` };
      case 'sample-done':
        return { ...row, sample: Math.min(e.sample + 1, e.of), activity: e.result.ok ? `sample ${e.sample} ok` : `sample ${e.sample} failed (${e.result.error?.kind ?? 'error'})` };
      case 'candidate-done':
        return { ...row, state: e.cancelled ? 'cancelled' : 'done', result: e.result };
    }
  });
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

export function formatRate(bytesPerSec: number | null): string {
  if (bytesPerSec === null) return '-';
  if (bytesPerSec >= 1_000_000) return `${(bytesPerSec / 1_000_000).toFixed(1)} MB/s`;
  if (bytesPerSec >= 1_000) return `${Math.round(bytesPerSec / 1_000)} kB/s`;
  return `${Math.round(bytesPerSec)} B/s`;
}

/** One line saying how a finished candidate did (the non-TTY progress line, and the live row's end state). */
export function finishedLine(r: CandidateResult): string {
  const s = r.summary;
  const status = candidateStatus(s);
  if (status === 'missing-module') return `! ${s.candidate}: ${missingModuleSentence(s.missingModule ?? '')}`;
  if (status === 'failing') return `✖ ${s.candidate}: ${s.error ? `${s.error.kind}${s.error.status ? ` ${s.error.status}` : ''}: ${s.error.message}` : 'no sample worked'}`;
  const parts = [`first byte ${formatMs(s.ttfbMs?.median)}`];
  if (s.throughputBytesPerSec !== null) parts.push(formatRate(s.throughputBytesPerSec));
  parts.push(`${Math.round(s.successRate * 100)}% ok`);
  if (s.kind !== 'sumdb' && r.estimateMs !== null && r.estimateMs !== undefined) parts.push(`go would take ≈ ${formatDuration(r.estimateMs)}`);
  parts.push(`score ${r.score}`);
  if (s.missingModule) parts.push(`does not have ${s.missingModule}, measured with another module`);
  return `✔ ${s.candidate}: ${parts.join(', ')}`;
}

/** What a 404/410 for the probe module means: the proxy answers, it lacks that module. */
export function missingModuleSentence(module: string): string {
  return `reachable, does not have ${module}`;
}

const AMBER = '\x1b[33m';
const RESET = '\x1b[0m';

export function liveLine(row: LiveRow, width: number): string {
  let text: string;
  if (row.state === 'done' && row.result) text = finishedLine(row.result);
  else if (row.state === 'cancelled') text = `- ${row.candidate}: cancelled`;
  else text = `… ${row.candidate}: sample ${row.sample}/${row.of}, ${row.activity}`;
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

function pad(cells: string[], widths: number[], rightAligned: ReadonlySet<number>): string {
  return cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
}

/**
 * The final table, best first as given. A proxy that answered 404/410 for every probe module is
 * "no module" (amber on a terminal), with the sentence under the table: reachable, never failing.
 */
export function resultTable(results: readonly CandidateResult[], opts: { color?: boolean; workload?: Workload } = {}): string[] {
  const header = ['candidate', 'status', 'go would take', 'first byte', 'p90', 'throughput', 'success', 'error', 'score'];
  const statusWord = { working: 'ok', 'missing-module': 'no module', failing: 'failing' } as const;
  const rows = results.map((r) => {
    const s = r.summary;
    const error = s.error ? `${s.error.kind}${s.error.status ? ` ${s.error.status}` : ''}` : '';
    const time = s.kind === 'sumdb' || r.estimateMs === null || r.estimateMs === undefined ? '-' : `≈ ${formatDuration(r.estimateMs)}`;
    return [s.candidate, statusWord[candidateStatus(s)], time, formatMs(s.ttfbMs?.median), formatMs(s.ttfbMs?.p90), formatRate(s.throughputBytesPerSec), `${Math.round(s.successRate * 100)}%`, error, String(r.score)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const right = new Set([2, 3, 4, 5, 6, 8]);
  const lines = [pad(header, widths, right)];
  const notes: string[] = [];
  results.forEach((r, i) => {
    const amber = candidateStatus(r.summary) === 'missing-module';
    const line = pad(rows[i]!, widths, right);
    lines.push(amber && opts.color ? `${AMBER}${line}${RESET}` : line);
    if (r.families && familiesDiffer(r.families)) lines.push(`  ${familiesLine(r.families)}`);
    if (amber) {
      const note = `! ${r.summary.candidate}: ${missingModuleSentence(r.summary.missingModule ?? '')}`;
      notes.push(opts.color ? `${AMBER}${note}${RESET}` : note);
    }
  });
  const workload = opts.workload ?? REPRESENTATIVE_WORKLOAD;
  const about = `"go would take": the real go's estimated time to fetch ${workloadSentence(workload)} through each proxy (docs/scoring.md).`;
  return notes.length > 0 ? [...lines, '', about, ...notes] : [...lines, '', about];
}

function familyWords(f: FamilyFigures): string {
  if (f.estimateMs === null) return `fails${f.error ? ` (${f.error})` : ''}`;
  return `≈ ${formatDuration(f.estimateMs)}, first byte ${formatMs(f.ttfbMs?.median)}`;
}

/** The line under a row whose IPv4 and IPv6 differ: "└ IPv4 ≈ 0.8 s, first byte 5.2 ms · IPv6 ≈ 12 s, first byte 80 ms". */
export function familiesLine(split: FamilySplit): string {
  return `└ IPv4 ${familyWords(split.ipv4)} · IPv6 ${familyWords(split.ipv6)}`;
}

/** "a typical graph's 100 modules (300 requests, 15.0 MB)". */
export function workloadSentence(w: Workload): string {
  const what = w.source === 'project' ? `this project's ${w.modules} modules` : w.source === 'lab' ? `the lab graph's ${w.modules} modules` : `a typical graph's ${w.modules} modules`;
  return `${what} (${w.requests} requests, ${(w.bytes / 1_000_000).toFixed(1)} MB${w.source === 'representative' ? '; no project given' : ''})`;
}

/** POSIX shell quoting: only when needed ("|" and spaces are shell syntax). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that applies a recommendation with go itself. */
export function applyCommand(rec: Pick<Recommendation, 'goproxy' | 'gosumdb'>): string {
  const words = ['go', 'env', '-w', shellQuote(`GOPROXY=${rec.goproxy}`)];
  if (rec.gosumdb !== null) words.push(shellQuote(`GOSUMDB=${rec.gosumdb}`));
  return words.join(' ');
}

/** The recommendation in words, and how to apply it: `go env -w`, or a profile with `goproxyctl use`. */
export function recommendationLines(rec: Recommendation, savedAs: string | null = null): string[] {
  const lines = ['Recommendation:', `  GOPROXY=${rec.goproxy}`];
  lines.push(rec.gosumdb === null ? '  GOSUMDB unchanged' : `  GOSUMDB=${rec.gosumdb}`);
  for (const reason of rec.reasons) lines.push(`  - ${reason}`);
  lines.push('', 'Apply it with:', `  ${applyCommand(rec)}`);
  // `goproxyctl use` applies a saved profile, which also fixes shell files that shadow go env.
  if (savedAs !== null) lines.push(`  or, for go and your shells at once (undoably): goproxyctl use ${savedAs}`);
  else lines.push('  or save it as a profile with --save-profile <id>, then run: goproxyctl use <id>');
  return lines;
}
