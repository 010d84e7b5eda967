// Doctor findings as the state shows them: a stable key per finding (so "fix this one" names it),
// whether the doctor can fix it by itself, and every value redacted. Pure.
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { DoctorFixView, FindingView } from '../../../shared/contract/state.js';
import type { Finding } from '../../../shared/doctor/index.js';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';

/** The rule and its variable (a rule reports at most one finding per variable); else the rule and its rank. */
export function findingKey(finding: Finding, index: number, all: readonly Finding[]): string {
  if (finding.variable) return `${finding.id}:${finding.variable}`;
  const sameRule = all.slice(0, index).filter((f) => f.id === finding.id && !f.variable).length;
  return sameRule === 0 ? finding.id : `${finding.id}#${sameRule + 1}`;
}

function redactDeep<T>(value: T): T {
  return JSON.parse(redactCredentials(JSON.stringify(value))) as T;
}

export function toFindingViews(findings: readonly Finding[]): FindingView[] {
  return findings.map((f, i) => redactDeep({ ...f, key: findingKey(f, i, findings), fixable: f.id === 'shadowed-by-os-env' && f.fix?.automatic === true }));
}

/** The fix's outcome; its notes in English (the contract's DoctorFixView carries text; the dashboard shows none of them). */
export function toDoctorFixView(key: string, fix: { moved: Record<string, string>; commented: string[]; skipped: Message[]; warnings: (Message | string)[]; record: { id: string } | null }): DoctorFixView {
  const text = (m: Message | string): string => (typeof m === 'string' ? m : render('en', m));
  return redactDeep({ key, moved: fix.moved, commented: fix.commented, skipped: fix.skipped.map(text), warnings: fix.warnings.map(text), applyId: fix.record?.id ?? null });
}
