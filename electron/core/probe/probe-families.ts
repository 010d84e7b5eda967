// IPv4 and IPv6 measured apart: a host whose AAAA record points at a dead route makes go wait
// for the fallback, and only a per-family probe shows it.
import { lookup } from 'node:dns/promises';
import type { ProbeSample } from '../../../shared/bench/types.js';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';
import { parseCandidate, probeProxy, type ProbeProxyOptions } from './probe-proxy.js';

/** The address families the first hop (the candidate, or the HTTPS_PROXY in front of it) has. */
export async function familiesOf(candidate: string, env: NodeJS.ProcessEnv = process.env): Promise<(4 | 6)[]> {
  const url = parseCandidate(candidate);
  const proxy = proxyForUrl(url.href, env);
  const host = (proxy ? new URL(proxy) : url).hostname.replace(/^\[|\]$/g, '');
  try {
    const addrs = await lookup(host, { all: true });
    const fams = new Set(addrs.map((a) => a.family));
    return ([4, 6] as const).filter((f) => fams.has(f));
  } catch {
    return [];
  }
}

/** One sample per address family the host has (one failing sample when it has none). */
export async function probeFamilies(candidate: string, opts: Omit<ProbeProxyOptions, 'family'>): Promise<ProbeSample[]> {
  const families = await familiesOf(candidate, opts.env);
  if (families.length === 0) return [await probeProxy(candidate, { ...opts, family: null })];
  const out: ProbeSample[] = [];
  // One after the other: two samples competing for the same link would skew each other.
  for (const family of families) out.push(await probeProxy(candidate, { ...opts, family }));
  return out;
}
