// The doctor's input (a snapshot gathered by electron/core/doctor) and output (findings).
import type { EffectiveConfig } from '../go/effective.js';
import type { LintFinding } from '../lint/types.js';
import type { RcAssignment } from './rc-scan.js';
import { render } from '../i18n/catalog.js';
import { msg, type Locale, type Message } from '../i18n/message.js';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_IDS = [
  'shadowed-by-os-env',
  'goenv-off',
  'gosumdb-off',
  'invalid-gosumdb',
  'invalid-goproxy',
  'ignored-after-direct',
  'comma-no-failover',
  'defunct-proxy',
  'insecure-http-proxy',
  'pattern-has-space',
  'pattern-uppercase',
  'too-broad-private',
  'pattern-never-matches',
  'gomodule-off',
  'go-too-old',
  'netrc-permissions',
  'https-proxy-in-use',
  'suggest-goprivate',
  'project-file',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export type Evidence =
  | { kind: 'variable'; variable: string; value: string; source: string; path?: string }
  | { kind: 'file'; file: string; line: number; text: string }
  | { kind: 'process-env'; variable: string; value: string }
  | { kind: 'go-version'; version: string }
  | { kind: 'file-mode'; file: string; mode: string }
  | { kind: 'project'; dir: string; detail: Message };

/** What a finding says: a message of the catalogue (shared/i18n), which each front end renders in its user's language. */
export type FindingText = Message;

export function renderFindingText(locale: Locale, text: FindingText): string {
  return render(locale, text);
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** The Go variable concerned, when there is one. */
  variable?: string;
  evidence: Evidence[];
  /** The finding in a few words (a card's title, the CLI's heading): never the rule id. */
  title: Message;
  /** One paragraph on what is wrong and why it matters. */
  explanation: FindingText;
  /** What to do; `automatic` when `goproxyctl doctor --fix` does it. */
  fix?: { automatic: boolean; text: FindingText };
}

/** What a rule returns; runDoctor adds the title (one per rule id). */
export type FindingDraft = Omit<Finding, 'title'>;

/** A rule's title; a rule this catalogue does not know (an older or newer peer) gets a general one. */
export function findingTitle(id: string): Message {
  const known = (FINDING_IDS as readonly string[]).includes(id);
  return known ? msg(`ops.doctor.title.${id as FindingId}`) : msg('ops.doctor.title.other');
}

export interface ProjectFacts {
  dir: string;
  /** From go.mod's module line; null when there is no go.mod. */
  modulePath: string | null;
  /** Module paths required by go.mod. */
  requires: string[];
  /** Fetch URLs from `git remote -v`. */
  remotes: string[];
  /** What `goproxyctl lint` finds in the project's Dockerfiles, CI files, Makefiles and scripts. */
  lint?: LintFinding[];
}

export interface DoctorSnapshot {
  effective: EffectiveConfig;
  /** e.g. "go1.23.4"; null when go is not installed. */
  goVersion: string | null;
  /** Go-variable assignments found in shell startup files. */
  rcAssignments: RcAssignment[];
  /** The profile `goproxyctl use` made active, if any: `doctor --fix` then makes its values win. */
  activeProfile?: string | null;
  /** The startup files goproxyctl's managed block goes into (bash's and zsh's). */
  blockFiles?: string[];
  /** The netrc go reads, when it exists. */
  netrc: { path: string; mode: number } | null;
  platform: string;
  /** The proxy variables go's HTTP client honours, as set in the process environment. */
  proxyEnv: Record<string, string>;
  projects: ProjectFacts[];
  /** The active profile references keychain credentials (so go needs GOAUTH or netrc). */
  usesCredentials: boolean;
}
