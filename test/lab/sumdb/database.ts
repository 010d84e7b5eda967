// The lab's checksum database: a real signed tree over the lab's modules in go's own format
// (golang.org/x/mod/sumdb server.go): /latest (the signed tree head), /lookup/<path>@<version>
// (record id, go.sum lines, blank line, signed tree head) and /tile/... . Built once per lab.
import { escapeModulePath, unescapeModuleString } from '../../../shared/go/escape.js';
import type { ModuleStore } from '../store.js';
import type { ProxyAnswer } from '../respond.js';
import { hashGoMod, hashZip } from './dirhash.js';
import { labSigner } from './note.js';
import { formatRecord, parseTilePath, TransparencyLog } from './tlog.js';

export interface ChecksumDatabaseOptions {
  /** The database name (note name and /sumdb/<name>/ path); default "sum.golang.org", signed with the lab's key. */
  name?: string;
  /** Module path prefixes left out of the log, as a public database never sees private modules. */
  omit?: readonly string[];
  /** "path@version" whose logged zip hash is wrong: go must report a SECURITY ERROR. */
  tampered?: readonly string[];
}

export interface ChecksumDatabase {
  readonly name: string;
  readonly verifierKey: string;
  /** The GOSUMDB value reaching this database at url: "<verifier key> <url>". */
  gosumdb: (url: string) => string;
  /** The go.sum lines logged for path@version, or undefined. */
  lines: (path: string, version: string) => string | undefined;
  readonly treeSize: number;
  /** The answer to a request path relative to the database root ("/latest", "/lookup/...", "/tile/..."). */
  answer(subpath: string): ProxyAnswer;
}

const TEXT = 'text/plain; charset=UTF-8';

function hasPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export async function buildChecksumDatabase(store: ModuleStore, opts: ChecksumDatabaseOptions = {}): Promise<ChecksumDatabase> {
  const name = opts.name ?? 'sum.golang.org';
  const signer = labSigner(name);
  const tampered = new Set(opts.tampered ?? []);
  const served = (await store.all())
    .filter((m) => !(opts.omit ?? []).some((p) => hasPrefix(m.path, p)))
    .sort((a, b) => (a.path === b.path ? (a.version < b.version ? -1 : 1) : a.path < b.path ? -1 : 1));
  const ids = new Map<string, number>();
  const records = served.map((m, id) => {
    const key = `${m.path}@${m.version}`;
    ids.set(key, id);
    const zipHash = tampered.has(key) ? hashGoMod(`tampered ${key}\n`) : hashZip(m.zip);
    return `${m.path} ${m.version} ${zipHash}\n${m.path} ${m.version}/go.mod ${hashGoMod(m.mod)}\n`;
  });
  const log = new TransparencyLog(records);
  const signedTree = signer.sign(`go.sum database tree\n${log.size}\n${log.rootHash.toString('base64')}\n`);
  const notFound = (what: string): ProxyAnswer => ({ status: 404, contentType: TEXT, body: Buffer.from(`not found: ${what}\n`) });

  const answer = (subpath: string): ProxyAnswer => {
    const path = subpath.split('?')[0] ?? '';
    if (path === '/latest') return { status: 200, contentType: TEXT, body: Buffer.from(signedTree) };
    if (path.startsWith('/lookup/')) {
      const m = /^\/lookup\/(.+)@([^@/]+)$/.exec(decodeURIComponent(path));
      const modPath = m ? unescapeModuleString(m[1]!) : null;
      const version = m ? unescapeModuleString(m[2]!) : null;
      if (!modPath || !version) return { status: 400, contentType: TEXT, body: Buffer.from('invalid module@version syntax\n') };
      const id = ids.get(`${modPath}@${version}`);
      if (id === undefined) return notFound(`${escapeModulePath(modPath)}@${version}`);
      return { status: 200, contentType: TEXT, body: Buffer.from(formatRecord(id, records[id]!) + signedTree) };
    }
    if (path.startsWith('/tile/')) {
      const tile = parseTilePath(path.slice(1));
      if (!tile) return { status: 400, contentType: TEXT, body: Buffer.from('invalid tile syntax\n') };
      const data = log.tileData(tile);
      if (!data) return notFound(path.slice(1));
      return { status: 200, contentType: tile.level < 0 ? TEXT : 'application/octet-stream', body: data };
    }
    return notFound(path);
  };

  return {
    name,
    verifierKey: signer.verifierKey,
    gosumdb: (url) => `${signer.verifierKey} ${url.replace(/\/+$/, '')}`,
    lines: (path, version) => {
      const id = ids.get(`${path}@${version}`);
      return id === undefined ? undefined : records[id];
    },
    treeSize: log.size,
    answer,
  };
}
