// The hook between explain's chain walk and its checksum step: the walk found who serves the
// module; go then verifies it against the checksum database (explain/checksum.ts), through the
// same HTTP client, and a failure there is go's failure.
import { escapeModulePath, escapeVersion } from '../../../shared/go/escape.js';
import type { ProbeSession } from '../probe/session.js';
import type { SumdbFetch } from '../sumdb/route.js';
import { explainChecksum, type ChecksumExplanation, type ChecksumConfig } from './checksum.js';
import { goGet } from './go-get.js';
import type { Message } from '../../../shared/i18n/message.js';

export type { ChecksumConfig, ChecksumExplanation };

/** The largest zip explain downloads to compare its hash (go itself accepts up to 500 MB). */
const ZIP_CAP = 64 << 20;

interface Served {
  servedBy: string | null;
  outcome: 'served' | 'failed' | 'hang';
  error: string | null;
  fix: Message | null;
  checksum: ChecksumExplanation | null;
}

export async function checksumStep<T extends Served>(
  result: T,
  req: { module: string; version: string; goproxy: string; gonoproxy: string; checksum: ChecksumConfig },
  session: ProbeSession,
): Promise<T> {
  const fetch: SumdbFetch = async (url, request) => {
    const res = await goGet(session, url, { request, maxBytes: request === 'sumdb-tile' ? 1 << 16 : 1 << 20 });
    if (res.kind === 'ok') return { kind: 'ok', body: res.body };
    // A stall after the request was sent is a hang for go (no response timeout): goGet says so.
    if (res.kind === 'hang') return { kind: 'error', status: res.status, message: res.message, hang: true };
    return { kind: res.kind, status: res.status, message: res.message, hang: false };
  };
  const servedBy = result.servedBy;
  const files = async (): Promise<{ mod: Buffer | null; zip: Buffer | null }> => {
    if (servedBy === null || servedBy === 'direct') return { mod: null, zip: null };
    const root = `${servedBy}/${escapeModulePath(req.module)}/@v/${escapeVersion(req.version)}`;
    const mod = await goGet(session, `${root}.mod`, { request: 'mod', maxBytes: 1 << 20 });
    const zip = await goGet(session, `${root}.zip`, { request: 'zip', maxBytes: ZIP_CAP });
    return { mod: mod.kind === 'ok' ? mod.body : null, zip: zip.kind === 'ok' ? zip.body : null };
  };
  const checksum = await explainChecksum({
    module: req.module,
    version: req.version,
    config: req.checksum,
    chain: { goproxy: req.goproxy, gonoproxy: req.gonoproxy },
    fetch,
    files,
  });
  if (checksum.verdict === 'verified' || checksum.verdict === 'skipped') return { ...result, checksum };
  return { ...result, checksum, servedBy: null, outcome: checksum.verdict === 'hang' ? 'hang' : 'failed', error: checksum.error, fix: checksum.fix };
}
