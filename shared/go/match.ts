// GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE glob lists.
// matchPrefixPatterns is a port of golang.org/x/mod/module.MatchPrefixPatterns
// (vendored in $GOROOT/src/cmd/vendor/golang.org/x/mod/module/module.go).
import { pathMatch } from './path-match.js';

export { pathMatch } from './path-match.js';
export type { PathMatchResult } from './path-match.js';

/**
 * Reports whether any glob in the comma-separated list matches a prefix of `target`.
 * A glob with N slashes is matched against the first N+1 elements of the target.
 * Exactly as Go: no trimming of spaces, one trailing "/" ignored, empty globs skipped,
 * a glob with a syntax error simply does not match.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  for (const raw of globs.split(',')) {
    const glob = trimOneSlash(raw);
    if (glob === '') continue;
    const prefix = firstElements(target, countSlashes(glob) + 1);
    if (prefix === null) continue; // not enough path elements
    if (pathMatch(glob, prefix).matched) return true;
  }
  return false;
}

export type PatternProblemCode = 'has-space' | 'uppercase' | 'bad-pattern' | 'too-broad' | 'empty-entry';

export interface PatternProblem {
  code: PatternProblemCode;
  /** The glob exactly as written between commas (before Go drops a trailing "/"). */
  glob: string;
  /** Position of the glob in the comma-separated list, from 0. */
  index: number;
  message: string;
}

// Module paths that any sensible private pattern must leave alone: a glob matching
// all of them sends (almost) every public module past the proxy or checksum database.
const PUBLIC_SAMPLE = ['github.com/a/b', 'golang.org/x/text', 'gopkg.in/yaml.v3', 'k8s.io/client-go', 'go.uber.org/zap'];

/** Problems a doctor should show for a GOPRIVATE-style glob list; [] when it is clean. */
export function checkPrefixPatterns(globs: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  if (globs === '') return problems;
  globs.split(',').forEach((glob, index) => {
    const add = (code: PatternProblemCode, message: string): void => {
      problems.push({ code, glob, index, message });
    };
    const effective = trimOneSlash(glob);
    if (effective === '') {
      add('empty-entry', `Entry ${index + 1} is empty${glob === '' ? '' : ` ("${glob}")`}; go skips it, so remove the extra comma.`);
      return;
    }
    if (/\s/.test(glob)) {
      add('has-space', `"${glob}" contains whitespace, which go does not trim, so it matches no normal module path; remove the spaces.`);
    }
    const host = effective.split('/')[0] ?? '';
    if (/[A-Z]/.test(host)) {
      add('uppercase', `"${glob}" has capitals in the host part, but matching is case-sensitive and module hosts are lower-case; write "${host.toLowerCase()}".`);
    }
    if (pathMatch(effective, '').error !== null) {
      add('bad-pattern', `"${glob}" is not a valid path.Match pattern (unclosed "[", bad range or trailing "\\"), so go never matches it.`);
      return;
    }
    if (PUBLIC_SAMPLE.every((path) => matchPrefixPatterns(effective, path))) {
      add('too-broad', `"${glob}" matches every module, public ones included (e.g. golang.org/x/text); narrow it to your private hosts.`);
    }
  });
  return problems;
}

function trimOneSlash(glob: string): string {
  return glob.endsWith('/') ? glob.slice(0, -1) : glob;
}

function countSlashes(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '/') n++;
  return n;
}

/** The first `count` slash-separated elements of `target`, or null when it has fewer. */
function firstElements(target: string, count: number): string | null {
  let slashesToSkip = count - 1;
  for (let i = 0; i < target.length; i++) {
    if (target[i] === '/') {
      if (slashesToSkip === 0) return target.slice(0, i);
      slashesToSkip--;
    }
  }
  return slashesToSkip > 0 ? null : target;
}
