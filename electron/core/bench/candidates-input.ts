// The proxies a user typed (the CLI's --proxies, the Benchmark view's list), as benchmark
// candidates: one rule for both front ends. Here, not in shared/, because it parses with the
// WHATWG URL parser that go's own url.Parse agrees with on these simple base URLs.
import { normalizeProxyUrl, withDefaultScheme } from '../../../shared/go/goproxy.js';
import type { BenchCandidate } from '../../../shared/bench/catalog.js';

/**
 * `direct` is allowed; anything else must be an http(s) proxy base URL.
 * A bad entry is named without its password (an entry with "@" is never echoed).
 */
export function candidatesFromList(entries: readonly string[]): { ok: true; candidates: BenchCandidate[] } | { ok: false; error: string } {
  const candidates: BenchCandidate[] = [];
  const typed = entries.map((e) => e.trim()).filter((e) => e !== '');
  if (typed.length === 0) return { ok: false, error: 'give at least one proxy URL, e.g. https://goproxy.cn' };
  for (const entry of typed) {
    if (entry === 'direct') {
      candidates.push({ url: 'direct', kind: 'direct' });
      continue;
    }
    const shown = entry.includes('@') ? 'an entry' : `"${entry}"`;
    let url: URL;
    try {
      url = new URL(withDefaultScheme(entry));
    } catch {
      return { ok: false, error: `${shown} is not a URL; give proxy base URLs such as https://goproxy.cn` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `${shown} is not an http(s) URL; give proxy base URLs such as https://goproxy.cn` };
    if (url.hostname === '') return { ok: false, error: `${shown} has no host; give proxy base URLs such as https://goproxy.cn` };
    if (url.search !== '' || url.hash !== '') return { ok: false, error: `${shown} has a query or fragment, which go would not keep; give the proxy's base URL` };
    candidates.push({ url: normalizeProxyUrl(entry), kind: 'proxy' });
  }
  return { ok: true, candidates };
}
