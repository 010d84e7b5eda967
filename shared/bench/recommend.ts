// The recommended GOPROXY and GOSUMDB from a benchmark. Pure and deterministic.
//
// GOPROXY: every proxy that worked at least once, best score first (ties: candidate URL, by code
// unit), joined with "|" so that any error (timeout, 5xx, refused) fails over to the next entry;
// "," would only fall through on 404/410 (go-semantics.md §1). Proxies that answered 404/410 for
// every probe module come next: they are reachable and go falls through their "not found" with
// either separator, so they cost one round trip, never a timeout, and may well have the user's
// modules; they are never a reason to fall back to `direct`. Proxies that never answered are
// left out: behind "|" they would still cost a timeout on every fetch. `direct` is appended only
// where it helps: the user's chain had it and the version-control hosts were not found
// unreachable; and `direct` alone when no proxy works but direct does (or was not checked).
// Private modules belong in GOPRIVATE, never behind a trailing `direct`. When nothing at all
// works, the user's chain is kept: there is no evidence any change would help.
//
// GOSUMDB (for users of the public database sum.golang.org, including its sum.golang.google.cn
// alias and explicit-URL forms; GOSUMDB=off is treated the same, since a working route to the
// database is worth turning verification back on for, and private modules belong in GONOSUMDB):
//   1. sum.golang.org reachable directly                -> "sum.golang.org"
//   2. else a recommended proxy serves /sumdb/sum.golang.org -> "sum.golang.org https://<that proxy>/sumdb/sum.golang.org"
//      (the best-ranked such proxy)
//   3. else sum.golang.google.cn reachable              -> "sum.golang.google.cn"
//   4. else                                             -> null (keep the user's value) with a warning
// A user's own database (another name) is kept (null). null always means "leave GOSUMDB alone".
import type { ChainEntry } from '../go/goproxy.js';
import { formatGoproxy, parseGoproxy } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { formatDuration, type Workload } from './estimate.js';
import type { Lang } from './score.js';
import { candidateStatus, isWorking, scoreCandidate } from './score.js';
import type { CandidateSummary } from './summary.js';

export interface RecommendContext {
  /** The GOPROXY go uses now (its effective value). */
  currentGoproxy: string;
  /** The GOSUMDB go uses now (its effective value). */
  currentGosumdb: string;
  /** Candidates that are checksum databases rather than proxies (summaries of kind 'sumdb' count too). */
  sumdbCandidates?: readonly string[];
  /** Whether direct (version-control) fetches work; when absent, taken from a summary of kind 'direct'; null = not checked. */
  directReachable?: boolean | null;
  /** What the proxies are ranked for (the estimated time to fetch it); default the representative graph. */
  workload?: Workload;
  lang?: Lang;
}

export interface Recommendation {
  goproxy: string;
  /** The GOSUMDB to set, or null to leave it as it is. */
  gosumdb: string | null;
  entries: ChainEntry[];
  reasons: string[];
}

interface Ranked {
  summary: CandidateSummary;
  score: number;
  /** The estimated time for the workload; null when it never worked. */
  ms: number | null;
}

const PUBLIC_SUMDB = 'sum.golang.org';
const CHINA_SUMDB_HOST = 'sum.golang.google.cn';

function hostOf(candidate: string): string {
  const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(candidate);
  return (m ? (m[1] as string) : candidate).replace(/^[^@]*@/, '').replace(/:\d+$/, '').toLowerCase();
}

function byScoreThenUrl(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  // Equal rounded scores: the shorter estimated time first, as the benchmark's table ranks them.
  const time = (r: Ranked): number => r.ms ?? Infinity;
  if (time(a) !== time(b)) return time(a) - time(b);
  return a.summary.candidate < b.summary.candidate ? -1 : a.summary.candidate > b.summary.candidate ? 1 : 0;
}

function proxyEntry(url: string): ChainEntry {
  return { kind: 'proxy', url, fallBackOnError: true, raw: url, hasCredentials: false };
}

interface Texts {
  order(list: string): string;
  excluded(list: string): string;
  missingKept(list: string): string;
  commaWarning(): string;
  directKept(): string;
  directKeptUnchecked(): string;
  directDropped(): string;
  directOnly(checked: boolean): string;
  nothingWorks(): string;
  invalidGoproxy(error: string): string;
  sumdbDirect(): string;
  sumdbViaProxy(proxy: string): string;
  sumdbChina(): string;
  sumdbUnreachable(): string;
  sumdbUnchecked(): string;
  sumdbCustom(name: string): string;
  sumdbWasOff(): string;
  sumdbInvalid(error: string): string;
}

const EN: Texts = {
  order: (l) => `Proxies by the time go would take: ${l}; joined with "|" so any error (timeout, 5xx, refused connection) fails over to the next one.`,
  excluded: (l) => `Left out because no sample worked: ${l}.`,
  missingKept: (l) => `Kept, after the proxies that served the probe module: ${l}; reachable, but answered 404/410 for it, and go moves on from "not found" with either separator.`,
  commaWarning: () => 'Your current chain uses "," after a proxy: go falls through a "," only on 404/410, so a timeout or 5xx there stops the download.',
  directKept: () => '"direct" stays at the end: your chain had it and the version-control hosts are reachable, so a module no proxy can serve still downloads.',
  directKeptUnchecked: () => '"direct" stays at the end as in your chain; its reachability was not checked.',
  directDropped: () => '"direct" is dropped: the version-control hosts were unreachable, so it would only add a timeout. Private modules belong in GOPRIVATE.',
  directOnly: (checked) => (checked ? 'No proxy worked, but the version-control hosts are reachable: "direct" alone.' : 'No proxy worked; "direct" (not checked) is the only remaining route.'),
  nothingWorks: () => 'Nothing worked, not even direct: your GOPROXY is kept. Check the network, or HTTPS_PROXY if you are behind a corporate proxy.',
  invalidGoproxy: (e) => `Your current GOPROXY is invalid (${e}).`,
  sumdbDirect: () => 'sum.golang.org answers directly: GOSUMDB=sum.golang.org.',
  sumdbViaProxy: (p) => `sum.golang.org is unreachable, but ${p} serves the checksum database: go verifies through it.`,
  sumdbChina: () => 'sum.golang.org is unreachable and no chosen proxy serves it, but its mirror sum.golang.google.cn answers.',
  sumdbUnreachable: () => 'Warning: no route to the checksum database answered; GOSUMDB is left as it is, and go will fail to verify modules it has not seen before.',
  sumdbUnchecked: () => 'The checksum database was not probed: GOSUMDB is left as it is.',
  sumdbCustom: (n) => `You use your own checksum database (${n}): GOSUMDB is left as it is.`,
  sumdbWasOff: () => 'GOSUMDB=off disables checksum verification; a working database is available, so it is turned back on (put private modules in GONOSUMDB or GOPRIVATE).',
  sumdbInvalid: (e) => `Your current GOSUMDB is invalid (${e}).`,
};

const ZH: Texts = {
  order: (l) => `按 go 预计耗时排序的代理：${l}；用 "|" 连接，任何错误（超时、5xx、连接被拒）都会切换到下一个。`,
  excluded: (l) => `以下代理没有一次采样成功，已排除：${l}。`,
  missingKept: (l) => `保留在提供了探测模块的代理之后：${l}；它们可以连通，只是对该模块返回 404/410，而 go 遇到“未找到”时无论用哪种分隔符都会继续尝试下一个。`,
  commaWarning: () => '当前代理链在代理后使用了 ","：go 只在 404/410 时才继续尝试下一个，超时或 5xx 会直接失败。',
  directKept: () => '保留末尾的 "direct"：原配置中有它，且代码托管站点可达，代理都没有的模块仍可下载。',
  directKeptUnchecked: () => '按原配置保留末尾的 "direct"；未检测其可达性。',
  directDropped: () => '去掉 "direct"：代码托管站点不可达，它只会增加一次超时。私有模块请用 GOPRIVATE。',
  directOnly: (checked) => (checked ? '没有可用的代理，但代码托管站点可达：只使用 "direct"。' : '没有可用的代理；"direct"（未检测）是唯一剩下的途径。'),
  nothingWorks: () => '所有途径都不可用（包括 direct）：保留当前 GOPROXY。请检查网络，或在公司代理后设置 HTTPS_PROXY。',
  invalidGoproxy: (e) => `当前 GOPROXY 无效（${e}）。`,
  sumdbDirect: () => 'sum.golang.org 可以直连：GOSUMDB=sum.golang.org。',
  sumdbViaProxy: (p) => `sum.golang.org 不可达，但 ${p} 提供校验和数据库：go 将通过它校验。`,
  sumdbChina: () => 'sum.golang.org 不可达，所选代理也不提供，但其镜像 sum.golang.google.cn 可用。',
  sumdbUnreachable: () => '警告：校验和数据库的所有途径都不可用；GOSUMDB 保持不变，go 将无法校验未见过的模块。',
  sumdbUnchecked: () => '未检测校验和数据库：GOSUMDB 保持不变。',
  sumdbCustom: (n) => `你使用自己的校验和数据库（${n}）：GOSUMDB 保持不变。`,
  sumdbWasOff: () => 'GOSUMDB=off 关闭了校验；现在有可用的校验和数据库，因此重新开启（私有模块请放入 GONOSUMDB 或 GOPRIVATE）。',
  sumdbInvalid: (e) => `当前 GOSUMDB 无效（${e}）。`,
};

function describe(r: Ranked): string {
  return r.ms === null ? `${r.summary.candidate} (${r.score})` : `${r.summary.candidate} (≈ ${formatDuration(r.ms)}, score ${r.score})`;
}

function recommendGosumdb(
  context: RecommendContext,
  sumdbs: readonly CandidateSummary[],
  chosen: readonly Ranked[],
  t: Texts,
): { gosumdb: string | null; reasons: string[] } {
  const reasons: string[] = [];
  const parsed = parseGosumdb(context.currentGosumdb.trim());
  if (!parsed.ok) reasons.push(t.sumdbInvalid(parsed.error));
  else if (parsed.value.kind === 'db' && parsed.value.name !== PUBLIC_SUMDB) {
    return { gosumdb: null, reasons: [t.sumdbCustom(parsed.value.name)] };
  }
  const wasOff = parsed.ok && parsed.value.kind === 'off';
  const reach = (host: string): boolean | null => {
    const probed = sumdbs.filter((s) => hostOf(s.candidate) === host);
    return probed.length === 0 ? null : probed.some(isWorking);
  };
  const direct = reach(PUBLIC_SUMDB);
  const china = reach(CHINA_SUMDB_HOST);
  const serving = chosen.find((r) => r.summary.sumdbSupported === true);
  const advise = (value: string, why: string): { gosumdb: string | null; reasons: string[] } => ({
    gosumdb: value,
    reasons: [...reasons, ...(wasOff ? [t.sumdbWasOff()] : []), why],
  });
  if (direct === true) return advise(PUBLIC_SUMDB, t.sumdbDirect());
  if (direct === false && serving) {
    const base = serving.summary.candidate.replace(/\/+$/, '');
    return advise(`${PUBLIC_SUMDB} ${base}/sumdb/${PUBLIC_SUMDB}`, t.sumdbViaProxy(serving.summary.candidate));
  }
  if (direct === false && china === true) return advise(CHINA_SUMDB_HOST, t.sumdbChina());
  return { gosumdb: null, reasons: [...reasons, direct === null ? t.sumdbUnchecked() : t.sumdbUnreachable()] };
}

/** The recommended chain and checksum-database setting, with the reasons in words. */
export function recommendChain(results: readonly CandidateSummary[], context: RecommendContext): Recommendation {
  const t = context.lang === 'zh-CN' ? ZH : EN;
  const sumdbNames = new Set(context.sumdbCandidates ?? []);
  const isSumdb = (s: CandidateSummary): boolean => s.kind === 'sumdb' || sumdbNames.has(s.candidate);
  const proxies = results
    .filter((s) => s.kind === 'proxy' && !isSumdb(s))
    .map((summary) => {
      const { score, estimate } = scoreCandidate(summary, context.workload);
      return { summary, score, ms: estimate.ms };
    })
    .sort(byScoreThenUrl);
  const working = proxies.filter((r) => isWorking(r.summary));
  const missing = proxies.filter((r) => candidateStatus(r.summary) === 'missing-module');
  const failing = proxies.filter((r) => candidateStatus(r.summary) === 'failing');
  const kept = [...working, ...missing];
  const directSummaries = results.filter((s) => s.kind === 'direct');
  const directReachable =
    context.directReachable !== undefined ? context.directReachable : directSummaries.length === 0 ? null : directSummaries.some(isWorking);

  const reasons: string[] = [];
  const current = parseGoproxy(context.currentGoproxy.trim());
  if (!current.ok) reasons.push(t.invalidGoproxy(current.error));
  const currentEntries = current.ok ? current.value.entries : [];
  const hadDirect = currentEntries.some((e) => e.kind === 'direct');
  const usedComma = currentEntries.some((e, i) => e.kind === 'proxy' && !e.fallBackOnError && i < currentEntries.length - 1);

  let entries: ChainEntry[];
  if (kept.length > 0) {
    entries = kept.map((r) => proxyEntry(r.summary.candidate));
    if (working.length > 0) reasons.push(t.order(working.map(describe).join(', ')));
    if (missing.length > 0) reasons.push(t.missingKept(missing.map((r) => `${r.summary.candidate} (${r.summary.missingModule ?? ''})`).join(', ')));
    if (usedComma) reasons.push(t.commaWarning());
    if (hadDirect && directReachable === true) {
      entries.push({ kind: 'direct', fallBackOnError: false });
      reasons.push(t.directKept());
    } else if (hadDirect && directReachable === null) {
      entries.push({ kind: 'direct', fallBackOnError: false });
      reasons.push(t.directKeptUnchecked());
    } else if (hadDirect) {
      reasons.push(t.directDropped());
    }
  } else if (directReachable !== false) {
    entries = [{ kind: 'direct', fallBackOnError: false }];
    reasons.push(t.directOnly(directReachable === true));
  } else {
    entries = [];
    reasons.push(t.nothingWorks());
  }
  if (failing.length > 0) {
    reasons.push(t.excluded(failing.map((r) => (r.summary.error ? `${r.summary.candidate} (${r.summary.error.kind})` : r.summary.candidate)).join(', ')));
  }
  const sumdb = recommendGosumdb(context, results.filter(isSumdb), working, t);
  if (entries.length === 0) {
    return { goproxy: context.currentGoproxy, gosumdb: sumdb.gosumdb, entries: [...currentEntries], reasons: [...reasons, ...sumdb.reasons] };
  }
  return { goproxy: formatGoproxy(entries), gosumdb: sumdb.gosumdb, entries, reasons: [...reasons, ...sumdb.reasons] };
}
