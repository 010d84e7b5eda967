// The headless server's admission checks, as pure functions.
//
// Threat model (goproxyctl serve binds 127.0.0.1 only):
// - Other web pages in the user's browser. A page from evil.example can make the browser send
//   requests to 127.0.0.1:<port>. With DNS rebinding it can even make them same-origin to itself
//   (evil.example resolving to 127.0.0.1), and read the answers. Defence: the Host header must
//   name our loopback address and port (a rebinding page sends Host: evil.example:<port>), and a
//   request carrying an Origin other than ours is refused, so no cross-site request (simple POSTs
//   included) reaches a handler. No CORS headers are ever sent, so no foreign page can read a
//   response either.
// - Other local users and processes. They can connect to a loopback port but cannot read our
//   stdout; every /api/ request needs the per-start random token as a Bearer header. The token is
//   handed to the browser in the URL's fragment (#token=...), which browsers never send to a
//   server, never put in a Referer, and which the page removes from the address bar.
// - Static files (the built renderer) are served without the token: they are the same public
//   files that ship in the package, hold no user data, and the page must load from the URL the
//   user opens before it can read the token from the fragment. They still pass the Host and
//   Origin checks and carry a strict CSP and frame-ancestors 'none' (no clickjacking).
import { createHash, timingSafeEqual } from 'node:crypto';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function allowedHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((h) => `${h}:${port}`);
}

/** The Host header must be exactly one of ours (any case); absent is refused too. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin (same-origin GETs, curl) is fine; any Origin must be one of ours. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** Compares `Authorization: Bearer <token>` in constant time (hashes make the lengths equal). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  if (authorization === undefined) return false;
  const m = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(authorization);
  if (m === null) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}
