// The dashboard is loaded from app://ui/ (a privileged standard scheme) rather than file://:
// a real origin for the CSP's 'self', no access to the rest of the disk, and the same
// confinement rules as the headless server's static files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CSP } from '../../shared/contract/csp.js';
import { staticPathFor } from '../core/headless/static-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ui';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const DASHBOARD_URL = `${APP_ORIGIN}/index.html`;
/** The benchmark view in its own window: the same page, its route in the fragment. */
export const BENCHMARK_URL = `${DASHBOARD_URL}#/benchmark`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json' };

/** The file an app:// URL names inside the built renderer, or null. */
export function resolveAppRequest(rawUrl: string, uiRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return staticPathFor(uiRoot, url.pathname);
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, uiRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, uiRoot);
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) return new Response('not found', { status: 404 });
    return new Response(body, {
      headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
