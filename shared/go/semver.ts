// A port of golang.org/x/mod/semver (Go's semantic versions: a leading "v", major/minor/patch
// that may be shorthand like "v1" or "v1.2", optional -prerelease and +build).
// Used to pick "latest" from an @v/list answer the way go does.

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  short: string;
  prerelease: string;
  build: string;
}

function parse(v: string): Parsed | null {
  if (!v.startsWith('v')) return null;
  let rest = v.slice(1);
  const num = (): string | null => {
    const m = /^(0|[1-9][0-9]*)/.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
    return m[0];
  };
  const major = num();
  if (major === null) return null;
  if (rest === '') return { major, minor: '0', patch: '0', short: '.0.0', prerelease: '', build: '' };
  if (!rest.startsWith('.')) return null;
  rest = rest.slice(1);
  const minor = num();
  if (minor === null) return null;
  if (rest === '') return { major, minor, patch: '0', short: '.0', prerelease: '', build: '' };
  if (!rest.startsWith('.')) return null;
  rest = rest.slice(1);
  const patch = num();
  if (patch === null) return null;
  let prerelease = '';
  let build = '';
  const pre = /^-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)/.exec(rest);
  if (pre) {
    if (pre[1]!.split('.').some((id) => /^0[0-9]+$/.test(id))) return null; // numeric ids: no leading zeros
    prerelease = `-${pre[1]}`;
    rest = rest.slice(pre[0].length);
  }
  const b = /^\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)/.exec(rest);
  if (b) {
    build = `+${b[1]}`;
    rest = rest.slice(b[0].length);
  }
  if (rest !== '') return null;
  return { major, minor, patch, short: '', prerelease, build };
}

/** True for the full vMAJOR.MINOR.PATCH[-pre] form go uses in module versions (no +build, no shorthand). */
export function isCanonicalSemver(v: string): boolean {
  const p = parse(v);
  return p !== null && p.short === '' && p.build === '';
}

function compareInt(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const a = xs[i]!;
    const b = ys[i]!;
    if (a === b) continue;
    const an = /^[0-9]+$/.test(a);
    const bn = /^[0-9]+$/.test(b);
    if (an && bn) return compareInt(a, b);
    if (an) return -1;
    if (bn) return 1;
    return a < b ? -1 : 1;
  }
  return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}

/** semver.Compare: an invalid version is less than every valid one, and equal to other invalid ones. */
export function compareSemver(v: string, w: string): number {
  const pv = parse(v);
  const pw = parse(w);
  if (!pv && !pw) return 0;
  if (!pv) return -1;
  if (!pw) return 1;
  return (
    compareInt(pv.major, pw.major) ||
    compareInt(pv.minor, pw.minor) ||
    compareInt(pv.patch, pw.patch) ||
    comparePrerelease(pv.prerelease, pw.prerelease)
  );
}
