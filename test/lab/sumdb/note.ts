// Signed notes, as golang.org/x/mod/sumdb/note writes them, with Ed25519 keys: the verifier key
// "<name>+<hash>+<base64(0x01 || public key)>" where hash is the first four bytes (big-endian hex)
// of SHA-256("<name>\n" || 0x01 || public key), and a signature line "— <name> <base64(hash || sig)>"
// after the text and a blank line. The lab derives its key from a seed so every run agrees.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

const ALG_ED25519 = 0x01;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface NoteSigner {
  readonly name: string;
  /** What GOSUMDB takes before an optional URL. */
  readonly verifierKey: string;
  /** A signed note for text (which must end in a newline). */
  sign(text: string): string;
}

function keyHash(name: string, key: Buffer): Buffer {
  return createHash('sha256').update(`${name}\n`).update(key).digest().subarray(0, 4);
}

export function labSigner(name: string, seedText = `goproxyctl lab checksum database ${name}`): NoteSigner {
  const seed = createHash('sha256').update(seedText).digest();
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.concat([Buffer.from([ALG_ED25519]), spki.subarray(spki.length - 32)]);
  const hash = keyHash(name, publicKey);
  return {
    name,
    verifierKey: `${name}+${hash.toString('hex')}+${publicKey.toString('base64')}`,
    sign: (text) => {
      if (!text.endsWith('\n')) throw new Error('note: text must end in a newline');
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      return `${text}\n\u2014 ${name} ${Buffer.concat([hash, signature]).toString('base64')}\n`;
    },
  };
}
