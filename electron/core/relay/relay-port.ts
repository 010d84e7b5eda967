// Recognises a GOPROXY value that goes through the local relay: a loopback http entry followed by
// '|' (so go falls back to the rest on any error when the relay is down), then the chain.
import { parseGoproxy } from '../../../shared/go/goproxy.js';

/** The relay's port when `goproxy` starts with http://127.0.0.1:<port>| (or localhost), else null. */
export function relayPortOfChain(goproxy: string): number | null {
  const parsed = parseGoproxy(goproxy);
  if (!parsed.ok) return null;
  const first = parsed.value.entries[0];
  if (first?.kind !== 'proxy' || !first.fallBackOnError || parsed.value.entries.length < 2) return null;
  const m = /^http:\/\/(?:127\.0\.0\.1|localhost):(\d{1,5})$/.exec(first.url);
  const port = m ? Number(m[1]) : NaN;
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}
