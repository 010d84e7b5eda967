// Reordering a GOPROXY chain by health: the entry go tries first should be one that works.
// Working proxies go first (best score first), proxies not measured keep their relative order after
// them, failing proxies go last (kept, not dropped: they come back once they recover, and a profile's
// list of mirrors is the user's, not ours). `direct`/`off` stay at the end, where go reads them.
// Every proxy is followed by "|" so an error on one falls through to the next (a "," would only
// fall through on 404/410, go-semantics.md §1), which is the point of a repair.
import { formatGoproxy, normalizeProxyUrl, parseGoproxy, type ChainEntry } from '../go/goproxy.js';

/** What the watcher knows about one candidate from its latest probe. */
export interface CandidateHealth {
  /** A normalized proxy URL (normalizeProxyUrl) or 'direct'. */
  candidate: string;
  ok: boolean;
  /** 0..100 (shared/bench/score.ts); 0 when it failed. */
  score: number;
  /**
   * The real go's estimated time for the representative workload, the score's source
   * (shared/bench/estimate.ts); null or absent when unknown. The repair policy compares these when
   * both sides have one.
   */
  estimateMs?: number | null;
}

/** The key health is stored under: the normalized URL, or the keyword. */
export function entryKey(entry: ChainEntry): string {
  return entry.kind === 'proxy' ? normalizeProxyUrl(entry.url) : entry.kind;
}

export function candidateKey(candidate: string): string {
  return candidate === 'direct' || candidate === 'off' ? candidate : normalizeProxyUrl(candidate);
}

/** The entries go reads, or null when go would reject the value. */
export function chainEntries(goproxy: string): ChainEntry[] | null {
  const parsed = parseGoproxy(goproxy.trim());
  return parsed.ok ? parsed.value.entries : null;
}

/** The entry go tries first ('direct', 'off' or a normalized URL), or null for an invalid chain. */
export function firstEntryKey(goproxy: string): string | null {
  const first = chainEntries(goproxy)?.[0];
  return first ? entryKey(first) : null;
}

export function healthMap(health: readonly CandidateHealth[]): Map<string, CandidateHealth> {
  return new Map(health.map((h) => [candidateKey(h.candidate), h]));
}

/** The chain reordered by health, as a GOPROXY value; the input unchanged when it is invalid or already in order. */
export function reorderChain(goproxy: string, health: ReadonlyMap<string, CandidateHealth>): string {
  const entries = chainEntries(goproxy);
  if (!entries) return goproxy;
  const proxies = entries.filter((e) => e.kind === 'proxy');
  const terminal = entries.filter((e) => e.kind !== 'proxy');
  const rank = (e: ChainEntry): number => {
    const h = health.get(entryKey(e));
    return h === undefined ? 1 : h.ok ? 0 : 2;
  };
  const ordered = proxies
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ra = rank(a.e);
      const rb = rank(b.e);
      if (ra !== rb) return ra - rb;
      if (ra === 0) {
        const d = (health.get(entryKey(b.e))?.score ?? 0) - (health.get(entryKey(a.e))?.score ?? 0);
        if (d !== 0) return d;
      }
      return a.i - b.i;
    });
  // Nothing moves: the chain stays exactly as written (its separators are the user's choice).
  if (ordered.every(({ i }, n) => i === n)) return goproxy;
  const moved = ordered.map(({ e }) => ({ ...e, fallBackOnError: true }));
  const out: ChainEntry[] = [...moved, ...terminal];
  // Only proxies go before the terminal keyword, so every separator written is "|".
  if (out.length > 0) out[out.length - 1] = { ...(out[out.length - 1] as ChainEntry), fallBackOnError: false };
  return formatGoproxy(out);
}

/** Two GOPROXY values that go reads as the same chain (same entries, same separators). */
export function sameChain(a: string, b: string): boolean {
  const ea = chainEntries(a);
  const eb = chainEntries(b);
  if (!ea || !eb) return a.trim() === b.trim();
  if (ea.length !== eb.length) return false;
  return ea.every((e, i) => {
    const f = eb[i] as ChainEntry;
    // The separator after the last entry means nothing.
    const sepMatters = i < ea.length - 1;
    return entryKey(e) === entryKey(f) && (!sepMatters || e.fallBackOnError === f.fallBackOnError);
  });
}
