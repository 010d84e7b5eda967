// explain's checksum step: whether go verifies the module against a checksum database, through
// which route, and whether that succeeds, as cmd/go/internal/modfetch does it:
//   - useSumDB (modfetch/sumdb.go): GOSUMDB=off or a GONOSUMDB match (GONOSUMDB defaults to
//     GOPRIVATE) means no verification. GOINSECURE does not turn it off (it only allows insecure
//     version-control fetches, modfetch/repo.go), and GOFLAGS=-insecure has no effect: the flag
//     is gone (go 1.19 rejects `go get -insecure`, other commands ignore it in GOFLAGS).
//   - dbDial: GOSUMDB is "<name>" (a known key), "<name>+<hash>+<key>", either followed by a URL.
//   - initBase: the route (electron/core/sumdb/route.ts), then the lookup and its tile.
//   - checkGoMod / checkMod (modfetch/fetch.go): the go.mod hash, then the zip hash, must equal the
//     logged lines, else "checksum mismatch ... SECURITY ERROR". A module the database never
//     logged lines for is accepted.
// Errors are worded as go words them ("<mod>@<ver>: verifying go.mod: <mod>@<ver>/go.mod: ...").
import { parseGosumdb } from '../../../shared/go/gosumdb.js';
import { matchPrefixPatterns } from '../../../shared/go/match.js';
import { hashGoMod, hashZip } from '../sumdb/dirhash.js';
import { lookupAndProve, resolveSumdbRoute, type RouteStep, type SumdbFetch } from '../sumdb/route.js';
import { loggedHash } from '../sumdb/verify.js';
import type { GoSum } from './go-sum.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export interface ChecksumConfig {
  gosumdb: string;
  /** Effective: GOPRIVATE when GONOSUMDB is unset. */
  gonosumdb: string;
  goinsecure: string;
  goflags: string;
  /** The main module's go.sum (go checks it before any database), or null outside a module. */
  goSum?: GoSum | null;
}

export interface ChecksumRequest {
  module: string;
  version: string;
  config: ChecksumConfig;
  chain: { goproxy: string; gonoproxy: string };
  fetch: SumdbFetch;
  /**
   * The served go.mod and zip bodies (from the entry that served each), or null when explain
   * cannot fetch them (a direct fetch clones a repository; a zip over the size cap).
   */
  files: () => Promise<{ mod: Buffer | null; zip: Buffer | null }>;
}

export interface ChecksumExplanation {
  /** verified: go checks and it passes; skipped: go does not check; failed: go stops with `error`; hang: go waits forever. */
  verdict: 'verified' | 'skipped' | 'failed' | 'hang';
  database: string | null;
  /** Where go sends lookups (a URL), when it gets that far. */
  route: string | null;
  /** 'go.sum': the hashes were already listed there and no database was asked. */
  via: 'explicit' | 'proxy' | 'direct' | 'go.sum' | null;
  routeSteps: RouteStep[];
  lookup: string | null;
  tile: string | null;
  /** Why go verifies or not (explain.checksum.*); go's own error, quoted, when it fails. */
  why: Message;
  notes: Message[];
  /** go's error text, verbatim. */
  error: string | null;
  fix: Message | null;
}

const GOSUM_MISMATCH = `

SECURITY ERROR
This download does NOT match an earlier download recorded in go.sum.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

const SUMDB_MISMATCH = `

SECURITY ERROR
This download does NOT match the one reported by the checksum server.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

/** The first GONOSUMDB/GOPRIVATE pattern matching the module (for the message), or null. */
function matchingPattern(globs: string, module: string): string | null {
  if (!matchPrefixPatterns(globs, module)) return null;
  return globs.split(',').map((g) => g.trim()).find((g) => g !== '' && matchPrefixPatterns(g, module)) ?? globs;
}

/** go's own error as the reason, verbatim. */
function goSays(error: string): Message {
  return msg('explain.checksum.go-error', { error });
}

/** A route fix, then the advice never to switch verification off. */
function withSafeChoices(fix: Message): Message {
  return msg('explain.checksum.fix-with-advice', { fix, advice: msg('explain.checksum.safe-choices') });
}

function insecureFlag(goflags: string): boolean {
  return goflags.split(/\s+/).some((f) => /^--?insecure(=.*)?$/.test(f));
}

export async function explainChecksum(req: ChecksumRequest): Promise<ChecksumExplanation> {
  const notes: Message[] = [];
  if (req.config.goinsecure.trim() !== '' && matchPrefixPatterns(req.config.goinsecure, req.module)) notes.push(msg('explain.checksum.insecure-note'));
  if (insecureFlag(req.config.goflags)) notes.push(msg('explain.checksum.goflags-note'));
  const base = { route: null, via: null, routeSteps: [], lookup: null, tile: null, notes };
  const { module, version } = req;
  const goSum = req.config.goSum ?? null;
  // checkModSum: go.sum first, whatever GOSUMDB says; a listed pair needs no database.
  let files: { mod: Buffer | null; zip: Buffer | null } | null = null;
  const served = async (): Promise<{ mod: Buffer | null; zip: Buffer | null }> => (files ??= await req.files());
  if (goSum) {
    const modListed = goSum.hashes.get(`${module} ${version}/go.mod`) ?? [];
    const zipListed = goSum.hashes.get(`${module} ${version}`) ?? [];
    if (modListed.length > 0 || zipListed.length > 0) {
      const f = await served();
      const check = (listed: string[], data: Buffer | null, hash: (b: Buffer) => string, suffix: string): ChecksumExplanation | null => {
        if (listed.length === 0 || data === null) return null;
        let have: string;
        try {
          have = hash(data);
        } catch {
          return null;
        }
        if (listed.includes(have) || !listed.some((h) => h.startsWith('h1:'))) return null;
        return {
          ...base,
          verdict: 'failed',
          database: null,
          via: 'go.sum',
          why: msg('explain.checksum.mismatch-go-sum', { file: goSum.path }),
          error: `verifying ${module}@${version}${suffix}: checksum mismatch\n\tdownloaded: ${have}\n\tgo.sum:     ${listed.find((h) => h.startsWith('h1:'))}${GOSUM_MISMATCH}`,
          fix: msg('explain.checksum.fix-go-sum', { file: goSum.path }),
        };
      };
      const bad = check(modListed, f.mod, hashGoMod, '/go.mod') ?? check(zipListed, f.zip, hashZip, '');
      if (bad) return bad;
      if (modListed.length > 0 && zipListed.length > 0) {
        return { ...base, verdict: 'verified', database: null, via: 'go.sum', why: msg('explain.checksum.in-go-sum', { file: goSum.path }), error: null, fix: null };
      }
    }
  }
  if (req.config.gosumdb === 'off') return { ...base, verdict: 'skipped', database: null, why: msg('explain.checksum.off'), error: null, fix: null };
  const pattern = matchingPattern(req.config.gonosumdb, module);
  if (pattern !== null) return { ...base, verdict: 'skipped', database: null, why: msg('explain.checksum.private', { pattern }), error: null, fix: null };

  const modError = (detail: string): string => `${module}@${version}: verifying go.mod: ${detail}`;
  const parsed = parseGosumdb(req.config.gosumdb);
  if (!parsed.ok) return { ...base, verdict: 'failed', database: null, why: goSays(parsed.error), error: modError(parsed.error), fix: msg('explain.checksum.fix-invalid') };
  if (parsed.value.kind === 'off') return { ...base, verdict: 'skipped', database: null, why: msg('explain.checksum.off'), error: null, fix: null };
  const db = parsed.value;
  const verifierKey = db.verifierKey;

  const route = await resolveSumdbRoute({ name: db.name, url: db.url }, req.chain, req.fetch);
  const lookupError = (detail: string): string => modError(`${module}@${version}/go.mod: ${detail}`);
  if (!route.ok && route.hang) {
    const stalled = route.steps.at(-1)!.entry;
    const why = msg('explain.checksum.hang', { url: `${stalled}/sumdb/${db.name}/supported` });
    return { ...base, routeSteps: route.steps, verdict: 'hang', database: db.name, why, error: lookupError(route.error), fix: msg('explain.checksum.fix-hang', { entry: stalled, database: db.name }) };
  }
  if (!route.ok) {
    return { ...base, routeSteps: route.steps, verdict: 'failed', database: db.name, why: goSays(route.error), error: lookupError(route.error), fix: withSafeChoices(msg('explain.checksum.fix-route-direct', { database: db.name })) };
  }
  const where = { ...base, route: route.base, via: route.via, routeSteps: route.steps, database: db.name };
  const proxyEntry = route.via === 'proxy' ? route.steps.at(-1)!.entry : null;
  const routeFix = (): Message =>
    withSafeChoices(proxyEntry ? msg('explain.checksum.fix-route-proxy', { proxy: proxyEntry, database: db.name }) : msg('explain.checksum.fix-route-direct', { database: db.name }));

  const found = await lookupAndProve(route.base, module, version, verifierKey, req.fetch);
  if (!found.ok && found.hang) {
    return { ...where, lookup: found.url, verdict: 'hang', why: msg('explain.checksum.hang', { url: found.url }), error: lookupError(found.error), fix: routeFix() };
  }
  if (!found.ok) {
    const notLogged = /\b404\b|\b410\b/.test(found.error) && route.via !== 'proxy';
    return {
      ...where,
      lookup: found.url.includes('/lookup/') ? found.url : null,
      verdict: 'failed',
      why: goSays(found.error),
      error: lookupError(found.error),
      fix: notLogged ? msg('explain.checksum.fix-not-logged', { module }) : routeFix(),
    };
  }
  const via =
    route.via === 'explicit' ? msg('explain.checksum.via-explicit', { url: route.base })
    : route.via === 'proxy' ? msg('explain.checksum.via-proxy', { proxy: proxyEntry! })
    : msg('explain.checksum.via-direct', { url: route.base });
  const proven = { ...where, lookup: found.lookupUrl, tile: found.tileUrl };

  const fetched = await served();
  const mismatch = (noun: 'go.mod' | 'module', have: string, logged: string): ChecksumExplanation => ({
    ...proven,
    verdict: 'failed',
    why: msg('explain.checksum.mismatch', { what: noun === 'go.mod' ? noun : msg('explain.checksum.the-zip') }),
    error: `${module}@${version}: verifying ${noun}: checksum mismatch\n\tdownloaded: ${have}\n\t${db.name}: ${logged}${SUMDB_MISMATCH}`,
    fix: msg('explain.checksum.fix-security'),
  });
  if (fetched.mod === null) notes.push(msg('explain.checksum.direct-not-compared'));
  else {
    const logged = loggedHash(found.record, module, `${version}/go.mod`);
    const have = hashGoMod(fetched.mod);
    if (logged !== null && logged !== have) return mismatch('go.mod', have, logged);
  }
  if (fetched.mod !== null && fetched.zip === null) notes.push(msg('explain.checksum.zip-not-compared'));
  if (fetched.zip !== null) {
    let have: string;
    try {
      have = hashZip(fetched.zip);
    } catch {
      have = '';
    }
    const logged = loggedHash(found.record, module, version);
    if (logged !== null && logged !== have) return mismatch('module', have || 'h1:?', logged);
  }
  return { ...proven, verdict: 'verified', why: msg('explain.checksum.verified', { database: db.name, via }), error: null, fix: null };
}
