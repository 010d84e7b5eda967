// Rules about GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE (go-semantics.md §2), and
// GOPRIVATE suggestions from the user's projects.
import { checkPrefixPatterns, matchPrefixPatterns } from '../go/match.js';
import type { GoProxyVar } from '../go/effective.js';
import { privatePatternFor, remoteToPath } from './suggest-private.js';
import type { DoctorSnapshot, Evidence, FindingDraft } from './types.js';
import { msg, type Message } from '../i18n/message.js';
import { joinMessages } from './join.js';

const PATTERN_VARS: readonly GoProxyVar[] = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'];

/** Pattern variables the user set themselves (a GONOPROXY derived from GOPRIVATE is checked as GOPRIVATE). */
function explicitPatterns(s: DoctorSnapshot): { name: GoProxyVar; value: string; ev: Evidence }[] {
  return PATTERN_VARS.map((name) => ({ name, v: s.effective[name] }))
    .filter(({ v }) => v.value !== '' && v.source !== 'derived' && v.source !== 'default')
    .map(({ name, v }) => ({ name, value: v.value, ev: { kind: 'variable' as const, variable: name, value: v.value, source: v.source, ...(v.path ? { path: v.path } : {}) } }));
}

export function patternRules(s: DoctorSnapshot): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const { name, value, ev } of explicitPatterns(s)) {
    if (value === 'none' && (name === 'GONOPROXY' || name === 'GONOSUMDB')) continue;
    for (const p of checkPrefixPatterns(value)) {
      if (p.code === 'has-space') {
        findings.push({
          id: 'pattern-has-space',
          severity: 'error',
          variable: name,
          evidence: [ev],
          explanation: msg(name === 'GOINSECURE' ? 'ops.doctor.pattern-space.explanation-insecure' : 'ops.doctor.pattern-space.explanation', { variable: name, glob: p.glob }),
          fix: { automatic: false, text: msg('ops.doctor.pattern-space.fix', { list: value.split(',').map((g) => g.trim()).join(',') }) },
        });
      } else if (p.code === 'uppercase') {
        findings.push({
          id: 'pattern-uppercase',
          severity: 'warning',
          variable: name,
          evidence: [ev],
          explanation: msg('ops.doctor.pattern-uppercase.explanation', { variable: name, glob: p.glob }),
          fix: { automatic: false, text: msg('ops.doctor.pattern-uppercase.fix', { glob: p.glob.toLowerCase() }) },
        });
      } else if (p.code === 'too-broad') {
        findings.push({
          id: 'too-broad-private',
          severity: 'warning',
          variable: name,
          evidence: [ev],
          explanation: msg(name === 'GOINSECURE' ? 'ops.doctor.too-broad.explanation-insecure' : 'ops.doctor.too-broad.explanation', { variable: name, glob: p.glob }),
          fix: { automatic: false, text: msg('ops.doctor.too-broad.fix') },
        });
      } else if (p.code === 'bad-pattern') {
        findings.push({
          id: 'pattern-never-matches',
          severity: 'error',
          variable: name,
          evidence: [ev],
          explanation: msg('ops.doctor.bad-pattern.explanation', { variable: name, glob: p.glob }),
          fix: { automatic: false, text: msg('ops.doctor.bad-pattern.fix') },
        });
      }
    }
  }
  return findings.concat(neverMatches(s), suggestions(s));
}

/** Globs that match none of the modules of the --project dirs (only judged when projects were given). */
function neverMatches(s: DoctorSnapshot): FindingDraft[] {
  const paths = s.projects.flatMap((p) => [...(p.modulePath ? [p.modulePath] : []), ...p.requires]);
  if (paths.length === 0) return [];
  const findings: FindingDraft[] = [];
  for (const { name, value, ev } of explicitPatterns(s)) {
    if (value === 'none') continue;
    for (const glob of value.split(',')) {
      if (glob.trim() === '' || /\s/.test(glob) || glob.trim() === '*') continue; // reported by other rules
      if (paths.some((p) => matchPrefixPatterns(glob, p))) continue;
      findings.push({
        id: 'pattern-never-matches',
        severity: 'warning',
        variable: name,
        evidence: [
          ev,
          ...s.projects.map((p) => ({
            kind: 'project' as const,
            dir: p.dir,
            detail: msg('ops.doctor.never-matches.project', { module: p.modulePath ?? msg('ops.doctor.never-matches.no-go-mod'), count: p.requires.length }),
          })),
        ],
        explanation: msg('ops.doctor.never-matches.explanation', { variable: name, glob, count: paths.length }),
        fix: { automatic: false, text: msg('ops.doctor.never-matches.fix') },
      });
    }
  }
  return findings;
}

function suggestions(s: DoctorSnapshot): FindingDraft[] {
  const goprivate = s.effective.GOPRIVATE.value;
  const gonoproxy = s.effective.GONOPROXY.value;
  const suggested = new Map<string, Evidence[]>();
  for (const p of s.projects) {
    const candidates: { path: string; detail: Message }[] = [];
    if (p.modulePath) candidates.push({ path: p.modulePath, detail: msg('ops.doctor.suggest.module', { path: p.modulePath }) });
    for (const r of p.remotes) {
      const path = remoteToPath(r);
      if (path) candidates.push({ path, detail: msg('ops.doctor.suggest.remote', { remote: r }) });
    }
    for (const c of candidates) {
      const pattern = privatePatternFor(c.path);
      if (pattern === null || matchPrefixPatterns(goprivate, c.path) || matchPrefixPatterns(gonoproxy, c.path)) continue;
      const list = suggested.get(pattern) ?? [];
      list.push({ kind: 'project', dir: p.dir, detail: c.detail });
      suggested.set(pattern, list);
    }
  }
  if (suggested.size === 0) return [];
  const patterns = [...suggested.keys()];
  const value = [goprivate, ...patterns].filter((x) => x !== '').join(',');
  return [{
    id: 'suggest-goprivate',
    severity: 'info',
    variable: 'GOPRIVATE',
    evidence: [...suggested.values()].flat(),
    explanation: msg(patterns.length > 1 ? 'ops.doctor.suggest.many' : 'ops.doctor.suggest.one', { patterns: joinMessages(patterns, 'ops.doctor.list') }),
    fix: { automatic: false, text: msg('ops.doctor.suggest.fix', { value }) },
  }];
}
