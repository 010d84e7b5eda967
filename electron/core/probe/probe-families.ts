// IPv4 and IPv6 measured apart: a host whose AAAA record points at a dead route makes go wait
// for the fallback, and only a per-family probe shows it.
import { lookup } from 'node:dns/promises';
import type { ProbeSample } from '../../../shared/bench/types.js';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';
import { hostsEntry } from './connector.js';
import { withDeadline } from './deadline.js';
import { resolveTimeouts } from './options.js';
import { parseCandidate, probeProxy, type ProbeProxyOptions } from './probe-proxy.js';

/** The address families the first hop (the candidate, or the HTTPS_PROXY in front of it) has. */
export async function familiesOf(candidate: string, env: NodeJS.ProcessEnv = process.env, hosts: Record<string, readonly string[]> = {}, dnsMs = resolveTimeouts(undefined).dnsMs): Promise<(4 | 6)[]> {
  const url = parseCandidate(candidate);
  const proxy = proxyForUrl(url.href, env);
  const host = (proxy ? new URL(proxy) : url).hostname.replace(/^\[|\]$/g, '');
  try {
    // Within the DNS deadline: a resolver that never answers is the probe's to report, not ours to wait on.
    const addrs = hostsEntry(host, null, hosts) ?? (await withDeadline(lookup(host, { all: true }), dnsMs, () => new Error('DNS lookup timed out')));
    const fams = new Set(addrs.map((a) => a.family));
    return ([4, 6] as const).filter((f) => fams.has(f));
  } catch {
    return [];
  }
}

/** One sample per address family the host has (one failing sample when it has none). */
export async function probeFamilies(candidate: string, opts: Omit<ProbeProxyOptions, 'family'> & { skipFamilies?: readonly ('ipv4' | 'ipv6')[] }): Promise<ProbeSample[]> {
  const { skipFamilies = [], ...probeOpts } = opts;
  const found = await familiesOf(candidate, opts.env, opts.hosts, resolveTimeouts(opts.timeouts).dnsMs);
  // A family already declared dead (one deadline paid) is not paid for again in later samples.
  const live = found.filter((f) => !skipFamilies.includes(f === 4 ? 'ipv4' : 'ipv6'));
  const families = live.length > 0 ? live : found;
  if (families.length === 0) return [await probeProxy(candidate, { ...probeOpts, family: null })];
  const out: ProbeSample[] = [];
  // One after the other: two samples competing for the same link would skew each other.
  for (const family of families) out.push(await probeProxy(candidate, { ...probeOpts, family }));
  return out;
}
