// A checksum database as a candidate of its own (sum.golang.org, sum.golang.google.cn, or a
// proxy's /sumdb/sum.golang.org): `<url>/latest` must be a signed tree note.
import type { ProbeSample } from '../../../shared/bench/types.js';
import { judge, withError } from './judge.js';
import { resolveCaps, type ProbeOptionsBase } from './options.js';
import { credentialsFrom, normalizeCandidate, parseCandidate } from './probe-proxy.js';
import { checkSumdbLatest } from './protocol-checks.js';
import { runSample, stripUserinfo } from './sample-runner.js';

export type ProbeSumdbOptions = ProbeOptionsBase;

export async function probeSumdb(url: string, opts: ProbeSumdbOptions = {}): Promise<ProbeSample> {
  const parsed = parseCandidate(url);
  const base = normalizeCandidate(parsed);
  const origin = stripUserinfo(parsed);
  const caps = resolveCaps(opts.maxBodyBytes);
  return runSample({
    candidate: base,
    kind: 'sumdb',
    origin,
    credentials: credentialsFrom(parsed, opts.credentials),
    opts,
    body: async (ctx) => {
      const res = await ctx.fetch({ request: 'sumdb-latest', url: `${base}/latest`, maxBytes: caps.small });
      const err = judge(res, origin.host, (b) => checkSumdbLatest(b.toString('utf8')));
      ctx.record(withError(res.timing, err));
      return { error: err, sumdbSupported: err === null };
    },
  });
}
