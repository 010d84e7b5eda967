// What the file readers (electron/core/lint) hand to the pure lint rules, and what the rules
// return. Every position is an offset into the file's text; the rules turn it into line:column.
import type { Message } from '../i18n/message.js';

export const LINT_FILE_KINDS = [
  'dockerfile', 'makefile', 'github-actions', 'gitlab-ci', 'docker-compose', 'travis', 'goreleaser', 'shell',
] as const;
export type LintFileKind = (typeof LINT_FILE_KINDS)[number];

export type LintSeverity = 'error' | 'warning';

export const LINT_RULE_IDS = [
  'comma-no-failover',
  'pipe-unquoted-in-shell',
  'arg-out-of-scope',
  'unknown-go-variable',
  'gonoproxy-wildcard',
  'gosumdb-off',
  'defunct-proxy',
  'insecure-flag',
  'go111module-off',
  'pattern-never-matches',
  'entries-after-direct',
  'missing-scheme',
  'private-leak',
  'go-env-w-in-image',
  'invalid-goproxy',
  'invalid-gosumdb',
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** How a value was written: decides what --fix may do to it. */
export type AssignmentSyntax =
  /** A shell word (export, a prefix assignment, `go env -w`, `--build-arg`): a "|" needs quotes. */
  | 'shell'
  /** Not re-read by a shell (Dockerfile ARG/ENV, YAML env maps, make variables). */
  | 'plain';

/** One Go variable set in a file. */
export interface Assignment {
  variable: string;
  /** The value the variable gets (quotes removed); null when it depends on expansions ($VAR, ${{ }}). */
  value: string | null;
  /** Offset of the value (or of the name when the value is not literal) in the file. */
  offset: number;
  /**
   * For each character of `value`, its offset in the file; absent when the value cannot be
   * mapped back (escapes, folded YAML, make expansion): such values are reported, never fixed.
   */
  valueOffsets?: number[];
  syntax: AssignmentSyntax;
  /** The value was quoted in the source (a shell word or YAML scalar). */
  quoted: boolean;
  /** Where it was found, for the reader's own words: "ENV", "go env -w", "jobs.build.env"... */
  where: string;
  /** A make variable that is not exported: a name of the build script, not of go's environment. */
  local?: true;
}

/** `NAME=a|b` unquoted in a shell line: the shell runs `NAME=a` piped into a command named `b`. */
export interface PipeSplit {
  variable: string;
  /** The value the author meant ("a|b|direct"). */
  intended: string;
  offset: number;
  /** The whole `a|b|direct` span in the file (after NAME=), when it can be quoted safely. */
  span?: { start: number; end: number };
}

/** A Dockerfile ARG declared before the first FROM and used in a stage without `ARG NAME` there. */
export interface ArgOutOfScope {
  variable: string;
  /** The global ARG. */
  declaredAt: number;
  /** Where the stage uses it (or the FROM of a stage that never re-declares it). */
  offset: number;
  stage: string;
}

/** `go env -w` inside a Dockerfile RUN. */
export interface GoEnvWriteInImage {
  variables: string[];
  offset: number;
}

/** A go command line (e.g. `go get -insecure`) with a flag go no longer has. */
export interface RemovedFlag {
  flag: string;
  offset: number;
}

export interface LintFacts {
  file: string;
  kind: LintFileKind;
  text: string;
  assignments: Assignment[];
  pipeSplits: PipeSplit[];
  argsOutOfScope: ArgOutOfScope[];
  goEnvWrites: GoEnvWriteInImage[];
  removedFlags: RemovedFlag[];
  /** Parts the reader could not read (a YAML or shell syntax error), for the report. */
  notes: Message[];
}

/** An edit --fix may make: replace [start, end) of the file's text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface LintFinding {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (SARIF's default column kind). */
  column: number;
  rule: LintRuleId;
  severity: LintSeverity;
  variable: string;
  /** The value as written (credentials redacted). */
  value: string;
  /** One sentence, in go's terms: a message of the catalogue (shared/i18n/parts/lint.ts). */
  whyMessage: Message;
  fixMessage: Message;
  /** Present when --fix can make the change with certainty. */
  edits?: TextEdit[];
}

/** A finding as the rules return it. */
export type LintResult = LintFinding;
