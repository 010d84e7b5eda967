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
import { candidateStatus, isWorking, scoreCandidate } from './score.js';
import type { CandidateSummary } from './summary.js';
import { msg, type Message } from '../i18n/message.js';
import { kindMessage, listMessage } from './words.js';

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
}

export interface Recommendation {
  goproxy: string;
  /** The GOSUMDB to set, or null to leave it as it is. */
  gosumdb: string | null;
  entries: ChainEntry[];
  /** Why, as messages: each front end renders them in its user's language. */
  reasons: Message[];
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

/** A proxy in the ranked list: "url (≈ 4.2 s, score 87)". */
function describe(r: Ranked): Message {
  return r.ms === null ? msg('bench.reason.unranked', { candidate: r.summary.candidate, score: r.score }) : msg('bench.reason.ranked', { candidate: r.summary.candidate, time: formatDuration(r.ms), score: r.score });
}

/** A route's verdict: true when a lookup through it verified, false when it was tried and failed, null untried. */
function routeStatus(sumdbs: readonly CandidateSummary[], url: string): { ok: boolean | null; error: Message | null } {
  const probed = sumdbs.filter((s) => s.candidate.replace(/\/+$/, '') === url);
  if (probed.length === 0) return { ok: null, error: null };
  if (probed.some(isWorking)) return { ok: true, error: null };
  return { ok: false, error: probed.find((s) => s.error)?.error?.messageMessage ?? null };
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
): { gosumdb: string | null; reasons: Message[] } {
  const reasons: Message[] = [];
  const current = context.currentGosumdb.trim();
  const parsed = parseGosumdb(current);
  if (!parsed.ok) reasons.push(msg('bench.reason.sumdbInvalid', { error: parsed.error }));
  const wasOff = parsed.ok && parsed.value.kind === 'off';
  const db = parsed.ok && parsed.value.kind === 'db' ? parsed.value : null;
  const name = db?.name ?? PUBLIC_SUMDB;
  // The value without a URL: the name when go knows its key, else the full verifier key.
  const plain = !db || KNOWN_GOSUMDB[db.name] === db.verifierKey ? name : db.verifierKey;
  const advise = (value: string, why: Message): { gosumdb: string | null; reasons: Message[] } => ({
    gosumdb: value,
    reasons: [...reasons, ...(wasOff ? [msg('bench.reason.sumdbWasOff')] : []), why],
  });
  if (sumdbs.length === 0) return { gosumdb: null, reasons: [...reasons, msg('bench.reason.sumdbUnchecked')] };

  // The user's own URL is the route go takes whatever GOPROXY says.
  if (db?.url) {
    const own = routeStatus(sumdbs, db.url.replace(/\/+$/, ''));
    if (own.ok === true) return advise(current, msg('bench.reason.sumdbOwnRoute', { url: db.url }));
    if (own.ok === false) reasons.push(msg('bench.reason.sumdbOwnRouteFails', { url: db.url, error: own.error ?? msg('bench.reason.unknownError') }));
  }
  const goRoute = routeGoTakes(entries, proxies, name);
  const goStatus = routeStatus(sumdbs, goRoute.url);
  if (goStatus.ok === true) return advise(plain, goRoute.proxy ? msg('bench.reason.sumdbThroughChain', { name, proxy: goRoute.proxy, value: plain }) : msg('bench.reason.sumdbDirect', { name, value: plain }));
  if (goStatus.ok === false && goRoute.proxy) reasons.push(msg('bench.reason.sumdbClaimsOnly', { proxy: goRoute.proxy, name, error: goStatus.error ?? msg('bench.reason.unknownError') }));

  const alternatives: { url: string; value: string; why: Message }[] = [];
  if (goRoute.proxy) alternatives.push({ url: `https://${name}`, value: `${plain} https://${name}`, why: msg('bench.reason.sumdbDirectExplicit', { name }) });
  for (const r of proxies) {
    if (!entries.some((e) => e.kind === 'proxy' && e.url === r.summary.candidate)) continue;
    const url = `${r.summary.candidate.replace(/\/+$/, '')}/sumdb/${name}`;
    if (url !== goRoute.url) alternatives.push({ url, value: `${plain} ${url}`, why: msg('bench.reason.sumdbViaProxy', { proxy: r.summary.candidate, name }) });
  }
  if (plain === PUBLIC_SUMDB) alternatives.push({ url: `https://${CHINA_SUMDB_HOST}`, value: CHINA_SUMDB_HOST, why: msg('bench.reason.sumdbChina') });
  for (const alt of alternatives) {
    if (routeStatus(sumdbs, alt.url).ok === true) return advise(alt.value, alt.why);
  }
  const tried = goStatus.ok !== null || alternatives.some((a) => routeStatus(sumdbs, a.url).ok !== null);
  if (!tried) return { gosumdb: null, reasons: [...reasons, msg('bench.reason.sumdbUnchecked')] };
  const nothing = goStatus.error ? msg('bench.reason.sumdbNothingBecause', { name, route: goRoute.url, error: goStatus.error }) : msg('bench.reason.sumdbNothing', { name, route: goRoute.url });
  return { gosumdb: null, reasons: [...reasons, nothing] };
}

/** The recommended chain and checksum-database setting, with the reasons as messages. */
export function recommendChain(results: readonly CandidateSummary[], context: RecommendContext): Recommendation {
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

  const reasons: Message[] = [];
  const current = parseGoproxy(context.currentGoproxy.trim());
  if (!current.ok) reasons.push(msg('bench.reason.invalidGoproxy', { error: current.error }));
  const currentEntries = current.ok ? current.value.entries : [];
  const hadDirect = currentEntries.some((e) => e.kind === 'direct');
  const usedComma = currentEntries.some((e, i) => e.kind === 'proxy' && !e.fallBackOnError && i < currentEntries.length - 1);

  let entries: ChainEntry[];
  if (kept.length > 0) {
    entries = kept.map((r) => proxyEntry(r.summary.candidate));
    if (working.length > 0) reasons.push(msg('bench.reason.order', { list: listMessage(working.map(describe)) }));
    if (missing.length > 0) reasons.push(msg('bench.reason.missingKept', { list: listMessage(missing.map((r) => msg('bench.reason.withModule', { candidate: r.summary.candidate, module: r.summary.missingModule ?? '' }))) }));
    if (usedComma) reasons.push(msg('bench.reason.commaWarning'));
    if (hadDirect && directReachable === true) {
      entries.push({ kind: 'direct', fallBackOnError: false });
      reasons.push(msg('bench.reason.directKept'));
    } else if (hadDirect && directReachable === null) {
      entries.push({ kind: 'direct', fallBackOnError: false });
      reasons.push(msg('bench.reason.directKeptUnchecked'));
    } else if (hadDirect) {
      reasons.push(msg('bench.reason.directDropped'));
    }
  } else if (directReachable !== false) {
    entries = [{ kind: 'direct', fallBackOnError: false }];
    reasons.push(msg(directReachable === true ? 'bench.reason.directOnly' : 'bench.reason.directOnlyUnchecked'));
  } else {
    entries = [];
    reasons.push(msg('bench.reason.nothingWorks'));
  }
  if (failing.length > 0) {
    const excluded = failing.map((r) => (r.summary.error ? msg('bench.reason.withKind', { candidate: r.summary.candidate, kind: kindMessage(r.summary.error.kind) }) : r.summary.candidate));
    reasons.push(msg('bench.reason.excluded', { list: listMessage(excluded) }));
  }
  const sumdb = recommendGosumdb(context, results.filter(isSumdb), entries.length > 0 ? entries : currentEntries, proxies);
  if (entries.length === 0) {
    return { goproxy: context.currentGoproxy, gosumdb: sumdb.gosumdb, entries: [...currentEntries], reasons: [...reasons, ...sumdb.reasons] };
  }
  return { goproxy: formatGoproxy(entries), gosumdb: sumdb.gosumdb, entries, reasons: [...reasons, ...sumdb.reasons] };
}
