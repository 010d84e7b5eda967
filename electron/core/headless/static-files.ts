// Serves the built renderer (public files, see guards.ts for why they need no token), confined
// to its directory: no "..", no symlink out of it, no directory listings.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { RENDERER_CSP } from '../../../shared/contract/csp.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The file a URL path names inside root, or null when it would leave root or is not a plain name. */
export function staticPathFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const full = path.resolve(root, relative);
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  if (root === null) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The dashboard is not built: run `npm run build:renderer`, then restart `goproxyctl serve`. The API works without it.\n');
    return;
  }
  const file = staticPathFor(root, urlPath);
  const real = file === null ? null : await realpath(file).catch(() => null);
  const realRoot = await realpath(root).catch(() => null);
  const info = real === null ? null : await stat(real).catch(() => null);
  if (real === null || realRoot === null || !real.startsWith(realRoot + path.sep) || info === null || !info.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Frame-Options': 'DENY',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(real).on('error', () => res.destroy()).pipe(res);
}
