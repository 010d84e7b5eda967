// An exact port of Go's path.Match (src/path/match.go, identical in go 1.19 and 1.23).
// Go matches on the UTF-8 bytes of the strings, so this port does too: `?` and `[...]`
// consume one rune, a literal consumes one byte.
import { decodeRune, RUNE_ERROR, utf8Encode } from '../util/utf8.js';

export interface PathMatchResult {
  matched: boolean;
  /** 'bad-pattern' is Go's path.ErrBadPattern ("syntax error in pattern"). */
  error: 'bad-pattern' | null;
}

type Bytes = Uint8Array;

const STAR = 0x2a; // *
const SLASH = 0x2f; // /
const BACKSLASH = 0x5c; // \
const LBRACKET = 0x5b; // [
const RBRACKET = 0x5d; // ]
const CARET = 0x5e; // ^
const DASH = 0x2d; // -
const QUESTION = 0x3f; // ?

class BadPattern extends Error {}

export function pathMatch(pattern: string, name: string): PathMatchResult {
  try {
    return { matched: matchBytes(utf8Encode(pattern), utf8Encode(name)), error: null };
  } catch (e) {
    if (e instanceof BadPattern) return { matched: false, error: 'bad-pattern' };
    throw e;
  }
}

function matchBytes(pattern: Bytes, name: Bytes): boolean {
  patternLoop: while (pattern.length > 0) {
    const scanned = scanChunk(pattern);
    const { star, chunk } = scanned;
    pattern = scanned.rest;
    if (star && chunk.length === 0) {
      // Trailing * matches rest of string unless it has a /.
      return name.indexOf(SLASH) < 0;
    }
    // Look for match at current position.
    const here = matchChunk(chunk, name);
    // If we're the last chunk, make sure we've exhausted the name, otherwise we'd
    // give a false result even if we could still match using the star.
    if (here.ok && (here.rest.length === 0 || pattern.length > 0)) {
      name = here.rest;
      continue;
    }
    if (here.bad) throw new BadPattern();
    if (star) {
      // Look for match skipping i+1 bytes. Cannot skip /.
      for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
        const skipped = matchChunk(chunk, name.subarray(i + 1));
        if (skipped.ok) {
          if (pattern.length === 0 && skipped.rest.length > 0) continue;
          name = skipped.rest;
          continue patternLoop;
        }
        if (skipped.bad) throw new BadPattern();
      }
    }
    // Before returning false with no error, check that the remainder of the
    // pattern is syntactically valid (Go does this; a bad tail is an error).
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      if (matchChunk(next.chunk, new Uint8Array(0)).bad) throw new BadPattern();
    }
    return false;
  }
  return name.length === 0;
}

function scanChunk(pattern: Bytes): { star: boolean; chunk: Bytes; rest: Bytes } {
  let star = false;
  while (pattern.length > 0 && pattern[0] === STAR) {
    pattern = pattern.subarray(1);
    star = true;
  }
  let inRange = false;
  let i: number;
  scan: for (i = 0; i < pattern.length; i++) {
    switch (pattern[i]) {
      case BACKSLASH:
        // Error check handled in matchChunk: bad pattern.
        if (i + 1 < pattern.length) i++;
        break;
      case LBRACKET:
        inRange = true;
        break;
      case RBRACKET:
        inRange = false;
        break;
      case STAR:
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: pattern.subarray(0, i), rest: pattern.subarray(i) };
}

interface ChunkResult {
  rest: Bytes;
  ok: boolean;
  bad: boolean;
}

const EMPTY = new Uint8Array(0);

function matchChunk(chunk: Bytes, s: Bytes): ChunkResult {
  const badPattern: ChunkResult = { rest: EMPTY, ok: false, bad: true };
  // After the match fails, the loop keeps processing the chunk to check that the
  // pattern is well-formed, but no longer reads s.
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0];
    if (c === LBRACKET) {
      // Character class.
      let r = 0;
      if (!failed) {
        const { rune, size } = decodeRune(s);
        r = rune;
        s = s.subarray(size);
      }
      chunk = chunk.subarray(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === CARET) {
        negated = true;
        chunk = chunk.subarray(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === RBRACKET && nrange > 0) {
          chunk = chunk.subarray(1);
          break;
        }
        const lo = getEsc(chunk);
        if (lo === null) return badPattern;
        chunk = lo.rest;
        let hi = lo.rune;
        if (chunk[0] === DASH) {
          const h = getEsc(chunk.subarray(1));
          if (h === null) return badPattern;
          hi = h.rune;
          chunk = h.rest;
        }
        if (lo.rune <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === QUESTION) {
      if (!failed) {
        if (s[0] === SLASH) failed = true;
        s = s.subarray(decodeRune(s).size);
      }
      chunk = chunk.subarray(1);
    } else {
      if (c === BACKSLASH) {
        chunk = chunk.subarray(1);
        if (chunk.length === 0) return badPattern;
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.subarray(1);
      }
      chunk = chunk.subarray(1);
    }
  }
  if (failed) return { rest: EMPTY, ok: false, bad: false };
  return { rest: s, ok: true, bad: false };
}

/** Go's getEsc: one possibly escaped rune of a character class, or null for ErrBadPattern. */
function getEsc(chunk: Bytes): { rune: number; rest: Bytes } | null {
  if (chunk.length === 0 || chunk[0] === DASH || chunk[0] === RBRACKET) return null;
  if (chunk[0] === BACKSLASH) {
    chunk = chunk.subarray(1);
    if (chunk.length === 0) return null;
  }
  const { rune, size } = decodeRune(chunk);
  if (rune === RUNE_ERROR && size === 1) return null;
  const rest = chunk.subarray(size);
  if (rest.length === 0) return null;
  return { rune, rest };
}
