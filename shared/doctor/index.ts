// The doctor: every rule over one snapshot, errors first. Pure.
import { goenvOff, gomoduleOff, goTooOld, httpsProxyInUse, netrcPermissions, shadowedByOsEnv } from './rules-env.js';
import { goproxyRules, gosumdbRules } from './rules-goproxy.js';
import { patternRules } from './rules-patterns.js';
import { findingTitle, type DoctorSnapshot, type Finding, type FindingDraft, type Severity } from './types.js';
import { msg } from '../i18n/message.js';

/**
 * `goproxyctl lint`'s findings in the --project dirs, as doctor findings (one truth for both).
 * Their words are lint's own messages, with the way to let `goproxyctl lint --fix` do it.
 */
function projectFiles(s: DoctorSnapshot): FindingDraft[] {
  return s.projects.flatMap((p) => (p.lint ?? []).map((f): FindingDraft => ({
    id: 'project-file',
    severity: f.severity,
    variable: f.variable,
    evidence: [{ kind: 'file', file: f.file, line: f.line, text: `${f.rule}: ${f.variable}=${f.value}` }],
    explanation: f.whyMessage,
    fix: { automatic: false, text: f.edits ? msg('lint.doctor.fix-by-lint', { fix: f.fixMessage }) : f.fixMessage },
  })));
}

export * from './types.js';
export { scanRcText, whyNotMovable, whyNotMovableMessage, type RcAssignment, type RcSyntax, type RcContext, type RcLayout, type RcStatementSpan } from './rc-scan.js';
export { fishLayout } from './fish-layout.js';
export { SHADOW_CHECKED_VARS, shadowLinesFixable, shadowFixPlan, leftAloneLines, placeOf, type ShadowFixPlan } from './rules-env.js';
export { DEFUNCT_PROXY_HOSTS } from './rules-goproxy.js';
export { privatePatternFor, remoteToPath } from './suggest-private.js';

const RULES: readonly ((s: DoctorSnapshot) => FindingDraft[])[] = [
  shadowedByOsEnv, goenvOff, gomoduleOff, goproxyRules, gosumdbRules, patternRules, goTooOld, netrcPermissions, httpsProxyInUse, projectFiles,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runDoctor(snapshot: DoctorSnapshot): Finding[] {
  return RULES.flatMap((rule) => rule(snapshot))
    .map((f): Finding => ({ ...f, title: findingTitle(f.id) }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
