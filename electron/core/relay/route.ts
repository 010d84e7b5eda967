// What a request to the relay asks for, in the Go module proxy protocol (go.dev/ref/mod, "GOPROXY
// protocol"): $module/@v/list, $module/@v/$version.{info,mod,zip}, $module/@latest, and
// /sumdb/$name/... for the checksum database. Pure: no Node, no I/O.
//
// Nothing from the request target is ever forwarded as-is: the module path and version are
// unescaped, checked with go's own rules (module.CheckPath, module.EscapeVersion), and escaped
// again for the upstream, so a path with "..", "%2e%2e", a double slash or a stray "!" can never
// reach an upstream or a cache file name.
import { checkModulePath, escapeModulePath, escapeVersion, unescapeModuleString } from '../../../shared/go/escape.js';
import { isCanonicalSemver } from '../../../shared/go/semver.js';

export type ModuleFile = 'info' | 'mod' | 'zip';

export type RelayRoute =
  | { kind: 'list' | 'latest'; module: string; upstreamPath: string }
  | { kind: ModuleFile; module: string; version: string; upstreamPath: string; immutable: boolean }
  | { kind: 'sumdb'; db: string; rest: string; upstreamPath: string }
  | { kind: 'invalid'; reason: string };

/** A request target longer than this is refused (go's module paths and versions are short). */
export const MAX_TARGET_LENGTH = 2048;

// A checksum database name is a host name (cmd/go/internal/modfetch/sumdb.go dials https://<name>).
const SUMDB_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
// The sumdb client asks for /supported, /latest, /lookup/<escaped module>@<escaped version> and
// /tile/<H>/<L>/<K>[.p/<W>] (golang.org/x/mod/sumdb/client.go); escaped paths use only these bytes.
const SUMDB_REST = /^(?:supported|latest|lookup\/[a-z0-9._~!/+-]+@[A-Za-z0-9._~!+-]+|tile\/[0-9]+\/(?:data|[0-9]+)(?:\/x?[0-9]+)+(?:\.p\/[0-9]+)?)$/;

export function parseRelayTarget(target: string): RelayRoute {
  if (target.length > MAX_TARGET_LENGTH) return invalid(`the request path is longer than ${MAX_TARGET_LENGTH} bytes`);
  const raw = target.split('?')[0] ?? '';
  if (!raw.startsWith('/')) return invalid('the request path must start with "/"');
  // go's URLs percent-encode the "!" of escaped capitals (%21). Decoding can also produce "/", "."
  // or "..", which is harmless here: the decoded path must pass go's module path checks, and the
  // upstream path is built from the checked values, never from these bytes.
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return invalid('the request path has malformed percent-encoding');
  }
  const sumdb = /^\/sumdb\/([^/]+)\/(.+)$/.exec(pathname);
  if (sumdb) return sumdbRoute(sumdb[1] ?? '', sumdb[2] ?? '');
  const rel = pathname.slice(1);
  const latest = /^(.+)\/@latest$/.exec(rel);
  if (latest) {
    const module = moduleOf(latest[1] ?? '');
    if (typeof module !== 'string') return module;
    return { kind: 'latest', module, upstreamPath: `${escapeModulePath(module)}/@latest` };
  }
  const at = rel.indexOf('/@v/');
  if (at <= 0) return invalid('not a module proxy path: expected <module>/@v/list, <module>/@v/<version>.info|.mod|.zip or <module>/@latest');
  const module = moduleOf(rel.slice(0, at));
  if (typeof module !== 'string') return module;
  const file = rel.slice(at + 4);
  if (file === 'list') return { kind: 'list', module, upstreamPath: `${escapeModulePath(module)}/@v/list` };
  const m = /^(.+)\.(info|mod|zip)$/.exec(file);
  if (!m) return invalid(`unknown file "${file}" under @v/: expected list, <version>.info, <version>.mod or <version>.zip`);
  const version = unescapeModuleString(m[1] ?? '');
  if (version === null) return invalid('the version is not validly escaped');
  let escapedVersion: string;
  try {
    escapedVersion = escapeVersion(version);
  } catch (err) {
    return invalid((err as Error).message);
  }
  const kind = m[2] as ModuleFile;
  // .mod and .zip are only ever asked for a resolved version; a query ("master", "v1") is
  // resolved through .info, and its answer can change.
  if (kind !== 'info' && !isModuleVersion(version)) return invalid(`${kind} files exist only for canonical versions, not "${version}"`);
  return { kind, module, version, upstreamPath: `${escapeModulePath(module)}/@v/${escapedVersion}.${kind}`, immutable: isModuleVersion(version) };
}

/** A canonical semantic version as go records it in go.mod (v1.2.3, v1.2.3-pre, v2.0.0+incompatible). */
export function isModuleVersion(version: string): boolean {
  if (version.endsWith('+incompatible')) return isCanonicalSemver(version.slice(0, -'+incompatible'.length));
  return isCanonicalSemver(version);
}

function moduleOf(escaped: string): string | { kind: 'invalid'; reason: string } {
  const module = unescapeModuleString(escaped);
  if (module === null) return invalid('the module path is not validly escaped (capital letters are sent as "!" + lower case)');
  const problem = checkModulePath(module);
  if (problem !== null) return invalid(problem);
  return module;
}

function sumdbRoute(db: string, rest: string): RelayRoute {
  if (!SUMDB_NAME.test(db)) return invalid(`"${db}" is not a checksum database name`);
  if (!SUMDB_REST.test(rest) || rest.split('/').some((e) => e === '.' || e === '..')) {
    return invalid(`"${rest}" is not a checksum database request (supported, latest, lookup/... or tile/...)`);
  }
  return { kind: 'sumdb', db, rest, upstreamPath: `sumdb/${db}/${rest}` };
}

function invalid(reason: string): { kind: 'invalid'; reason: string } {
  return { kind: 'invalid', reason };
}
