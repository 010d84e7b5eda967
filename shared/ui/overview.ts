// The Overview's "health at a glance": how many entries of the active chain answered at their
// latest check, and which ones failed. Only entries go can probe (proxies) count.
import type { ChainEntryView, EntryHealthView } from '../contract/state.js';
import { normalizeProxyUrl } from '../go/goproxy.js';

export interface ChainHealthSummary {
  /** Proxies in the chain. */
  total: number;
  /** Proxies with a measurement. */
  checked: number;
  ok: number;
  failing: { url: string; error: string | null }[];
}

export function chainHealthSummary(chain: readonly ChainEntryView[], health: Readonly<Record<string, EntryHealthView | undefined>>): ChainHealthSummary {
  const proxies = chain.flatMap((e) => (e.kind === 'proxy' ? [normalizeProxyUrl(e.url)] : []));
  const unique = [...new Set(proxies)];
  let checked = 0;
  let ok = 0;
  const failing: ChainHealthSummary['failing'] = [];
  for (const url of unique) {
    const h = health[url];
    if (h === undefined) continue;
    checked++;
    if (h.ok) ok++;
    else failing.push({ url, error: h.error });
  }
  return { total: unique.length, checked, ok, failing };
}
