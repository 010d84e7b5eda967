// Text for `goproxyctl bench`: the live row of each candidate while it runs, the final table,
// and the recommendation with the command that applies it, in the command's language (the
// catalogue's "bench.out." messages). Pure functions of their inputs.
import type { CandidateResult } from '../../../shared/bench/aggregate.js';
import { formatDuration, REPRESENTATIVE_WORKLOAD, workloadMessage, type Workload } from '../../../shared/bench/estimate.js';
import { familiesDiffer, type FamilyFigures, type FamilySplit } from '../../../shared/bench/families.js';
import { candidateStatus } from '../../../shared/bench/score.js';
import type { Recommendation } from '../../../shared/bench/recommend.js';
import type { BenchEvent } from '../../core/bench/events.js';
import type { FailureKind, ProtocolRequest } from '../../../shared/bench/types.js';
import { kindMessage, listMessage } from '../../../shared/bench/words.js';
import { renderer } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';

/** What the live view knows about one candidate. */
export interface LiveRow {
  candidate: string;
  state: 'waiting' | 'running' | 'done' | 'cancelled';
  sample: number;
  of: number;
  /** e.g. ".zip transfer": the request (as the protocol spells it) and the phase under way. */
  activity: Message;
  result: CandidateResult | null;
}

/** A request as go's protocol spells it (code in every language): ".zip", "@v/list". */
const REQUEST_WORDS: Readonly<Record<ProtocolRequest, string>> = {
  list: '@v/list',
  latest: '@latest',
  info: '.info',
  mod: '.mod',
  zip: '.zip',
  'sumdb-supported': '/sumdb/…/supported',
  'sumdb-latest': '/sumdb/…/latest',
  'sumdb-lookup': '/sumdb/…/lookup',
  'sumdb-tile': '/sumdb/…/tile',
  'go-get': '?go-get=1',
  'info-refs': '/info/refs',
};

/** The live view after one more event (rows are created on candidate-start, in start order). */
export function applyBenchEvent(rows: readonly LiveRow[], e: BenchEvent): LiveRow[] {
  if (e.type === 'candidate-start') {
    return [...rows, { candidate: e.candidate, state: 'running', sample: 1, of: e.samples, activity: msg('bench.out.activity.starting'), result: null }];
  }
  const name = e.type === 'phase' ? e.progress.candidate : e.candidate;
  return rows.map((row) => {
    if (row.candidate !== name) return row;
    switch (e.type) {
      case 'phase': {
        const { phase } = e.progress;
        const request = REQUEST_WORDS[e.progress.request];
        return { ...row, sample: e.progress.sample, activity: phase === 'done' ? msg('bench.out.activity.requestDone', { request }) : msg('bench.out.activity.phase', { request, phase: msg(`bench.out.phase.${phase}`) }) };
      }
      case 'sample-done':
        return {
          ...row,
          sample: Math.min(e.sample + 1, e.of),
          activity: e.result.ok ? msg('bench.out.activity.sampleOk', { sample: e.sample }) : msg('bench.out.activity.sampleFailed', { sample: e.sample, kind: e.result.error ? kindMessage(e.result.error.kind) : msg('bench.reason.unknownError') }),
        };
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

/** The short error of a row: "timeout", "http 502" (in Chinese 超时, HTTP 错误 502). */
function errorWord(error: { kind: FailureKind; status: number | null }): Message {
  return error.status ? msg('bench.out.errorWithStatus', { kind: kindMessage(error.kind), status: error.status }) : kindMessage(error.kind);
}

/** One line saying how a finished candidate did (the non-TTY progress line, and the live row's end state). */
export function finishedLine(r: CandidateResult, locale: Locale = 'en'): string {
  const t = renderer(locale);
  const s = r.summary;
  const status = candidateStatus(s);
  const candidate = s.candidate;
  if (status === 'missing-module') return `! ${t(msg('bench.out.missingModule', { candidate, module: s.missingModule ?? '' }))}`;
  if (status === 'failing') {
    const e = s.error;
    const line = e === null ? msg('bench.out.noSampleWorked', { candidate }) : e.status ? msg('bench.out.failedStatus', { candidate, kind: kindMessage(e.kind), status: e.status, error: e.messageMessage }) : msg('bench.out.failed', { candidate, kind: kindMessage(e.kind), error: e.messageMessage });
    return `✖ ${t(line)}`;
  }
  const parts = [t(msg('bench.out.firstByte', { time: formatMs(s.ttfbMs?.median) }))];
  if (s.throughputBytesPerSec !== null) parts.push(formatRate(s.throughputBytesPerSec));
  parts.push(t(msg('bench.out.successRate', { percent: Math.round(s.successRate * 100) })));
  if (s.kind !== 'sumdb' && r.estimateMs !== null && r.estimateMs !== undefined) parts.push(t(msg('bench.out.goTime', { time: formatDuration(r.estimateMs) })));
  parts.push(t(msg('bench.out.score', { score: r.score })));
  if (s.missingModule) parts.push(t(msg('bench.out.measuredOther', { module: s.missingModule })));
  return `✔ ${t(msg('bench.out.working', { candidate, figures: listMessage(parts, 'bench.out.figures') }))}`;
}

const AMBER = '\x1b[33m';
const RESET = '\x1b[0m';

export function liveLine(row: LiveRow, width: number, locale: Locale = 'en'): string {
  const t = renderer(locale);
  let text: string;
  if (row.state === 'done' && row.result) text = finishedLine(row.result, locale);
  else if (row.state === 'cancelled') text = `- ${t(msg('bench.out.cancelled', { candidate: row.candidate }))}`;
  else text = `… ${t(msg('bench.out.running', { candidate: row.candidate, sample: row.sample, of: row.of, activity: row.activity }))}`;
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

/** Display width: a CJK character takes two columns on a terminal. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function pad(cells: string[], widths: number[], rightAligned: ReadonlySet<number>): string {
  return cells
    .map((c, i) => {
      const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - columns(c)));
      return rightAligned.has(i) ? fill + c : c + fill;
    })
    .join('  ')
    .trimEnd();
}

const COLUMNS = ['candidate', 'status', 'goTime', 'firstByte', 'p90', 'throughput', 'success', 'error', 'score'] as const;

/**
 * The final table, best first as given. A proxy that answered 404/410 for every probe module is
 * "no module" (amber on a terminal), with the sentence under the table: reachable, never failing.
 */
export function resultTable(results: readonly CandidateResult[], opts: { color?: boolean; workload?: Workload; locale?: Locale } = {}): string[] {
  const t = renderer(opts.locale ?? 'en');
  const header = COLUMNS.map((c) => t(msg(`bench.out.col.${c}`)));
  const rows = results.map((r) => {
    const s = r.summary;
    const error = s.error ? t(errorWord(s.error)) : '';
    const time = s.kind === 'sumdb' || r.estimateMs === null || r.estimateMs === undefined ? '-' : `≈ ${formatDuration(r.estimateMs)}`;
    return [s.candidate, t(msg(`bench.out.verdict.${candidateStatus(s)}`)), time, formatMs(s.ttfbMs?.median), formatMs(s.ttfbMs?.p90), formatRate(s.throughputBytesPerSec), `${Math.round(s.successRate * 100)}%`, error, String(r.score)];
  });
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((row) => columns(row[i] ?? ''))));
  const right = new Set([2, 3, 4, 5, 6, 8]);
  const lines = [pad(header, widths, right)];
  const notes: string[] = [];
  results.forEach((r, i) => {
    const amber = candidateStatus(r.summary) === 'missing-module';
    const line = pad(rows[i]!, widths, right);
    lines.push(amber && opts.color ? `${AMBER}${line}${RESET}` : line);
    if (r.families && familiesDiffer(r.families)) lines.push(`  ${familiesLine(r.families, opts.locale)}`);
    if (amber) {
      const note = `! ${t(msg('bench.out.missingModule', { candidate: r.summary.candidate, module: r.summary.missingModule ?? '' }))}`;
      notes.push(opts.color ? `${AMBER}${note}${RESET}` : note);
    }
  });
  const workload = opts.workload ?? REPRESENTATIVE_WORKLOAD;
  const about = t(msg('bench.out.about', { workload: workloadSentence(workload) }));
  return notes.length > 0 ? [...lines, '', about, ...notes] : [...lines, '', about];
}

function familyWords(f: FamilyFigures): Message {
  if (f.estimateMs === null) return f.error ? msg('bench.out.familyFailsBecause', { error: kindMessage(f.error) }) : msg('bench.out.familyFails');
  return msg('bench.out.familyFigures', { time: formatDuration(f.estimateMs), firstByte: formatMs(f.ttfbMs?.median) });
}

/** The line under a row whose IPv4 and IPv6 differ: "└ IPv4 ≈ 0.8 s, first byte 5.2 ms · IPv6 ≈ 12 s, first byte 80 ms". */
export function familiesLine(split: FamilySplit, locale: Locale = 'en'): string {
  const t = renderer(locale);
  return `└ IPv4 ${t(familyWords(split.ipv4))} · IPv6 ${t(familyWords(split.ipv6))}`;
}

/** "a typical graph's 100 modules (300 requests, 15.0 MB)". */
export function workloadSentence(w: Workload): Message {
  const values = { what: workloadMessage(w), requests: w.requests, mb: (w.bytes / 1_000_000).toFixed(1) };
  return msg(w.source === 'representative' ? 'bench.out.workloadRepresentative' : 'bench.out.workload', values);
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
export function recommendationLines(rec: Recommendation, savedAs: string | null = null, locale: Locale = 'en'): string[] {
  const t = renderer(locale);
  const lines = [t(msg('bench.out.recommendation')), `  GOPROXY=${rec.goproxy}`];
  lines.push(rec.gosumdb === null ? `  ${t(msg('bench.out.gosumdbUnchanged'))}` : `  GOSUMDB=${rec.gosumdb}`);
  for (const reason of rec.reasons) lines.push(`  - ${t(reason)}`);
  lines.push('', t(msg('bench.out.applyWith')), `  ${applyCommand(rec)}`);
  // `goproxyctl use` applies a saved profile, which also fixes shell files that shadow go env.
  if (savedAs !== null) lines.push(`  ${t(msg('bench.out.orUse', { command: `goproxyctl use ${savedAs}` }))}`);
  else lines.push(`  ${t(msg('bench.out.orSave'))}`);
  return lines;
}
