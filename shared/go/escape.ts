// Module path and version checks and escaping: a port of golang.org/x/mod/module
// (CheckPath, EscapePath, EscapeVersion; vendored in $GOROOT/src/cmd/vendor/golang.org/x/mod/module).
import { goQuote, goQuoteRune } from '../util/utf8.js';

const BAD_WINDOWS_NAMES = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
];

type PathKind = 'module' | 'import' | 'file';

/**
 * Go's module.CheckPath: null when `path` is a valid module path, else go's message,
 * e.g. `malformed module path "x": missing dot in first path element`.
 */
export function checkModulePath(path: string): string | null {
  const reason = modulePathProblem(path);
  return reason === null ? null : `malformed module path ${goQuote(path)}: ${reason}`;
}

/** Go's module.EscapePath: "!" + lower-case for each capital. Throws go's message when the path is invalid. */
export function escapeModulePath(path: string): string {
  const problem = checkModulePath(path);
  if (problem !== null) throw new Error(problem);
  return escapeString(path);
}

/** Go's module.EscapeVersion. Throws go's message for a disallowed version string. */
export function escapeVersion(version: string): string {
  if (checkElem(version, 'file') !== null || version.includes('!')) {
    throw new Error(`version ${goQuote(version)} invalid: disallowed version string`);
  }
  return escapeString(version);
}

function modulePathProblem(path: string): string | null {
  const generic = checkPath(path, 'module');
  if (generic !== null) return generic;
  let i = path.indexOf('/');
  if (i < 0) i = path.length;
  if (i === 0) return 'leading slash';
  const first = path.slice(0, i);
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path[0] === '-') return 'leading dash in first path element';
  for (const ch of first) {
    if (!/^[-.0-9a-z]$/.test(ch)) return `invalid char ${goQuoteRune(ch.codePointAt(0) ?? 0)} in first path element`;
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return null;
}

function checkPath(path: string, kind: PathKind): string | null {
  if (path === '') return 'empty string';
  if (path[0] === '-' && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const problem = checkElem(elem, kind);
    if (problem !== null) return problem;
  }
  return null;
}

function checkElem(elem: string, kind: PathKind): string | null {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
  if (elem[0] === '.' && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  for (const ch of elem) {
    if (!charOK(ch, kind)) return `invalid char ${goQuoteRune(ch.codePointAt(0) ?? 0)}`;
  }
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  // Go uses strings.EqualFold, which also folds e.g. the Kelvin sign; ASCII folding covers real names.
  if (BAD_WINDOWS_NAMES.includes(short.toUpperCase())) {
    return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  if (kind === 'file') return null;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return null;
}

function charOK(ch: string, kind: PathKind): boolean {
  if (kind === 'file') return /^[0-9A-Za-z!#$%&()+,\-.=@[\]^_{}~ ]$/.test(ch) || (ch.codePointAt(0) ?? 0) >= 0x80 && /^\p{L}$/u.test(ch);
  const modOK = /^[-._~0-9A-Za-z]$/.test(ch);
  return kind === 'import' ? modOK || ch === '+' : modOK;
}

/** Go's module.SplitPathVersion, reduced to its ok result (with gopkg.in handling). */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && /[0-9.]/.test(path[i - 1] ?? '')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') return { prefix: path, pathMajor: '', ok: true };
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') return { prefix: path, pathMajor: '', ok: false };
  return { prefix, pathMajor, ok: true };
}

function splitGopkgIn(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && /[0-9]/.test(path[i - 1] ?? '')) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return { prefix: path, pathMajor: '', ok: false };
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) return { prefix: path, pathMajor: '', ok: false };
  return { prefix, pathMajor, ok: true };
}

function escapeString(s: string): string {
  for (const ch of s) {
    if (ch === '!' || (ch.codePointAt(0) ?? 0) >= 0x80) throw new Error('internal error: inconsistency in EscapePath');
  }
  return s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/**
 * Go's unescapeString (behind module.UnescapePath/UnescapeVersion): the inverse of the escaping,
 * or null when `escaped` is not a valid escaped form (an upper-case letter, a '!' not followed by a
 * lower-case letter, a non-ASCII character). Checks only the escaping, not the path's validity.
 */
export function unescapeModuleString(escaped: string): string | null {
  let out = '';
  let bang = false;
  for (const ch of escaped) {
    if ((ch.codePointAt(0) ?? 0) >= 0x80) return null;
    if (bang) {
      if (!/^[a-z]$/.test(ch)) return null;
      out += ch.toUpperCase();
      bang = false;
    } else if (ch === '!') {
      bang = true;
    } else if (/^[A-Z]$/.test(ch)) {
      return null;
    } else {
      out += ch;
    }
  }
  return bang ? null : out;
}
