// The lint rules: Go variables found in a file (with positions) → findings. The GOPROXY, GOSUMDB
// and GO111MODULE verdicts are the doctor's own (shared/doctor), so the doctor and lint agree;
// GOPRIVATE-style lists go through shared/go/match.ts, GOPROXY lists through shared/go/goproxy.ts.
import { commaStops, goproxyValueRules, gosumdbValueRules, isPublicProxy } from '../doctor/rules-goproxy.js';
import { gomoduleOffFinding } from '../doctor/rules-env.js';
import type { Evidence, FindingDraft } from '../doctor/types.js';
import { msg, type Message } from '../i18n/message.js';
import { parseGoproxy } from '../go/goproxy.js';
import { checkPrefixPatterns } from '../go/match.js';
import { redactCredentials } from '../go/redact.js';
import { unknownGoVariable } from './known-vars.js';
import { lineIndex, type LineIndex } from './positions.js';
import type { Assignment, LintFacts, LintResult, LintRuleId, LintSeverity, TextEdit } from './types.js';

type Draft = Omit<LintResult, 'file' | 'line' | 'column'> & { offset: number };

export function lintFacts(facts: LintFacts): LintResult[] {
  const lines: LineIndex = lineIndex(facts.text);
  const drafts: Draft[] = [];
  const values = (name: string): string[] => facts.assignments.filter((a) => a.variable === name && a.value !== null).map((a) => a.value!);
  const scope = {
    goproxyOff: values('GOPROXY').some((v) => v.trim() === 'off'),
    privateSkipsProxies: [...values('GOPRIVATE'), ...values('GONOPROXY')].some((v) => v.trim() !== '' && v.trim() !== 'none'),
    inImage: facts.kind === 'dockerfile',
  };
  // A name the file itself reads back ($GO_PROXY, ${GO_PROXY}, $(GO_PROXY), env.GO_PROXY) is a
  // variable of the script (e.g. `ARG GO_PROXY` then `ENV GOPROXY=$GO_PROXY`), not a misspelling.
  const readBack = (name: string): boolean => new RegExp(`\\$[({]?${name}\\b|env\\.${name}\\b`).test(facts.text);
  for (const a of facts.assignments) drafts.push(...assignmentRules(readBack(a.variable) ? { ...a, local: true } : a, scope));
  for (const p of facts.pipeSplits) {
    drafts.push({
      offset: p.offset,
      rule: 'pipe-unquoted-in-shell',
      severity: 'error',
      variable: p.variable,
      value: redactCredentials(p.intended),
      whyMessage: msg('lint.pipe-unquoted.why', { variable: p.variable, value: redactCredentials(p.intended) }),
      fixMessage: msg('lint.pipe-unquoted.fix', { variable: p.variable, value: redactCredentials(p.intended) }),
      ...(p.span && !p.intended.includes("'") ? { edits: [{ start: p.span.start, end: p.span.start, text: "'" }, { start: p.span.end, end: p.span.end, text: "'" }] } : {}),
    });
  }
  for (const o of facts.argsOutOfScope) {
    drafts.push({
      offset: o.offset,
      rule: 'arg-out-of-scope',
      severity: 'error',
      variable: o.variable,
      value: `ARG ${o.variable}`,
      whyMessage: msg('lint.arg-out-of-scope.why', { variable: o.variable, line: lines.lineOf(o.declaredAt), stage: o.stage }),
      fixMessage: msg('lint.arg-out-of-scope.fix', { variable: o.variable }),
    });
  }
  for (const w of facts.goEnvWrites) {
    drafts.push({
      offset: w.offset,
      rule: 'go-env-w-in-image',
      severity: 'warning',
      variable: w.variables.join(','),
      value: `go env -w ${w.variables.join(' ')}`.trim(),
      whyMessage: msg('lint.go-env-w.why'),
      fixMessage: w.variables.length > 0 ? msg('lint.go-env-w.fix', { variables: w.variables.join(', ') }) : msg('lint.go-env-w.fix-unnamed'),
    });
  }
  for (const r of facts.removedFlags) drafts.push(insecureFlag(r.offset, 'go', r.flag));
  return drafts
    .map(({ offset, ...d }) => ({ file: facts.file, line: lines.lineOf(offset), column: lines.columnOf(offset), ...d }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

interface Scope {
  goproxyOff: boolean;
  privateSkipsProxies: boolean;
  inImage: boolean;
}

const PATTERN_VARS = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);

function assignmentRules(a: Assignment, scope: Scope): Draft[] {
  const drafts: Draft[] = [];
  const value = a.value;
  const shown = redactCredentials(value ?? '');
  const draft = (rule: LintRuleId, severity: LintSeverity, whyMessage: Message, fixMessage: Message, edits?: TextEdit[]): Draft => ({
    offset: a.offset, rule, severity, variable: a.variable, value: shown, whyMessage, fixMessage, ...(edits && edits.length > 0 ? { edits } : {}),
  });
  const typo = a.local ? null : unknownGoVariable(a.variable);
  if (typo !== null) {
    drafts.push(draft('unknown-go-variable', 'warning',
      typo ? msg('lint.unknown-var.why-typo', { variable: a.variable, typo }) : msg('lint.unknown-var.why', { variable: a.variable }),
      typo ? msg('lint.unknown-var.fix-rename', { typo }) : msg('lint.unknown-var.fix-remove')));
    return drafts;
  }
  // An empty value is the same as unset to go (cfg.Getenv): nothing to check.
  if (value === null || value === '') return drafts;
  const ev: Evidence = { kind: 'variable', variable: a.variable, value: shown, source: a.where };
  switch (a.variable) {
    case 'GOPROXY':
      drafts.push(...goproxyDrafts(a, value, ev, draft, scope));
      break;
    case 'GOSUMDB':
      for (const f of gosumdbValueRules(value.trim(), ev)) {
        if (f.id === 'gosumdb-off' && scope.goproxyOff) continue;
        drafts.push(fromDoctor(f, f.id === 'gosumdb-off' ? 'gosumdb-off' : 'invalid-gosumdb', draft));
      }
      break;
    case 'GO111MODULE':
      if (value.trim() === 'off') drafts.push(fromDoctor(gomoduleOffFinding(ev), 'go111module-off', draft));
      break;
    case 'GOFLAGS': {
      const flag = value.split(/\s+/).find((f) => /^--?insecure(=.*)?$/.test(f));
      if (flag) drafts.push({ ...insecureFlag(a.offset, 'GOFLAGS', flag), value: shown });
      break;
    }
    default:
      if (PATTERN_VARS.has(a.variable)) drafts.push(...patternDrafts(a.variable, value, draft));
  }
  return drafts;
}

type DraftFn = (rule: LintRuleId, severity: LintSeverity, why: Message, fix: Message, edits?: TextEdit[]) => Draft;

/** The doctor's value rules word their findings as messages; a fix they lack is a rule's bug. */
function doctorMessage(text: Message | undefined, rule: LintRuleId): Message {
  if (text === undefined) throw new Error(`the doctor's finding for ${rule} has no fix message`);
  return text;
}

/** A finding of the doctor's value rules, in lint's shape: the doctor's own messages, so both say the same. */
function fromDoctor(f: FindingDraft, rule: LintRuleId, draft: DraftFn, edits?: TextEdit[]): Draft {
  return draft(rule, f.severity === 'error' ? 'error' : 'warning', doctorMessage(f.explanation, rule), doctorMessage(f.fix?.text, rule), edits);
}

function goproxyDrafts(a: Assignment, value: string, ev: Evidence, draft: DraftFn, scope: Scope): Draft[] {
  const drafts: Draft[] = [];
  const parsed = parseGoproxy(value);
  const stops = parsed.ok ? commaStops(parsed.value.entries) : [];
  let stopIndex = 0;
  for (const f of goproxyValueRules(value, ev)) {
    if (f.id === 'invalid-goproxy') {
      if (f.severity !== 'error') continue; // empty entries and spaces: go accepts them
      const missing = !parsed.ok && parsed.error.includes('missing scheme');
      drafts.push(fromDoctor(f, missing ? 'missing-scheme' : 'invalid-goproxy', draft));
    } else if (f.id === 'ignored-after-direct') drafts.push(fromDoctor(f, 'entries-after-direct', draft));
    else if (f.id === 'defunct-proxy') drafts.push(fromDoctor(f, 'defunct-proxy', draft));
    else if (f.id === 'comma-no-failover' && parsed.ok) {
      const i = stops[stopIndex++]!;
      const entries = parsed.value.entries;
      const certain = isPublicProxy(entries[i]!) && isPublicProxy(entries[i + 1]!);
      const edits = certain ? commaEdits(a, value, i) : undefined;
      drafts.push(fromDoctor(f, 'comma-no-failover', draft, edits ?? undefined));
    }
  }
  if (parsed.ok && !scope.privateSkipsProxies) {
    const entries = parsed.value.entries;
    entries.forEach((e, i) => {
      if (e.kind !== 'proxy' || isPublicProxy(e) || !e.fallBackOnError) return;
      const next = entries.slice(i + 1).find((n) => isPublicProxy(n));
      if (!next || next.kind !== 'proxy') return;
      const host = redactCredentials(e.url);
      drafts.push(draft('private-leak', 'warning', msg('lint.private-leak.why', { host, next: next.url }), msg('lint.private-leak.fix', { host })));
    });
  }
  return drafts;
}

/**
 * `,` → `|` after entry `index`. In a shell word that is not quoted, the whole value gets single
 * quotes too (an unquoted "|" would become a pipe). Null when the source cannot be edited safely.
 */
function commaEdits(a: Assignment, value: string, index: number): TextEdit[] | null {
  const offsets = a.valueOffsets;
  if (!offsets || offsets.length !== value.length) return null;
  let entry = -1;
  let segmentStart = 0;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    if (i < value.length && ch !== ',' && ch !== '|') continue;
    if (value.slice(segmentStart, i).trim() !== '') entry++;
    if (entry === index) {
      if (ch !== ',') return null;
      const edits: TextEdit[] = [{ start: offsets[i]!, end: offsets[i]! + 1, text: '|' }];
      if (a.syntax === 'shell' && !a.quoted) {
        if (value.includes("'")) return null;
        edits.push({ start: offsets[0]!, end: offsets[0]!, text: "'" }, { start: offsets[value.length - 1]! + 1, end: offsets[value.length - 1]! + 1, text: "'" });
      }
      return edits;
    }
    segmentStart = i + 1;
  }
  return null;
}

function patternDrafts(name: string, value: string, draft: DraftFn): Draft[] {
  const drafts: Draft[] = [];
  if (value === 'none' && (name === 'GONOPROXY' || name === 'GONOSUMDB')) return drafts;
  for (const p of checkPrefixPatterns(value)) {
    if (p.code === 'too-broad') {
      const why = name === 'GOINSECURE' ? 'lint.wildcard.why-insecure' : name === 'GONOSUMDB' ? 'lint.wildcard.why-sumdb' : name === 'GOPRIVATE' ? 'lint.wildcard.why-private' : 'lint.wildcard.why-proxy';
      drafts.push(draft('gonoproxy-wildcard', 'warning', msg(why, { variable: name, glob: p.glob }), msg('lint.wildcard.fix')));
    } else if (p.code === 'has-space' || p.code === 'bad-pattern' || p.code === 'uppercase') {
      const reason = p.code === 'has-space' ? 'lint.never-matches.reason.space' : p.code === 'uppercase' ? 'lint.never-matches.reason.uppercase' : 'lint.never-matches.reason.bad-glob';
      drafts.push(neverMatches(name, value, p.glob, msg(reason), draft));
    }
  }
  for (const glob of value.split(',')) {
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(glob)) {
      drafts.push(neverMatches(name, value, glob, msg('lint.never-matches.reason.scheme'), draft));
    }
  }
  return drafts;
}

function neverMatches(name: string, value: string, glob: string, reason: Message, draft: DraftFn): Draft {
  const cleaned = value.split(',').map((g) => g.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).filter((g) => g !== '').join(',');
  return draft('pattern-never-matches', 'error',
    msg('lint.never-matches.why', { variable: name, glob, reason }),
    msg('lint.never-matches.fix', { variable: name, value: cleaned }));
}

function insecureFlag(offset: number, variable: string, flag: string): Draft {
  return {
    offset,
    rule: 'insecure-flag',
    severity: 'error',
    variable,
    value: flag,
    whyMessage: msg('lint.insecure-flag.why', { flag }),
    fixMessage: msg('lint.insecure-flag.fix'),
  };
}
