// The proxies a user typed (the CLI's --proxies, the Benchmark view's list), as benchmark
// candidates: one rule for both front ends. Here, not in shared/, because it parses with the
// WHATWG URL parser that go's own url.Parse agrees with on these simple base URLs.
import { normalizeProxyUrl, withDefaultScheme } from '../../../shared/go/goproxy.js';
import type { BenchCandidate } from '../../../shared/bench/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

/**
 * `direct` is allowed; anything else must be an http(s) proxy base URL.
 * A bad entry is named without its password (an entry with "@" is never echoed).
 */
export function candidatesFromList(entries: readonly string[]): { ok: true; candidates: BenchCandidate[] } | { ok: false; error: Message } {
  const candidates: BenchCandidate[] = [];
  const typed = entries.map((e) => e.trim()).filter((e) => e !== '');
  if (typed.length === 0) return { ok: false, error: msg('bench.input.noProxies') };
  for (const entry of typed) {
    if (entry === 'direct') {
      candidates.push({ url: 'direct', kind: 'direct' });
      continue;
    }
    const shown = entry.includes('@') ? msg('bench.input.anEntry') : msg('bench.input.quoted', { entry });
    let url: URL;
    try {
      url = new URL(withDefaultScheme(entry));
    } catch {
      return { ok: false, error: msg('bench.input.notUrl', { entry: shown }) };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: msg('bench.input.notHttp', { entry: shown }) };
    if (url.hostname === '') return { ok: false, error: msg('bench.input.noHost', { entry: shown }) };
    if (url.search !== '' || url.hash !== '') return { ok: false, error: msg('bench.input.queryOrFragment', { entry: shown }) };
    candidates.push({ url: normalizeProxyUrl(entry), kind: 'proxy' });
  }
  return { ok: true, candidates };
}
