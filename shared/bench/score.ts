// The score of one benchmarked candidate, 0..100, and its explanation in words.
//
// Formula (also in docs/scoring.md). Seven parts, maxima summing to 100:
//   success      35 × successRate
//   ttfbMedian   20 × R / (R + medianTtfbMs)          R = 150 ms (half the points at 150 ms)
//   ttfbP90      10 × R / (R + p90TtfbMs)             R = 150 ms
//   throughput   20 × T / (T + B)                      T = bytes/s of the capped .zip read,
//                                                     B = 1,000,000 B/s (half the points at 1 MB/s); unmeasured: 0
//   protocol      5 / (1 + protocolErrors)             every non-conforming response halves, thirds, ... it
//   sumdb         5 if <proxy>/sumdb/sum.golang.org/supported answered 200, else 0
//   certificate   5 if valid for >= 14 more days; 0 if it expires within 14 days (small penalty) or
//                 the candidate is plain http; -50 if expired or otherwise refused (self-signed, wrong
//                 host, untrusted) (heavy penalty)
//   score = clamp(sum, 1, 100) when successRate > 0; 0 when nothing ever worked.
//
// Why this shape: success rate dominates because a proxy that fails sends `go` down the chain (or,
// behind a comma, stops it). First-byte time weighs more than throughput because `go mod download`
// of a real graph is hundreds of small .info/.mod requests and only a few large zips. The latency
// and throughput curves are hyperbolic (R / (R + x)), so every millisecond and every byte/s counts
// (strictly monotonic) but the score never goes negative and there is no cliff at an arbitrary
// cut-off. The floor of 1 for a working candidate guarantees any working candidate ranks above any
// failing one whatever its certificate. Points are rounded to 0.1 so output is stable.
import type { CandidateSummary } from './summary.js';

export type ScoreFactor = 'success' | 'ttfbMedian' | 'ttfbP90' | 'throughput' | 'protocol' | 'sumdb' | 'certificate';

export interface ScorePart {
  factor: ScoreFactor;
  /** Points earned (the certificate part can be negative). */
  points: number;
  /** The most this part can earn. */
  max: number;
}

export interface CandidateScore {
  score: number;
  parts: ScorePart[];
}

export const SCORE_WEIGHTS: Readonly<Record<ScoreFactor, number>> = {
  success: 35,
  ttfbMedian: 20,
  ttfbP90: 10,
  throughput: 20,
  protocol: 5,
  sumdb: 5,
  certificate: 5,
};
/** First-byte time that earns half of a latency part's points. */
export const LATENCY_HALF_POINTS_MS = 150;
/** Throughput that earns half of the throughput points (1 MB/s). */
export const THROUGHPUT_HALF_POINTS_BYTES_PER_SEC = 1_000_000;
/** A certificate expiring sooner than this loses its points. */
export const CERTIFICATE_WARNING_DAYS = 14;
/** Points for an expired or refused certificate. */
export const CERTIFICATE_BROKEN_POINTS = -50;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A value in [0, 1] that halves at `half` and falls strictly as `x` grows. */
function decreasing(x: number, half: number): number {
  return half / (half + Math.max(0, x));
}

export type CertificateHealth = 'healthy' | 'expiring' | 'broken' | 'none';

export function certificateHealth(summary: Pick<CandidateSummary, 'tls'>): CertificateHealth {
  const tls = summary.tls;
  if (!tls) return 'none';
  if (tls.problem !== null || tls.daysToExpiry < 0) return 'broken';
  if (tls.daysToExpiry < CERTIFICATE_WARNING_DAYS) return 'expiring';
  return 'healthy';
}

function certificatePoints(health: CertificateHealth): number {
  switch (health) {
    case 'healthy':
      return SCORE_WEIGHTS.certificate;
    case 'broken':
      return CERTIFICATE_BROKEN_POINTS;
    case 'expiring':
    case 'none':
      return 0;
  }
}

/** True when at least one sample worked: the gate between "ranked" and "score 0". */
export function isWorking(summary: Pick<CandidateSummary, 'successRate'>): boolean {
  return summary.successRate > 0;
}

/**
 * working: a sample got a module through it; missing-module: it answers, but 404/410 for every
 * module asked for (shown amber, "reachable, does not have <module>": never failing, and kept in
 * the recommended chain, since go falls through a 404/410 with either separator); failing: the rest.
 */
export type CandidateStatus = 'working' | 'missing-module' | 'failing';

export function candidateStatus(summary: Pick<CandidateSummary, 'successRate' | 'error' | 'missingModule'>): CandidateStatus {
  if (isWorking(summary)) return 'working';
  if (summary.missingModule && summary.error?.kind === 'not-found') return 'missing-module';
  return 'failing';
}

/** Working, or reachable without the probe module: go can use it. */
export function isReachable(summary: Pick<CandidateSummary, 'successRate' | 'error' | 'missingModule'>): boolean {
  return candidateStatus(summary) !== 'failing';
}

/** Scores one candidate with the formula above. Pure and deterministic. */
export function scoreCandidate(summary: CandidateSummary): CandidateScore {
  const w = SCORE_WEIGHTS;
  if (!isWorking(summary)) {
    const parts = (Object.keys(w) as ScoreFactor[]).map((factor) => ({ factor, points: 0, max: w[factor] }));
    return { score: 0, parts };
  }
  const ttfb = summary.ttfbMs;
  const tp = summary.throughputBytesPerSec;
  const raw: Record<ScoreFactor, number> = {
    success: w.success * Math.min(1, summary.successRate),
    ttfbMedian: ttfb ? w.ttfbMedian * decreasing(ttfb.median, LATENCY_HALF_POINTS_MS) : 0,
    ttfbP90: ttfb ? w.ttfbP90 * decreasing(ttfb.p90, LATENCY_HALF_POINTS_MS) : 0,
    throughput: tp !== null && tp > 0 ? w.throughput * (tp / (tp + THROUGHPUT_HALF_POINTS_BYTES_PER_SEC)) : 0,
    protocol: w.protocol / (1 + Math.max(0, summary.protocolErrors)),
    sumdb: summary.sumdbSupported === true ? w.sumdb : 0,
    certificate: certificatePoints(certificateHealth(summary)),
  };
  const parts = (Object.keys(w) as ScoreFactor[]).map((factor) => ({ factor, points: round1(raw[factor]), max: w[factor] }));
  const sum = (Object.values(raw) as number[]).reduce((a, b) => a + b, 0);
  return { score: round1(Math.min(100, Math.max(1, sum))), parts };
}

export type Lang = 'en' | 'zh-CN';

function formatRate(bytesPerSec: number): string {
  if (bytesPerSec >= 1_000_000) return `${(bytesPerSec / 1_000_000).toFixed(1)} MB/s`;
  if (bytesPerSec >= 1_000) return `${(bytesPerSec / 1_000).toFixed(0)} kB/s`;
  return `${Math.round(bytesPerSec)} B/s`;
}

const ms = (x: number): string => `${Math.round(x)} ms`;
const pts = (p: ScorePart): string => `${p.points}/${p.max}`;

interface Phrases {
  total(score: number): string;
  neverWorked(error: string | null): string;
  success(rate: number, samples: number, p: ScorePart): string;
  ttfb(median: number, p90: number, a: ScorePart, b: ScorePart): string;
  noTtfb(): string;
  throughput(bps: number, p: ScorePart): string;
  noThroughput(): string;
  protocol(errors: number, p: ScorePart): string;
  sumdb(supported: boolean | null, p: ScorePart): string;
  certificate(health: CertificateHealth, days: number | null, problem: string | null, p: ScorePart): string;
}

const EN: Phrases = {
  total: (s) => `Score ${s} of 100.`,
  neverWorked: (e) => `No sample worked${e ? ` (${e})` : ''}, so the score is 0 and it is left out of the recommended chain.`,
  success: (r, n, p) => `${Math.round(r * 100)}% of ${n} sample${n === 1 ? '' : 's'} succeeded: ${pts(p)} points.`,
  ttfb: (m, q, a, b) => `First byte after ${ms(m)} (median, ${pts(a)} points) and ${ms(q)} (p90, ${pts(b)} points).`,
  noTtfb: () => 'No first-byte time was measured: 0 latency points.',
  throughput: (t, p) => `Downloads at ${formatRate(t)}: ${pts(p)} points.`,
  noThroughput: () => 'Throughput was not measured (no module zip was read): 0 throughput points.',
  protocol: (e, p) =>
    e === 0 ? `Every response followed the Go module proxy protocol: ${pts(p)} points.` : `${e} response${e === 1 ? '' : 's'} broke the Go module proxy protocol: ${pts(p)} points.`,
  sumdb: (s, p) =>
    s === true
      ? `Serves the checksum database (sum.golang.org) itself: ${pts(p)} points.`
      : s === false
        ? `Does not serve the checksum database: ${pts(p)} points.`
        : `Checksum database support was not checked: ${pts(p)} points.`,
  certificate: (h, d, problem, p) => {
    switch (h) {
      case 'healthy':
        return `Certificate valid for ${d} more days: ${pts(p)} points.`;
      case 'expiring':
        return `Certificate expires in ${d} day${d === 1 ? '' : 's'}: ${pts(p)} points (a warning: it will soon fail).`;
      case 'broken':
        return `Certificate ${problem === null || problem === 'expired' ? 'has expired' : `is refused (${problem})`}: ${p.points} points; go will not fetch from it.`;
      case 'none':
        return `Plain http, no certificate: ${pts(p)} points.`;
    }
  },
};

const ZH: Phrases = {
  total: (s) => `得分 ${s}/100。`,
  neverWorked: (e) => `没有一次采样成功${e ? `（${e}）` : ''}，得分为 0，不会进入推荐的代理链。`,
  success: (r, n, p) => `${n} 次采样中成功 ${Math.round(r * 100)}%：${pts(p)} 分。`,
  ttfb: (m, q, a, b) => `首字节时间中位数 ${ms(m)}（${pts(a)} 分），p90 ${ms(q)}（${pts(b)} 分）。`,
  noTtfb: () => '没有测到首字节时间：延迟得 0 分。',
  throughput: (t, p) => `下载速度 ${formatRate(t)}：${pts(p)} 分。`,
  noThroughput: () => '没有测到下载速度（未读取模块 zip）：吞吐量得 0 分。',
  protocol: (e, p) => (e === 0 ? `所有响应都符合 Go 模块代理协议：${pts(p)} 分。` : `${e} 个响应不符合 Go 模块代理协议：${pts(p)} 分。`),
  sumdb: (s, p) =>
    s === true ? `自身提供校验和数据库（sum.golang.org）：${pts(p)} 分。` : s === false ? `不提供校验和数据库：${pts(p)} 分。` : `未检查校验和数据库支持：${pts(p)} 分。`,
  certificate: (h, d, problem, p) => {
    switch (h) {
      case 'healthy':
        return `证书还有 ${d} 天有效：${pts(p)} 分。`;
      case 'expiring':
        return `证书将在 ${d} 天后过期：${pts(p)} 分（警告：即将失效）。`;
      case 'broken':
        return `证书${problem === null || problem === 'expired' ? '已过期' : `不被信任（${problem}）`}：${p.points} 分；go 不会从它下载。`;
      case 'none':
        return `明文 http，没有证书：${pts(p)} 分。`;
    }
  },
};

function part(parts: readonly ScorePart[], factor: ScoreFactor): ScorePart {
  const found = parts.find((p) => p.factor === factor);
  if (!found) throw new Error(`score part ${factor} missing`);
  return found;
}

/** The score in sentences, one per part, in English or Simplified Chinese. */
export function explainScore(summary: CandidateSummary, lang: Lang): string[] {
  const t = lang === 'zh-CN' ? ZH : EN;
  const { score, parts } = scoreCandidate(summary);
  if (!isWorking(summary)) {
    const error = summary.error ? `${summary.error.kind}: ${summary.error.message}` : null;
    return [t.total(score), t.neverWorked(error)];
  }
  const lines = [t.total(score), t.success(summary.successRate, summary.samples, part(parts, 'success'))];
  lines.push(summary.ttfbMs ? t.ttfb(summary.ttfbMs.median, summary.ttfbMs.p90, part(parts, 'ttfbMedian'), part(parts, 'ttfbP90')) : t.noTtfb());
  const tp = summary.throughputBytesPerSec;
  lines.push(tp !== null && tp > 0 ? t.throughput(tp, part(parts, 'throughput')) : t.noThroughput());
  lines.push(t.protocol(summary.protocolErrors, part(parts, 'protocol')));
  lines.push(t.sumdb(summary.sumdbSupported, part(parts, 'sumdb')));
  const health = certificateHealth(summary);
  lines.push(t.certificate(health, summary.tls?.daysToExpiry ?? null, summary.tls?.problem ?? null, part(parts, 'certificate')));
  return lines;
}
