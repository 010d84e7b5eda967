// The answer a healthy proxy gives to a request (status, content type, body), and the
// protocol-violating answer of the 'wrong-content' fault. No I/O besides building zips.
import { parseProxyRequest } from './protocol.js';
import type { ModuleStore } from './store.js';
import { zipFiles } from './store.js';
import type { ChecksumDatabase } from './sumdb/database.js';

export interface ProxyAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** "path@version" when this is a module's real .zip. */
  zipOf?: string;
}

const TEXT = 'text/plain; charset=utf-8';

function notFound(message: string): ProxyAnswer {
  return { status: 404, contentType: TEXT, body: Buffer.from(`not found: ${message}\n`) };
}

function ok(contentType: string, body: string | Buffer): ProxyAnswer {
  return { status: 200, contentType, body: typeof body === 'string' ? Buffer.from(body) : body };
}

export interface ServeScope {
  store: ModuleStore;
  /** Module paths this proxy serves; undefined: all of the store. */
  modules?: readonly string[];
  /** Proxies the checksum database under /sumdb/<name>/; 'supported-only': /supported only, 404 beyond. */
  sumdb: boolean | 'supported-only';
  /** The lab's checksum database. */
  checksumDb: ChecksumDatabase;
  /** Serves the checksum database at this origin's root (/latest, /lookup/, /tile/) instead of modules. */
  isChecksumDatabase: boolean;
}

function serves(scope: ServeScope, module: string): boolean {
  return scope.store.versions(module).length > 0 && (scope.modules === undefined || scope.modules.includes(module));
}

export async function healthyAnswer(scope: ServeScope, target: string): Promise<ProxyAnswer> {
  if (scope.isChecksumDatabase) return scope.checksumDb.answer(target);
  const req = parseProxyRequest(target);
  switch (req.kind) {
    case 'invalid':
      return notFound(req.reason);
    case 'sumdb-supported':
      return scope.sumdb && req.sumdb === scope.checksumDb.name ? ok(TEXT, '') : notFound(`checksum database ${req.sumdb} is not proxied here`);
    case 'sumdb-other': {
      if (scope.sumdb === 'supported-only' && req.sumdb === scope.checksumDb.name) return notFound(`${target.split('?')[0]}`);
      if (scope.sumdb !== true || req.sumdb !== scope.checksumDb.name) return notFound(`checksum database ${req.sumdb} is not proxied here`);
      const rest = (target.split('?')[0] ?? '').slice(`/sumdb/${req.sumdb}`.length);
      return scope.checksumDb.answer(rest);
    }
    case 'list':
      if (!serves(scope, req.module)) return notFound(`module ${req.module}`);
      return ok(TEXT, scope.store.versions(req.module).map((v) => `${v}\n`).join(''));
    case 'latest': {
      if (!serves(scope, req.module)) return notFound(`module ${req.module}`);
      const served = await scope.store.get(req.module, scope.store.latest(req.module)!);
      return ok('application/json', served!.info);
    }
    case 'info':
    case 'mod':
    case 'zip': {
      if (!serves(scope, req.module)) return notFound(`module ${req.module}`);
      const served = await scope.store.get(req.module, req.version);
      if (!served) return notFound(`${req.module}@${req.version}: unknown revision ${req.version}`);
      if (req.kind === 'info') return ok('application/json', served.info);
      if (req.kind === 'mod') return ok(TEXT, served.mod);
      return { ...ok('application/zip', served.zip), zipOf: `${served.path}@${served.version}` };
    }
  }
}

const PORTAL_PAGE = '<html><head><title>Sign in to the network</title></head><body>Please log in.</body></html>\n';

/** 200 with a body the protocol forbids: HTML for list/.info/.mod/@latest, a zip without the module prefix. */
export async function wrongContentAnswer(scope: ServeScope, target: string): Promise<ProxyAnswer> {
  const req = parseProxyRequest(target);
  if (req.kind === 'zip') {
    const served = scope.store.modules.find((m) => m.path === req.module && m.version === req.version) ?? scope.store.modules[0];
    const files = served ? served.files : { 'go.mod': `module ${req.module}\n` };
    return ok('application/zip', await zipFiles(files, ''));
  }
  if (req.kind === 'info' || req.kind === 'latest') return ok('application/json', '{"Version": "v1.0.0", "Time": ');
  return ok('text/html; charset=utf-8', PORTAL_PAGE);
}
