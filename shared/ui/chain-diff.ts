// What applying a recommendation would change, entry by entry: the Benchmark view shows this
// before the user presses Apply. Entries are compared by the URL go fetches from (normalized),
// so "goproxy.cn" and "https://goproxy.cn/" are the same entry.
import { normalizeProxyUrl, parseGoproxy, type ChainEntry } from '../go/goproxy.js';

export type EntryChange = 'same' | 'moved' | 'added' | 'removed' | 'separator';

export interface ChainDiffRow {
  /** The entry as it will be written (or as it was, for a removed one). */
  entry: string;
  change: EntryChange;
  /** 1-based positions; null where the entry is absent. */
  from: number | null;
  to: number | null;
  /** The separator after the entry ('' for the last one), before and after. */
  separatorFrom: ',' | '|' | '' | null;
  separatorTo: ',' | '|' | '' | null;
}

export interface ChainDiff {
  rows: ChainDiffRow[];
  /** Nothing changes in GOPROXY (GOSUMDB is compared separately). */
  unchanged: boolean;
  gosumdb: { from: string; to: string } | null;
}

interface Keyed {
  key: string;
  shown: string;
  separator: ',' | '|' | '';
}

function keyed(goproxy: string): Keyed[] {
  const parsed = parseGoproxy(goproxy);
  if (!parsed.ok) return [];
  return parsed.value.entries.map((e: ChainEntry, i, all) => ({
    key: e.kind === 'proxy' ? normalizeProxyUrl(e.url) : e.kind,
    shown: e.kind === 'proxy' ? normalizeProxyUrl(e.url) : e.kind,
    separator: i === all.length - 1 ? '' : e.fallBackOnError ? '|' : ',',
  }));
}

/** The rows in the new order, then the removed entries; gosumdb null = left as it is. */
export function diffChains(current: { goproxy: string; gosumdb: string }, next: { goproxy: string; gosumdb: string | null }): ChainDiff {
  const before = keyed(current.goproxy);
  const after = keyed(next.goproxy);
  const rows: ChainDiffRow[] = after.map((e, i) => {
    const j = before.findIndex((b) => b.key === e.key);
    if (j < 0) return { entry: e.shown, change: 'added', from: null, to: i + 1, separatorFrom: null, separatorTo: e.separator };
    const old = before[j]!;
    const change: EntryChange = j !== i ? 'moved' : old.separator !== e.separator ? 'separator' : 'same';
    return { entry: e.shown, change, from: j + 1, to: i + 1, separatorFrom: old.separator, separatorTo: e.separator };
  });
  before.forEach((b, j) => {
    if (!after.some((a) => a.key === b.key)) rows.push({ entry: b.shown, change: 'removed', from: j + 1, to: null, separatorFrom: b.separator, separatorTo: null });
  });
  const gosumdb = next.gosumdb !== null && next.gosumdb !== current.gosumdb ? { from: current.gosumdb, to: next.gosumdb } : null;
  return { rows, unchanged: rows.every((r) => r.change === 'same'), gosumdb };
}
