// The score of one benchmarked candidate, 0..100, derived from a time: how long the real go
// would take to fetch a workload through it (shared/bench/estimate.ts; docs/scoring.md has the
// model and a worked example). score = 100 × H / (H + time), H = 10 s: strictly decreasing in the
// time, 50 at 10 s, 0 when it never worked. The certificate and the checksum database do not
// change the time and so not the score; they are said in words (explainScore) and a refused
// certificate already fails every sample (go will not fetch from it).
import { describeEstimate, estimateFetch, formatDuration, GO_PARALLELISM, REPRESENTATIVE_WORKLOAD, scoreFromTime, type FetchEstimate, type Workload } from './estimate.js';
import type { CandidateSummary } from './summary.js';

export interface CandidateScore {
  score: number;
  estimate: FetchEstimate;
}

/** A certificate expiring sooner than this is warned about. */
export const CERTIFICATE_WARNING_DAYS = 14;

export type CertificateHealth = 'healthy' | 'expiring' | 'broken' | 'none';

export function certificateHealth(summary: Pick<CandidateSummary, 'tls'>): CertificateHealth {
  const tls = summary.tls;
  if (!tls) return 'none';
  if (tls.problem !== null || tls.daysToExpiry < 0) return 'broken';
  if (tls.daysToExpiry < CERTIFICATE_WARNING_DAYS) return 'expiring';
  return 'healthy';
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

/** Scores one candidate: the time for the workload, as 0..100. Pure and deterministic. */
export function scoreCandidate(summary: CandidateSummary, workload: Workload = REPRESENTATIVE_WORKLOAD): CandidateScore {
  const estimate = estimateFetch(summary, workload);
  return { score: isWorking(summary) ? scoreFromTime(estimate.ms) : 0, estimate };
}

export type Lang = 'en' | 'zh-CN';

function formatRate(bytesPerSec: number): string {
  if (bytesPerSec >= 1_000_000) return `${(bytesPerSec / 1_000_000).toFixed(1)} MB/s`;
  if (bytesPerSec >= 1_000) return `${(bytesPerSec / 1_000).toFixed(0)} kB/s`;
  return `${Math.round(bytesPerSec)} B/s`;
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1_000) return `${Math.round(n / 1_000)} kB`;
  return `${n} B`;
}

const ms = (x: number): string => `${Math.round(x)} ms`;

interface Phrases {
  total(score: number, estimate: string): string;
  neverWorked(error: string | null): string;
  setup(setup: string): string;
  requests(n: number, latency: string, parallel: number, total: string): string;
  failures(percent: number, cost: string): string;
  bytes(bytes: string, rate: string, total: string): string;
  noThroughput(): string;
  protocol(errors: number): string;
  sumdb(supported: boolean | null): string;
  certificate(health: CertificateHealth, days: number | null, problem: string | null): string | null;
}

const EN: Phrases = {
  total: (s, e) => `Score ${s} of 100: ${e}.`,
  neverWorked: (e) => `No sample worked${e ? ` (${e})` : ''}, so the score is 0 and it is left out of the recommended chain.`,
  setup: (t) => `One connection set up (name, connect, TLS): ${t}.`,
  requests: (n, l, p, t) => `${n} requests at ${l} to the first byte, ${p} at a time: ${t}.`,
  failures: (pct, c) => `${pct}% of requests failed; each costs ${c} before go moves on, plus the request again elsewhere.`,
  bytes: (b, r, t) => `${b} at ${r}: ${t}.`,
  noThroughput: () => 'Throughput was not measured (the probe module\'s zip is under 64 kB, too small to time the pipe): the bytes add nothing to the estimate.',
  protocol: (e) => `${e} response${e === 1 ? '' : 's'} broke the Go module proxy protocol (counted as failed requests).`,
  sumdb: (s) =>
    s === true ? 'Serves the checksum database (sum.golang.org) itself.' : s === false ? 'Does not serve the checksum database.' : 'Checksum database support was not checked.',
  certificate: (h, d, problem) => {
    switch (h) {
      case 'healthy':
        return `Certificate valid for ${d} more days.`;
      case 'expiring':
        return `Certificate expires in ${d} day${d === 1 ? '' : 's'}: it will soon fail.`;
      case 'broken':
        return `Certificate ${problem === null || problem === 'expired' ? 'has expired' : `is refused (${problem})`}; go will not fetch from it.`;
      case 'none':
        return null;
    }
  },
};

const ZH: Phrases = {
  total: (s, e) => `得分 ${s}/100：${e}。`,
  neverWorked: (e) => `没有一次采样成功${e ? `（${e}）` : ''}，得分为 0，不会进入推荐的代理链。`,
  setup: (t) => `建立一次连接（域名解析、连接、TLS）：${t}。`,
  requests: (n, l, p, t) => `${n} 个请求，首字节 ${l}，同时 ${p} 个：${t}。`,
  failures: (pct, c) => `${pct}% 的请求失败；每次失败耗费 ${c} 后 go 才转向下一个，并在别处重新请求。`,
  bytes: (b, r, t) => `${b}，速度 ${r}：${t}。`,
  noThroughput: () => '没有测量下载速度（探测模块的 zip 小于 64 kB，不足以测出带宽）：估算中不计字节耗时。',
  protocol: (e) => `${e} 个响应不符合 Go 模块代理协议（按失败请求计）。`,
  sumdb: (s) => (s === true ? '自身提供校验和数据库（sum.golang.org）。' : s === false ? '不提供校验和数据库。' : '未检查校验和数据库支持。'),
  certificate: (h, d, problem) => {
    switch (h) {
      case 'healthy':
        return `证书还有 ${d} 天有效。`;
      case 'expiring':
        return `证书将在 ${d} 天后过期：即将失效。`;
      case 'broken':
        return `证书${problem === null || problem === 'expired' ? '已过期' : `不被信任（${problem}）`}；go 不会从它下载。`;
      case 'none':
        return null;
    }
  },
};

/** The score in sentences: the time and where it goes, then what does not change the time. */
export function explainScore(summary: CandidateSummary, lang: Lang, workload: Workload = REPRESENTATIVE_WORKLOAD): string[] {
  const t = lang === 'zh-CN' ? ZH : EN;
  const { score, estimate } = scoreCandidate(summary, workload);
  if (!isWorking(summary)) {
    const error = summary.error ? `${summary.error.kind}: ${summary.error.message}` : null;
    return [t.total(score, describeEstimate(estimate, workload, lang)), t.neverWorked(error)];
  }
  const lines = [t.total(score, describeEstimate(estimate, workload, lang))];
  if (estimate.setupMs > 0) lines.push(t.setup(ms(estimate.setupMs)));
  lines.push(t.requests(workload.requests, ms(summary.ttfbMs?.median ?? 0), GO_PARALLELISM, formatDuration(estimate.requestsMs)));
  if (estimate.failureRate > 0) lines.push(t.failures(Math.round(estimate.failureRate * 100), formatDuration(summary.failureMs ?? 0)));
  const tp = summary.throughputBytesPerSec;
  lines.push(tp !== null && tp > 0 ? t.bytes(formatBytes(workload.bytes), formatRate(tp * GO_PARALLELISM), formatDuration(estimate.bytesMs)) : t.noThroughput());
  if (summary.protocolErrors > 0) lines.push(t.protocol(summary.protocolErrors));
  lines.push(t.sumdb(summary.sumdbSupported));
  const cert = t.certificate(certificateHealth(summary), summary.tls?.daysToExpiry ?? null, summary.tls?.problem ?? null);
  if (cert !== null) lines.push(cert);
  return lines;
}
