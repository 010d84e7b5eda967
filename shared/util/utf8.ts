// UTF-8 helpers for ports of Go code, which works on the bytes of a string.
// shared/ has no TextEncoder (no DOM, no Node types), so this is hand-written.

/** Encodes a JS string as UTF-8; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) {
      bytes.push(cp);
    } else if (cp < 0x800) {
      bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
  }
  return Uint8Array.from(bytes);
}

export const RUNE_ERROR = 0xfffd;

/**
 * Go's utf8.DecodeRune: the first rune of `bytes` and its width. Empty input gives
 * (RuneError, 0); an invalid or overlong sequence gives (RuneError, 1).
 */
export function decodeRune(bytes: Uint8Array): { rune: number; size: number } {
  const n = bytes.length;
  if (n === 0) return { rune: RUNE_ERROR, size: 0 };
  const b0 = bytes[0] ?? 0;
  if (b0 < 0x80) return { rune: b0, size: 1 };
  const invalid = { rune: RUNE_ERROR, size: 1 };
  const cont = (i: number): number | null => {
    const b = bytes[i];
    return b !== undefined && (b & 0xc0) === 0x80 ? b & 0x3f : null;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 === null ? invalid : { rune: ((b0 & 0x1f) << 6) | c1, size: 2 };
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 === null || c2 === null) return invalid;
    const rune = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (rune < 0x800 || (rune >= 0xd800 && rune <= 0xdfff)) return invalid;
    return { rune, size: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 === null || c2 === null || c3 === null) return invalid;
    const rune = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (rune < 0x10000 || rune > 0x10ffff) return invalid;
    return { rune, size: 4 };
  }
  return invalid;
}

/**
 * Go strings are byte strings. Ports that slice and compare bytes keep them as "binary
 * strings": one JS char per byte (0..255). These convert to and from normal JS strings.
 */
export function toByteString(text: string): string {
  let out = '';
  for (const b of utf8Encode(text)) out += String.fromCharCode(b);
  return out;
}

/** Decodes a byte string as UTF-8; each invalid byte becomes U+FFFD (Go's string(rune) view). */
export function fromByteString(bytes: string): string {
  const arr = byteStringToArray(bytes);
  let out = '';
  for (let i = 0; i < arr.length; ) {
    const { rune, size } = decodeRune(arr.subarray(i));
    out += String.fromCodePoint(rune);
    i += size;
  }
  return out;
}

export function byteStringToArray(bytes: string): Uint8Array {
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i) & 0xff;
  return arr;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.Quote of a byte string (what `%q` prints), e.g. `"a\tb\xff"`. */
export function goQuoteBytes(bytes: string): string {
  const arr = byteStringToArray(bytes);
  let out = '"';
  for (let i = 0; i < arr.length; ) {
    const { rune, size } = decodeRune(arr.subarray(i));
    if (size === 1 && rune === RUNE_ERROR) {
      out += '\\x' + hex2(arr[i] ?? 0);
    } else {
      out += quoteRune(rune);
    }
    i += size;
  }
  return out + '"';
}

/** Go's strconv.Quote of a JS string (converted to UTF-8 first). */
export function goQuote(text: string): string {
  return goQuoteBytes(toByteString(text));
}

function quoteRune(rune: number): string {
  if (rune === 0x22) return '\\"';
  if (rune === 0x5c) return '\\\\';
  const ch = String.fromCodePoint(rune);
  if (PRINTABLE.test(ch)) return ch;
  switch (rune) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (rune < 0x20 || rune === 0x7f) return '\\x' + hex2(rune);
  if (rune < 0x10000) return '\\u' + rune.toString(16).padStart(4, '0');
  return '\\U' + rune.toString(16).padStart(8, '0');
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** Go's strconv.QuoteRune (what `%q` prints for a rune), e.g. `'é'`, `'\''`, `'\x00'`. */
export function goQuoteRune(rune: number): string {
  if (rune === 0x27) return "'\\''";
  if (rune === 0x22) return "'\"'";
  return "'" + quoteRune(rune) + "'";
}
