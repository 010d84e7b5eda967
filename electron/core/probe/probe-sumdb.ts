// A checksum-database route as a candidate of its own (sum.golang.org, sum.golang.google.cn, the
// URL in GOSUMDB, or a proxy's /sumdb/<name>): `<url>/latest` must be a tree note signed by the
// database's key, and, given a module, a real lookup must work as go's sumdb client does it
// (/lookup/<module>@<version>, the record inside that signed tree, and the tile that proves the
// record). A proxy answering /sumdb/<name>/supported proves nothing until such a lookup succeeds.
import type { ProbeSample } from '../../../shared/bench/types.js';
import { KNOWN_GOSUMDB, parseGosumdb } from '../../../shared/go/gosumdb.js';
import type { ProbeFailure } from '../../../shared/bench/types.js';
import { lookupAndProve, type SumdbFetch } from '../sumdb/route.js';
import { openTreeNote } from '../sumdb/verify.js';
import { makeFailure } from './failure.js';
import { judge, withError } from './judge.js';
import { resolveCaps, type ProbeOptionsBase } from './options.js';
import { credentialsFrom, normalizeCandidate, parseCandidate, type ModuleRef } from './probe-proxy.js';
import { checkSumdbLatest } from './protocol-checks.js';
import { runSample, stripUserinfo } from './sample-runner.js';
import { msg } from '../../../shared/i18n/message.js';

export interface ProbeSumdbOptions extends ProbeOptionsBase {
  /** Looked up through the route; without it only the signed tree head is checked. */
  module?: ModuleRef;
  /** The user's GOSUMDB: its verifier key is used when it names the same database. */
  gosumdb?: string;
}

/** The database a route serves: the <name> of ".../sumdb/<name>", else the host (sum.golang.google.cn is sum.golang.org). */
export function sumdbNameOf(url: URL): string {
  const m = /\/sumdb\/([^/]+(?:\/[^/]+)*?)\/?$/.exec(url.pathname);
  if (m) return m[1]!;
  return url.hostname === 'sum.golang.google.cn' ? 'sum.golang.org' : url.host;
}

/** The verifier key for `name`: the user's (when their GOSUMDB names it), else go's known key. */
export function verifierKeyFor(name: string, gosumdb: string | undefined): string | null {
  const parsed = gosumdb === undefined ? null : parseGosumdb(gosumdb.trim());
  if (parsed?.ok && parsed.value.kind === 'db' && parsed.value.name === name) return parsed.value.verifierKey;
  return KNOWN_GOSUMDB[name] ?? null;
}

export async function probeSumdb(url: string, opts: ProbeSumdbOptions = {}): Promise<ProbeSample> {
  const parsed = parseCandidate(url);
  const base = normalizeCandidate(parsed);
  const origin = stripUserinfo(parsed);
  const caps = resolveCaps(opts.maxBodyBytes);
  const name = sumdbNameOf(parsed);
  const key = verifierKeyFor(name, opts.gosumdb);
  const where = origin.host;
  return runSample({
    candidate: base,
    kind: 'sumdb',
    origin,
    credentials: credentialsFrom(parsed, opts.credentials),
    opts,
    body: async (ctx) => {
      const latest = await ctx.fetch({ request: 'sumdb-latest', url: `${base}/latest`, maxBytes: caps.small });
      const latestErr = judge(latest, where, (b) => {
        const text = b.toString('utf8');
        const shape = checkSumdbLatest(text);
        if (shape || !key) return shape;
        const opened = openTreeNote(text, key);
        return opened.ok ? null : msg('bench.check.noteWrongKey', { name, error: opened.error.split('\n')[0] ?? '' });
      });
      ctx.record(withError(latest.timing, latestErr));
      if (latestErr || !opts.module || !key) return { error: latestErr, sumdbSupported: latestErr === null };

      // The lookup exactly as go's client makes it (electron/core/sumdb/route.ts): the record, its
      // signed tree, the record's tile and the tiles that hash to the signed tree.
      let httpFailure: ProbeFailure | null = null;
      const fetch: SumdbFetch = async (url, request) => {
        const res = await ctx.fetch({ request, url, maxBytes: caps.small });
        const err = judge(res, where, null);
        ctx.record(withError(res.timing, err));
        if (!err) return { kind: 'ok', body: res.body };
        httpFailure = err;
        return { kind: err.kind === 'not-found' ? 'notFound' : 'error', status: res.status, message: err.message };
      };
      const found = await lookupAndProve(base, opts.module.path, opts.module.version, key, fetch);
      if (found.ok) return { error: null, sumdbSupported: true };
      const error: ProbeFailure =
        httpFailure ?? makeFailure('protocol', 'transfer', msg('bench.probe.lookupNotVerified', { where, module: `${opts.module.path}@${opts.module.version}`, error: found.error.split('\n')[0] ?? '' }), 200);
      return { error, sumdbSupported: false };
    },
  });
}
