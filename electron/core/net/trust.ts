// Certificates go trusts besides the system roots. On Linux and the BSDs, crypto/x509 reads
// SSL_CERT_FILE and SSL_CERT_DIR; honouring them keeps our verdicts identical to go's
// (and lets the lab's CA be trusted the same way by both).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { rootCertificates } from 'node:tls';

/** Returns a CA list for undici, or undefined to keep Node's defaults (no variable set). */
export async function extraTrustedCAs(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<string[] | undefined> {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  const pems: string[] = [];
  if (env.SSL_CERT_FILE) pems.push(...(await readPems(env.SSL_CERT_FILE)));
  for (const dir of (env.SSL_CERT_DIR ?? '').split(':').filter(Boolean)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) pems.push(...(await readPems(path.join(dir, name))));
  }
  if (!env.SSL_CERT_FILE && !env.SSL_CERT_DIR) return undefined;
  // go replaces the system pool with these files; Node's bundled roots stand in for the
  // system pool when the variables name nothing readable.
  return pems.length ? pems : [...rootCertificates];
}

async function readPems(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
