// How go reaches a checksum database and looks one module up (cmd/go/internal/modfetch/sumdb.go
// initBase and the sumdb client's Lookup): an explicit URL in GOSUMDB is used as is, bypassing
// proxies; otherwise go asks each GOPROXY entry for <proxy>/sumdb/<name>/supported: 200 makes that
// proxy the only route (never falling back to a direct connection), 404/410 (or any error after a
// '|') tries the next entry, any other error after a ',' makes the database unavailable, and
// "direct", "off" or the end of the list mean https://<name>. The lookup then needs
// /lookup/<path>@<version> and the tile holding the record, both through that route.
import { proxySpecs } from '../../../shared/go/chain.js';
import { escapeModulePath, escapeVersion } from '../../../shared/go/escape.js';
import { checkRecordInTile, parseLookup, tileAt, tileFor, treeHashFromTiles, type LookupRecord } from './verify.js';

export type SumdbFetchResult =
  | { kind: 'ok'; body: Buffer }
  | { kind: 'notFound' | 'error'; status: number | null; message: string; /** The server accepted the request and never answered: go has no response timeout and waits forever. */ hang?: boolean };

export type SumdbFetch = (url: string, request: 'sumdb-supported' | 'sumdb-lookup' | 'sumdb-tile') => Promise<SumdbFetchResult>;

export interface RouteStep {
  /** The GOPROXY entry asked, or "direct"/"off"/"noproxy". */
  entry: string;
  outcome: 'supported' | 'notFound' | 'error' | 'hang' | 'skipped';
  status: number | null;
  message: string | null;
}

export type SumdbRoute =
  | { ok: true; base: string; via: 'explicit' | 'proxy' | 'direct'; steps: RouteStep[] }
  | { ok: false; error: string; steps: RouteStep[]; hang?: boolean };

/** initBase: where go sends checksum-database requests for `name`. */
export async function resolveSumdbRoute(
  db: { name: string; url: string | null },
  chain: { goproxy: string; gonoproxy: string },
  fetch: SumdbFetch,
): Promise<SumdbRoute> {
  if (db.url !== null) return { ok: true, base: db.url.replace(/\/+$/, ''), via: 'explicit', steps: [] };
  const direct = `https://${db.name}`;
  const specs = proxySpecs(chain);
  if (!specs.ok) return { ok: false, error: specs.error, steps: [] };
  const steps: RouteStep[] = [];
  // TryProxies' error ranking: a proxy error other than not-found beats a not-found.
  let proxyError: string | null = null;
  for (const spec of specs.specs) {
    if (spec.kind === 'noproxy') {
      steps.push({ entry: 'noproxy', outcome: 'skipped', status: null, message: null });
      continue;
    }
    if (spec.kind !== 'proxy') {
      steps.push({ entry: spec.kind, outcome: 'skipped', status: null, message: null });
      return { ok: true, base: direct, via: 'direct', steps };
    }
    const base = `${spec.raw.replace(/\/+$/, '')}/sumdb/${db.name}`;
    const res = await fetch(`${base}/supported`, 'sumdb-supported');
    if (res.kind === 'ok') {
      steps.push({ entry: spec.url, outcome: 'supported', status: 200, message: null });
      return { ok: true, base, via: 'proxy', steps };
    }
    if (res.kind === 'error' && res.hang) {
      // TryProxies never gets an answer to move on with, whatever the separator.
      steps.push({ entry: spec.url, outcome: 'hang', status: null, message: res.message });
      return { ok: false, error: res.message, steps, hang: true };
    }
    steps.push({ entry: spec.url, outcome: res.kind, status: res.status, message: res.message });
    if (res.kind === 'error') proxyError ??= res.message;
    if (res.kind === 'error' && !spec.fallBackOnError) return { ok: false, error: res.message, steps };
  }
  // Every proxy answered not-found or was allowed to fall back: go connects directly, unless a
  // proxy error outranks that (TryProxies returns its best error, which is not "not exist").
  if (proxyError !== null) return { ok: false, error: proxyError, steps };
  return { ok: true, base: direct, via: 'direct', steps };
}

export type LookupResult = { ok: true; record: LookupRecord; lookupUrl: string; tileUrl: string } | { ok: false; error: string; url: string; hang?: boolean };

/** One lookup as the sumdb client does it: the record, its signed tree, and the tile that proves it. */
export async function lookupAndProve(base: string, module: string, version: string, verifierKey: string, fetch: SumdbFetch): Promise<LookupResult> {
  const lookupUrl = `${base}/lookup/${escapeModulePath(module)}@${escapeVersion(version)}`;
  const res = await fetch(lookupUrl, 'sumdb-lookup');
  if (res.kind !== 'ok') return { ok: false, error: res.message, url: lookupUrl, hang: res.kind === 'error' && res.hang === true };
  const record = parseLookup(res.body.toString('utf8'), verifierKey);
  if (!record.ok) return { ok: false, error: record.error, url: lookupUrl };
  const tileUrl = `${base}/${tileFor(record.value.id, record.value.tree.size).path}`;
  const tile = await fetch(tileUrl, 'sumdb-tile');
  if (tile.kind !== 'ok') return { ok: false, error: tile.message, url: tileUrl, hang: tile.kind === 'error' && tile.hang === true };
  const problem = checkRecordInTile(record.value, tile.body);
  if (problem) return { ok: false, error: problem, url: tileUrl };
  // The tiles must also hash to the signed tree: a tile alone proves nothing.
  const size = record.value.tree.size;
  const tiles = new Map<string, Buffer>([[tileFor(record.value.id, size).path, tile.body]]);
  let failed: { error: string; url: string; hang: boolean } | null = null;
  const readTile = async (tileLevel: number, index: number): Promise<Buffer> => {
    const t = tileAt(tileLevel, index, size);
    const cached = tiles.get(t.path);
    if (cached) return cached;
    const res = await fetch(`${base}/${t.path}`, 'sumdb-tile');
    if (res.kind !== 'ok') {
      failed = { error: res.message, url: `${base}/${t.path}`, hang: res.kind === 'error' && res.hang === true };
      throw new Error(res.message);
    }
    if (res.body.length !== t.width * 32) {
      failed = { error: `tile has ${res.body.length} bytes, want ${t.width * 32}`, url: `${base}/${t.path}`, hang: false };
      throw new Error(failed.error);
    }
    tiles.set(t.path, res.body);
    return res.body;
  };
  try {
    const root = await treeHashFromTiles(size, readTile);
    if (!root.equals(record.value.tree.hash)) return { ok: false, error: 'downloaded inconsistent tile', url: tileUrl };
  } catch (err) {
    const f = failed as { error: string; url: string; hang: boolean } | null;
    return f ? { ok: false, ...f } : { ok: false, error: (err as Error).message, url: tileUrl };
  }
  return { ok: true, record: record.value, lookupUrl, tileUrl };
}
