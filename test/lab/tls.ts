// Certificates for the lab's TLS modes, made with node-forge. RSA keys come from node:crypto
// (native, ~50 ms) instead of forge (pure JS, seconds) and are generated once per process; the
// certificates are cached per mode too, so starting many labs stays fast.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { TlsMode } from './types.js';

export interface LabCertificate {
  certPem: string;
  keyPem: string;
}

const DAY = 86_400_000;
const LOOPBACK_NAMES = { ips: ['127.0.0.1', '::1'], dns: ['localhost'] };

let caKeys: forge.pki.rsa.KeyPair | undefined;
let leafKeys: forge.pki.rsa.KeyPair | undefined;
let ca: { cert: forge.pki.Certificate; certPem: string } | undefined;
const leaves = new Map<TlsMode, LabCertificate>();

function rsaKeyPair(): forge.pki.rsa.KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const priv = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: priv, publicKey: forge.pki.setRsaPublicKey(priv.n, priv.e) };
}

/** A positive serial (go 1.23 rejects negative ones): first byte below 0x80. */
function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

function caKeyPair(): forge.pki.rsa.KeyPair {
  caKeys ??= rsaKeyPair();
  return caKeys;
}

function labCa(): { cert: forge.pki.Certificate; certPem: string } {
  if (ca) return ca;
  const keys = caKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 3650 * DAY);
  const subject = [{ name: 'commonName', value: 'goproxyctl lab CA' }, { name: 'organizationName', value: 'goproxyctl lab' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  ca = { cert, certPem: forge.pki.certificateToPem(cert) };
  return ca;
}

/** The lab CA's certificate (PEM): trust it (SSL_CERT_FILE for go, `ca` for node) to accept 'valid' proxies. */
export function labCaCertPem(): string {
  return labCa().certPem;
}

interface LeafPlan {
  names: { ips: string[]; dns: string[] };
  notBefore: number;
  notAfter: number;
  selfSigned: boolean;
  commonName: string;
}

function leafPlan(mode: Exclude<TlsMode, 'none'>): LeafPlan {
  const now = Date.now();
  const base = { names: LOOPBACK_NAMES, notBefore: now - DAY, notAfter: now + 365 * DAY, selfSigned: false, commonName: 'lab proxy (valid)' };
  switch (mode) {
    case 'valid':
      return base;
    case 'expiring-soon':
      return { ...base, notAfter: now + 5 * DAY, commonName: 'lab proxy (expiring in 5 days)' };
    case 'expired':
      return { ...base, notBefore: now - 60 * DAY, notAfter: now - DAY, commonName: 'lab proxy (expired)' };
    case 'wrong-host':
      return { ...base, names: { ips: [], dns: ['wrong-host.invalid'] }, commonName: 'wrong-host.invalid' };
    case 'self-signed':
      return { ...base, selfSigned: true, commonName: 'lab proxy (self-signed)' };
  }
}

/** Key and certificate for a TLS mode (cached per process). */
export function labCertificate(mode: Exclude<TlsMode, 'none'>): LabCertificate {
  const cached = leaves.get(mode);
  if (cached) return cached;
  const p = leafPlan(mode);
  leafKeys ??= rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = leafKeys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(p.notBefore);
  cert.validity.notAfter = new Date(p.notAfter);
  const subject = [{ name: 'commonName', value: p.commonName }, { name: 'organizationName', value: 'goproxyctl lab' }];
  cert.setSubject(subject);
  const altNames = [...p.names.dns.map((value) => ({ type: 2, value })), ...p.names.ips.map((ip) => ({ type: 7, ip }))];
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ];
  if (p.selfSigned) {
    cert.setIssuer(subject);
    cert.setExtensions(extensions);
    cert.sign(leafKeys.privateKey, forge.md.sha256.create());
  } else {
    const authority = labCa();
    cert.setIssuer(authority.cert.subject.attributes);
    cert.setExtensions([...extensions, { name: 'authorityKeyIdentifier', keyIdentifier: authority.cert.generateSubjectKeyIdentifier().getBytes() }]);
    cert.sign(caKeyPair().privateKey, forge.md.sha256.create());
  }
  const result = { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(leafKeys.privateKey) };
  leaves.set(mode, result);
  return result;
}
