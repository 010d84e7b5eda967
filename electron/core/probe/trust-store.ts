// The certificates go trusts, as a Node SecureContext. On Linux and the BSDs go's crypto/x509
// reads ONE bundle file (SSL_CERT_FILE when set, else the first of the distro paths that exists)
// plus every file in the certificate directories (SSL_CERT_DIR, colon-separated, when set, else
// the distro directories). Node's bundled Mozilla roots stand in when nothing is readable, and on
// macOS/Windows where go asks the platform verifier. `extra` (opts.ca) is always added.
// Parsing a few hundred roots costs milliseconds, so contexts are cached per input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

// crypto/x509/root_linux.go
const GO_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
// crypto/x509/root_unix.go (Linux)
const GO_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function pemsIn(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').match(PEM_RE) ?? [];
  } catch {
    return [];
  }
}

function pemsInDir(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
    } catch {
      continue;
    }
    out.push(...pemsIn(file));
  }
  return out;
}

/** The PEM roots go would trust on this platform with this environment. */
export function goTrustedRoots(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin' || platform === 'win32') return [...rootCertificates];
  const files = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : GO_CERT_FILES;
  let roots: string[] = [];
  for (const f of files) {
    roots = pemsIn(f);
    if (roots.length) break; // go stops at the first bundle it can read
  }
  if (env.SSL_CERT_DIR) {
    for (const dir of env.SSL_CERT_DIR.split(':').filter(Boolean)) roots.push(...pemsInDir(dir));
  } else {
    // go still reads the distro directories (/etc/ssl/certs ...) when only SSL_CERT_FILE is set,
    // so the system roots stay trusted. Those directories hold the same certificates as the
    // distro bundle on every mainstream distro; reading the bundle instead keeps this fast.
    let systemBundle: string[] = [];
    if (env.SSL_CERT_FILE) {
      for (const f of GO_CERT_FILES) {
        systemBundle = pemsIn(f);
        if (systemBundle.length) break;
      }
    }
    roots.push(...systemBundle);
    if (roots.length === 0) for (const dir of GO_CERT_DIRS) roots.push(...pemsInDir(dir));
  }
  return roots.length ? roots : [...rootCertificates];
}

const cache = new Map<string, SecureContext>();

export function trustContext(env: NodeJS.ProcessEnv, extra: readonly string[] = []): SecureContext {
  const key = JSON.stringify([env.SSL_CERT_FILE ?? '', env.SSL_CERT_DIR ?? '', extra]);
  let ctx = cache.get(key);
  if (!ctx) {
    ctx = createSecureContext({ ca: [...goTrustedRoots(env), ...extra] });
    if (cache.size > 16) cache.clear();
    cache.set(key, ctx);
  }
  return ctx;
}
