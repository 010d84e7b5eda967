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
// GOSUMDB: advised only after a real lookup (/lookup/<module>@<version>, the record in a tree note
// signed by the database's key, and the tile proving it) succeeded through the route go would take.
// The database is the user's (sum.golang.org when GOSUMDB is off or invalid: verification is
// worth turning back on). With the recommended GOPROXY and no URL in GOSUMDB, go sends lookups
// to the first proxy that answered /sumdb/<name>/supported, never falling back from it, else to
// https://<name> (cmd/go/internal/modfetch/sumdb.go, initBase). So:
//   1. that route verified                       -> "<name>" (or the user's own "<name>+<key>")
//   2. else a route that verified, named explicitly (bypassing GOPROXY): https://<name>, then a
//      recommended proxy's /sumdb/<name>, then sum.golang.google.cn for sum.golang.org
//   3. else null (GOSUMDB left alone), saying plainly what go will do and the safe choices:
//      GONOSUMDB for private paths, never GOSUMDB=off as a default.
// A proxy that claims /supported but fails lookups is named as the reason go would fail.
import type { ChainEntry } from '../go/goproxy.js';
import { formatGoproxy, parseGoproxy } from '../go/goproxy.js';
import { KNOWN_GOSUMDB, parseGosumdb } from '../go/gosumdb.js';
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

// The engine's own error text (English, as the probe reports it) is quoted in backticks: it is a
// diagnostic to copy, not a sentence to translate, and the dashboard shows it as code.
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
  sumdbDirect(name: string, value: string): string;
  sumdbThroughChain(name: string, proxy: string, value: string): string;
  sumdbClaimsOnly(proxy: string, name: string, error: string): string;
  sumdbDirectExplicit(name: string): string;
  sumdbViaProxy(proxy: string, name: string): string;
  sumdbOwnRoute(url: string): string;
  sumdbOwnRouteFails(url: string, error: string): string;
  sumdbChina(): string;
  sumdbNothing(name: string, route: string, error: string | null): string;
  sumdbUnchecked(): string;
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
  sumdbDirect: (n, v) => `${n} answers directly and a lookup with its proving tile verified: GOSUMDB=${v}.`,
  sumdbThroughChain: (n, p, v) => `go sends ${n} lookups to ${p} (the first proxy of the chain serving /sumdb/${n}), and a lookup with its proving tile verified there: GOSUMDB=${v}.`,
  sumdbClaimsOnly: (p, n, e) => `${p} answers /sumdb/${n}/supported but a real lookup through it fails (${e}); go would send every lookup there and fail, so GOSUMDB must name a route that works.`,
  sumdbDirectExplicit: (n) => `${n} itself answered a lookup that verified: GOSUMDB names it with its URL, which bypasses the proxies.`,
  sumdbViaProxy: (p, n) => `${p} serves ${n} (a lookup with its proving tile verified): GOSUMDB names that route explicitly.`,
  sumdbOwnRoute: (u) => `The URL in your GOSUMDB (${u}) answered a lookup that verified: GOSUMDB stays as it is.`,
  sumdbOwnRouteFails: (u, e) => `The URL in your GOSUMDB (${u}) failed a real lookup (\`${e}\`).`,
  sumdbChina: () => 'sum.golang.org is unreachable, but its mirror sum.golang.google.cn answered a lookup that verified.',
  sumdbNothing: (n, r, e) =>
    `No route to ${n} completed a real lookup: go will stop on every module that is not already in go.sum (${r}${e ? `: \`${e}\`` : ''}). GOSUMDB is left as it is. ` +
    'Safe choices: list your private module paths in GONOSUMDB (or GOPRIVATE); keep verification on: never make GOSUMDB=off a default.',
  sumdbUnchecked: () => 'The checksum database was not probed: GOSUMDB is left as it is.',
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
  sumdbDirect: (n, v) => `${n} 可以直连，一次查询及其证明 tile 均已验证通过：GOSUMDB=${v}。`,
  sumdbThroughChain: (n, p, v) => `go 会把 ${n} 的查询发给 ${p}（代理链中第一个提供 /sumdb/${n} 的代理），在那里的一次查询及其证明 tile 均已验证通过：GOSUMDB=${v}。`,
  sumdbClaimsOnly: (p, n, e) => `${p} 对 /sumdb/${n}/supported 返回 200，但通过它的真实查询失败（${e}）；go 会把所有查询都发给它并失败，因此 GOSUMDB 必须指定可用的途径。`,
  sumdbDirectExplicit: (n) => `${n} 本身的查询验证通过：GOSUMDB 带上它的 URL，从而绕过代理。`,
  sumdbViaProxy: (p, n) => `${p} 提供 ${n}（一次查询及其证明 tile 均已验证通过）：GOSUMDB 明确指定这条途径。`,
  sumdbOwnRoute: (u) => `你的 GOSUMDB 中的 URL（${u}）查询验证通过：GOSUMDB 保持不变。`,
  sumdbOwnRouteFails: (u, e) => `你的 GOSUMDB 中的 URL（${u}）真实查询失败（\`${e}\`）。`,
  sumdbChina: () => 'sum.golang.org 不可达，但其镜像 sum.golang.google.cn 的查询验证通过。',
  sumdbNothing: (n, r, e) =>
    `没有任何到 ${n} 的途径完成真实查询：对于 go.sum 中尚未记录的模块，go 都会停止（${r}${e ? `：\`${e}\`` : ''}）。GOSUMDB 保持不变。` +
    '安全的做法：把私有模块路径列入 GONOSUMDB（或 GOPRIVATE）；保持校验开启，切勿把 GOSUMDB=off 作为默认设置。',
  sumdbUnchecked: () => '未检测校验和数据库：GOSUMDB 保持不变。',
  sumdbWasOff: () => 'GOSUMDB=off 关闭了校验；现在有可用的校验和数据库，因此重新开启（私有模块请放入 GONOSUMDB 或 GOPRIVATE）。',
  sumdbInvalid: (e) => `当前 GOSUMDB 无效（${e}）。`,
};

function describe(r: Ranked, scoreWord: string): string {
  return r.ms === null ? `${r.summary.candidate} (${r.score})` : `${r.summary.candidate} (≈ ${formatDuration(r.ms)}, ${scoreWord} ${r.score})`;
}

/** A route's verdict: true when a lookup through it verified, false when it was tried and failed, null untried. */
function routeStatus(sumdbs: readonly CandidateSummary[], url: string): { ok: boolean | null; error: string | null } {
  const probed = sumdbs.filter((s) => s.candidate.replace(/\/+$/, '') === url);
  if (probed.length === 0) return { ok: null, error: null };
  if (probed.some(isWorking)) return { ok: true, error: null };
  return { ok: false, error: probed.find((s) => s.error)?.error?.message ?? null };
}

/** Where go sends lookups with this chain and a GOSUMDB without URL: the first proxy claiming support, else the database. */
function routeGoTakes(entries: readonly ChainEntry[], proxies: readonly Ranked[], name: string): { url: string; proxy: string | null } {
  for (const e of entries) {
    if (e.kind !== 'proxy') break;
    const summary = proxies.find((r) => r.summary.candidate === e.url)?.summary;
    if (summary?.sumdbSupported === true) return { url: `${e.url.replace(/\/+$/, '')}/sumdb/${name}`, proxy: e.url };
  }
  return { url: `https://${name}`, proxy: null };
}

function recommendGosumdb(
  context: RecommendContext,
  sumdbs: readonly CandidateSummary[],
  entries: readonly ChainEntry[],
  proxies: readonly Ranked[],
  t: Texts,
): { gosumdb: string | null; reasons: string[] } {
  const reasons: string[] = [];
  const current = context.currentGosumdb.trim();
  const parsed = parseGosumdb(current);
  if (!parsed.ok) reasons.push(t.sumdbInvalid(parsed.error));
  const wasOff = parsed.ok && parsed.value.kind === 'off';
  const db = parsed.ok && parsed.value.kind === 'db' ? parsed.value : null;
  const name = db?.name ?? PUBLIC_SUMDB;
  // The value without a URL: the name when go knows its key, else the full verifier key.
  const plain = !db || KNOWN_GOSUMDB[db.name] === db.verifierKey ? name : db.verifierKey;
  const advise = (value: string, why: string): { gosumdb: string | null; reasons: string[] } => ({
    gosumdb: value,
    reasons: [...reasons, ...(wasOff ? [t.sumdbWasOff()] : []), why],
  });
  if (sumdbs.length === 0) return { gosumdb: null, reasons: [...reasons, t.sumdbUnchecked()] };

  // The user's own URL is the route go takes whatever GOPROXY says.
  if (db?.url) {
    const own = routeStatus(sumdbs, db.url.replace(/\/+$/, ''));
    if (own.ok === true) return advise(current, t.sumdbOwnRoute(db.url));
    if (own.ok === false) reasons.push(t.sumdbOwnRouteFails(db.url, own.error ?? '?'));
  }
  const goRoute = routeGoTakes(entries, proxies, name);
  const goStatus = routeStatus(sumdbs, goRoute.url);
  if (goStatus.ok === true) return advise(plain, goRoute.proxy ? t.sumdbThroughChain(name, goRoute.proxy, plain) : t.sumdbDirect(name, plain));
  if (goStatus.ok === false && goRoute.proxy) reasons.push(t.sumdbClaimsOnly(goRoute.proxy, name, goStatus.error ?? '?'));

  const alternatives: { url: string; value: string; why: string }[] = [];
  if (goRoute.proxy) alternatives.push({ url: `https://${name}`, value: `${plain} https://${name}`, why: t.sumdbDirectExplicit(name) });
  for (const r of proxies) {
    if (!entries.some((e) => e.kind === 'proxy' && e.url === r.summary.candidate)) continue;
    const url = `${r.summary.candidate.replace(/\/+$/, '')}/sumdb/${name}`;
    if (url !== goRoute.url) alternatives.push({ url, value: `${plain} ${url}`, why: t.sumdbViaProxy(r.summary.candidate, name) });
  }
  if (plain === PUBLIC_SUMDB) alternatives.push({ url: `https://${CHINA_SUMDB_HOST}`, value: CHINA_SUMDB_HOST, why: t.sumdbChina() });
  for (const alt of alternatives) {
    if (routeStatus(sumdbs, alt.url).ok === true) return advise(alt.value, alt.why);
  }
  const tried = goStatus.ok !== null || alternatives.some((a) => routeStatus(sumdbs, a.url).ok !== null);
  if (!tried) return { gosumdb: null, reasons: [...reasons, t.sumdbUnchecked()] };
  return { gosumdb: null, reasons: [...reasons, t.sumdbNothing(name, goRoute.url, goStatus.error)] };
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
  // Reachable proxies without the probe module have no time estimate (and score alike): the one
  // that answered its 404s sooner goes first, since go asks it first for every module.
  const firstByte = (r: Ranked): number => r.summary.ttfbMs?.median ?? Infinity;
  const missing = proxies.filter((r) => candidateStatus(r.summary) === 'missing-module').sort((a, b) => firstByte(a) - firstByte(b) || byScoreThenUrl(a, b));
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
    if (working.length > 0) reasons.push(t.order(working.map((r) => describe(r, context.lang === 'zh-CN' ? '得分' : 'score')).join(', ')));
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
  const sumdb = recommendGosumdb(context, results.filter(isSumdb), entries.length > 0 ? entries : currentEntries, proxies, t);
  if (entries.length === 0) {
    return { goproxy: context.currentGoproxy, gosumdb: sumdb.gosumdb, entries: [...currentEntries], reasons: [...reasons, ...sumdb.reasons] };
  }
  return { goproxy: formatGoproxy(entries), gosumdb: sumdb.gosumdb, entries, reasons: [...reasons, ...sumdb.reasons] };
}
