// The checksum-database routes a benchmark must try for real before it may advise a GOSUMDB:
// through every working proxy that answered /sumdb/<name>/supported (go would send its lookups
// there) and the URL the user's GOSUMDB names. Each is probed with a real lookup and its tile
// (probe-sumdb.ts); the recommendation only trusts routes whose lookup verified.
import { aggregateCandidate, type CandidateResult } from '../../../shared/bench/aggregate.js';
import type { CandidateSummary } from '../../../shared/bench/summary.js';
import { parseGosumdb } from '../../../shared/go/gosumdb.js';
import { normalizeProxyUrl } from '../../../shared/go/goproxy.js';
import { isWorking } from '../../../shared/bench/score.js';
import { probeSumdb, type ProbeSumdbOptions } from '../probe/probe-sumdb.js';
import type { Credentials } from '../probe/index.js';

/** The database the user verifies against (sum.golang.org when GOSUMDB is off or invalid). */
export function gosumdbName(gosumdb: string): string {
  const parsed = parseGosumdb(gosumdb.trim());
  return parsed.ok && parsed.value.kind === 'db' ? parsed.value.name : 'sum.golang.org';
}

/** Routes not probed yet: `<proxy>/sumdb/<name>` of working proxies claiming support, and GOSUMDB's own URL. */
export function sumdbRoutesToProbe(summaries: readonly CandidateSummary[], gosumdb: string): string[] {
  const name = gosumdbName(gosumdb);
  const probed = new Set(summaries.filter((s) => s.kind === 'sumdb').map((s) => s.candidate.replace(/\/+$/, '')));
  const routes: string[] = [];
  const add = (url: string): void => {
    const u = url.replace(/\/+$/, '');
    if (!probed.has(u) && !routes.includes(u)) routes.push(u);
  };
  const parsed = parseGosumdb(gosumdb.trim());
  if (parsed.ok && parsed.value.kind === 'db' && parsed.value.url) add(parsed.value.url);
  for (const s of summaries) {
    if (s.kind === 'proxy' && s.sumdbSupported === true && isWorking(s)) add(`${normalizeProxyUrl(s.candidate)}/sumdb/${name}`);
  }
  return routes;
}

export async function probeSumdbRoutes(
  summaries: readonly CandidateSummary[],
  opts: Omit<ProbeSumdbOptions, 'credentials'> & { gosumdb: string; credentialsFor?: (url: string) => Promise<Credentials | null> },
): Promise<CandidateResult[]> {
  const routes = sumdbRoutesToProbe(summaries, opts.gosumdb);
  return Promise.all(
    routes.map(async (route) => {
      const credentials = (await opts.credentialsFor?.(route.replace(/\/sumdb\/.*$/, ''))) ?? null;
      const sample = await probeSumdb(route, { ...opts, credentials, sample: 1 });
      return aggregateCandidate(route, 'sumdb', [sample.candidate === route ? sample : { ...sample, candidate: route }]);
    }),
  );
}
