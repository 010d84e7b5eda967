// Parses a request target into the Go module proxy protocol request it stands for (go.dev/ref/mod
// "GOPROXY protocol"): $module/@v/list, $module/@v/$version.{info,mod,zip}, $module/@latest and
// /sumdb/$name/supported.
import { unescapeModuleString as unescapeModulePath } from '../../shared/go/escape.js';

export type ProxyRequest =
  | { kind: 'list' | 'latest'; module: string }
  | { kind: 'info' | 'mod' | 'zip'; module: string; version: string }
  | { kind: 'sumdb-supported'; sumdb: string }
  | { kind: 'sumdb-other'; sumdb: string }
  | { kind: 'invalid'; reason: string };

export function parseProxyRequest(target: string): ProxyRequest {
  const pathname = target.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'invalid', reason: 'bad percent-encoding' };
  }
  const sumdb = /^\/sumdb\/([^/]+)(\/.*)?$/.exec(decoded);
  if (sumdb) return { kind: sumdb[2] === '/supported' ? 'sumdb-supported' : 'sumdb-other', sumdb: sumdb[1]! };
  const rel = decoded.replace(/^\/+/, '');
  const latest = /^(.+)\/@latest$/.exec(rel);
  if (latest) {
    const module = unescapeModulePath(latest[1]!);
    return module ? { kind: 'latest', module } : { kind: 'invalid', reason: 'bad module path escaping' };
  }
  const at = rel.indexOf('/@v/');
  if (at <= 0) return { kind: 'invalid', reason: 'not a module proxy path' };
  const module = unescapeModulePath(rel.slice(0, at));
  if (!module) return { kind: 'invalid', reason: 'bad module path escaping' };
  const file = rel.slice(at + 4);
  if (file === 'list') return { kind: 'list', module };
  const m = /^(.+)\.(info|mod|zip)$/.exec(file);
  if (!m) return { kind: 'invalid', reason: 'unknown @v file' };
  const version = unescapeModulePath(m[1]!);
  if (!version) return { kind: 'invalid', reason: 'bad version escaping' };
  return { kind: m[2] as 'info' | 'mod' | 'zip', module, version };
}
