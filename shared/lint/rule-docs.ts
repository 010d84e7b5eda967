// One line per rule for `--format sarif` (rule descriptors) and `goproxyctl lint --help`; the long
// form with an example each is docs/lint.md.
import type { LintRuleId, LintSeverity } from './types.js';

export interface RuleDoc {
  severity: LintSeverity;
  title: string;
  why: string;
  fix: string;
}

export const RULE_DOCS: Readonly<Record<LintRuleId, RuleDoc>> = {
  'comma-no-failover': { severity: 'warning', title: 'GOPROXY proxies joined by ","', why: 'After ",", go tries the next proxy only on 404/410; a 5xx or a timeout stops the download.', fix: 'Use "|" between mirrors (--fix does it between public mirrors).' },
  'pipe-unquoted-in-shell': { severity: 'error', title: 'A "|" list unquoted in a shell line', why: 'The shell reads "|" as a pipe, so the variable is never set for go.', fix: "Quote the list: GOPROXY='https://a|https://b|direct' (--fix does it)." },
  'arg-out-of-scope': { severity: 'error', title: 'ARG declared before FROM, not re-declared in the stage', why: 'An ARG before the first FROM is visible to FROM lines only; inside the stage it is empty.', fix: 'Add `ARG NAME` after the stage\'s FROM.' },
  'unknown-go-variable': { severity: 'warning', title: 'A variable go does not read', why: 'go ignores names such as GONOSUMCHECK or GO_PROXY, so the setting has no effect.', fix: 'Use the name go reads (GONOSUMDB, GOPROXY...).' },
  'gonoproxy-wildcard': { severity: 'warning', title: 'A GOPRIVATE-style pattern that matches every module', why: 'GONOPROXY=* (or GOPRIVATE/GONOSUMDB/GOINSECURE) skips the proxy or the checksum database for every module.', fix: 'List only private hosts or organisations.' },
  'gosumdb-off': { severity: 'warning', title: 'GOSUMDB=off', why: 'Checksum verification is off for every module (not reported when GOPROXY=off in the same file).', fix: 'Keep GOSUMDB and list private modules in GOPRIVATE/GONOSUMDB.' },
  'defunct-proxy': { severity: 'error', title: 'A proxy that no longer exists', why: 'gocenter.io and athens.azurefd.net no longer serve modules.', fix: 'Remove the entry.' },
  'insecure-flag': { severity: 'error', title: 'The removed -insecure flag', why: 'go stops with "-insecure flag is no longer supported; use GOINSECURE instead".', fix: 'Use GOINSECURE (and GOPRIVATE) instead.' },
  'go111module-off': { severity: 'error', title: 'GO111MODULE=off', why: 'GOPATH mode: go.mod, proxies, the checksum database and GOPRIVATE are all ignored.', fix: 'Remove GO111MODULE.' },
  'pattern-never-matches': { severity: 'error', title: 'A GOPRIVATE-style pattern that can never match', why: 'A URL scheme, a space, a capital in the host or a bad glob: go matches it against no module path.', fix: 'Write bare, lower-case module path prefixes separated by "," only.' },
  'entries-after-direct': { severity: 'warning', title: 'GOPROXY entries after direct or off', why: '"direct" and "off" end the list; go never tries what follows.', fix: 'Move direct to the end.' },
  'missing-scheme': { severity: 'error', title: 'A GOPROXY entry go rejects for its missing scheme', why: 'go adds https:// only to entries with ".", ":" or "/"; others fail with "invalid proxy URL missing scheme".', fix: 'Write the full https:// URL.' },
  'private-leak': { severity: 'warning', title: '"|" after a private proxy, then a public one, without GOPRIVATE', why: 'While the private proxy is down go asks the public mirror for every module path, private ones included.', fix: 'Set GOPRIVATE, or use "," after the private proxy.' },
  'go-env-w-in-image': { severity: 'warning', title: '`go env -w` in a Dockerfile', why: 'It writes one user\'s env file: ENV overrides it and another USER loses it.', fix: 'Use ENV.' },
  'invalid-goproxy': { severity: 'error', title: 'A GOPROXY go rejects', why: 'An unsupported scheme or a malformed URL: every download fails.', fix: 'Use https:// URLs separated by "|" or ",".' },
  'invalid-gosumdb': { severity: 'error', title: 'A GOSUMDB go rejects', why: 'A mirror URL alone is not a checksum database name: downloads of modules not yet in go.sum fail.', fix: 'Use sum.golang.org, sum.golang.google.cn, or "sum.golang.org https://mirror/sumdb/sum.golang.org".' },
};
