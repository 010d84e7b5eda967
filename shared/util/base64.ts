// Base64 with the semantics of Go's base64.StdEncoding (padded, standard alphabet),
// needed to validate GOSUMDB verifier keys without Node's Buffer.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes like Go's base64.StdEncoding.DecodeString: padding is required, "\r" and "\n"
 * are skipped, non-zero trailing bits are accepted (only Strict mode rejects them).
 * Returns null where Go returns an error.
 */
export function base64StdDecode(text: string): Uint8Array | null {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const quad = s.slice(i, i + 4);
    const pad = quad.endsWith('==') ? 2 : quad.endsWith('=') ? 1 : 0;
    if (pad > 0 && i + 4 !== s.length) return null; // padding only at the very end
    const values: number[] = [];
    for (const ch of quad.slice(0, 4 - pad)) {
      const v = ALPHABET.indexOf(ch);
      if (v < 0) return null;
      values.push(v);
    }
    const [a = 0, b = 0, c = 0, d = 0] = values;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out.push((n >> 16) & 0xff);
    if (pad < 2) out.push((n >> 8) & 0xff);
    if (pad < 1) out.push(n & 0xff);
  }
  return Uint8Array.from(out);
}

/** Go's base64.StdEncoding.EncodeToString. */
export function base64StdEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] ?? '';
    out += ALPHABET[(n >> 12) & 63] ?? '';
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63] ?? '';
    out += c === undefined ? '=' : ALPHABET[n & 63] ?? '';
  }
  return out;
}
