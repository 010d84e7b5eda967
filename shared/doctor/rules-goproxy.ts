// Rules about the GOPROXY list and GOSUMDB themselves (go-semantics.md §1, §3, §8).
import { PUBLIC_CATALOG } from '../bench/catalog.js';
import { normalizeProxyUrl, parseGoproxy, type ChainEntry } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { redactCredentials } from '../go/redact.js';
import type { DoctorSnapshot, Evidence, FindingDraft } from './types.js';
import { msg, type Message } from '../i18n/message.js';
import { joinMessages } from './join.js';

/** Proxies that no longer serve modules (go-semantics.md §8); keep the list updatable. */
export const DEFUNCT_PROXY_HOSTS: Readonly<Record<string, string>> = {
  'gocenter.io': 'JFrog GoCenter, shut down in 2021',
  'athens.azurefd.net': 'the Microsoft-hosted Athens, no longer operated',
};

/** What became of each defunct proxy, in words. */
const DEFUNCT_WORDS: Readonly<Record<string, Message>> = {
  'gocenter.io': msg('ops.doctor.defunct.gocenter'),
  'athens.azurefd.net': msg('ops.doctor.defunct.athens-azure'),
};

function goproxyEvidence(s: DoctorSnapshot): Evidence {
  const v = s.effective.GOPROXY;
  return { kind: 'variable', variable: 'GOPROXY', value: redactCredentials(v.value), source: v.source, ...(v.path ? { path: v.path } : {}) };
}

function hostOf(entry: ChainEntry): string | null {
  if (entry.kind !== 'proxy') return null;
  const m = /^[a-z]+:\/\/([^/]*)/i.exec(entry.url);
  return m ? m[1]!.replace(/:\d+$/, '').toLowerCase() : null;
}

/** Whether a GOPROXY entry is one of the public mirrors of the catalog (defunct ones included). */
export function isPublicProxy(entry: ChainEntry): boolean {
  if (entry.kind !== 'proxy') return false;
  const url = normalizeProxyUrl(entry.url).toLowerCase();
  return PUBLIC_CATALOG.some((c) => c.kind === 'proxy' && c.url.toLowerCase() === url);
}

/**
 * The entries followed by "," and then another proxy, where a 5xx or a timeout stops go.
 * Not reported: one private proxy first, followed by "," on purpose (a gatekeeper: when it is
 * down, go must stop rather than send the module path to a public mirror).
 */
export function commaStops(entries: readonly ChainEntry[]): number[] {
  const privateGatekeeper = entries.length > 1 && entries[0]!.kind === 'proxy' && !entries[0]!.fallBackOnError && !isPublicProxy(entries[0]!) &&
    entries.filter((e) => e.kind === 'proxy' && !isPublicProxy(e)).length === 1;
  const stops: number[] = [];
  entries.forEach((entry, i) => {
    if (i === 0 && privateGatekeeper) return;
    if (entry.kind === 'proxy' && !entry.fallBackOnError && entries[i + 1]?.kind === 'proxy') stops.push(i);
  });
  return stops;
}

export function goproxyRules(s: DoctorSnapshot): FindingDraft[] {
  const value = s.effective.GOPROXY.value;
  if (value === '') return [];
  return goproxyValueRules(value, goproxyEvidence(s));
}

/** The GOPROXY rules for one value, wherever it was found (the doctor's effective value, or a line of a file for lint). */
export function goproxyValueRules(value: string, ev: Evidence): FindingDraft[] {
  const parsed = parseGoproxy(value);
  if (!parsed.ok) {
    return [{
      id: 'invalid-goproxy',
      severity: 'error',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: msg('ops.doctor.invalid-goproxy.explanation', { error: parsed.error }),
      fix: { automatic: false, text: msg('ops.doctor.invalid-goproxy.fix') },
    }];
  }
  const findings: FindingDraft[] = [];
  const syntax = parsed.value.warnings.filter((w) => w.code === 'empty-entry' || w.code === 'space-in-entry');
  if (syntax.length > 0) {
    findings.push({
      id: 'invalid-goproxy',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: msg('ops.doctor.sloppy.explanation', { problems: joinMessages(syntax.map(sloppyWords), 'ops.doctor.sloppy.join') }),
      fix: { automatic: false, text: msg('ops.doctor.sloppy.fix') },
    });
  }
  const ignored = parsed.value.warnings.filter((w) => w.code === 'ignored-after-terminal');
  if (ignored.length > 0) {
    const list = joinMessages(ignored.map((w) => w.entry ?? ''), 'ops.doctor.list');
    findings.push({
      id: 'ignored-after-direct',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: msg('ops.doctor.ignored-after-direct.explanation', { entries: list }),
      fix: { automatic: false, text: msg('ops.doctor.ignored-after-direct.fix') },
    });
  }
  const entries = parsed.value.entries;
  const stops = commaStops(entries);
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    if (entry.kind === 'proxy' && next?.kind === 'proxy' && stops.includes(i)) {
      findings.push({
        id: 'comma-no-failover',
        severity: 'warning',
        variable: 'GOPROXY',
        evidence: [ev],
        explanation: msg('ops.doctor.comma.explanation', { entry: entry.url, next: next.url }),
        fix: { automatic: false, text: msg('ops.doctor.comma.fix', { entry: entry.url, next: next.url }) },
      });
    }
    const host = hostOf(entry);
    const defunct = host === null || DEFUNCT_PROXY_HOSTS[host] === undefined ? undefined : DEFUNCT_WORDS[host];
    if (defunct !== undefined && entry.kind === 'proxy') {
      findings.push({
        id: 'defunct-proxy',
        severity: 'error',
        variable: 'GOPROXY',
        evidence: [ev],
        explanation: msg(entry.fallBackOnError ? 'ops.doctor.defunct.explanation-pipe' : 'ops.doctor.defunct.explanation-comma', { entry: entry.url, what: defunct }),
        fix: { automatic: false, text: msg('ops.doctor.defunct.fix', { entry: entry.url }) },
      });
    }
  });
  for (const w of parsed.value.warnings.filter((x) => x.code === 'insecure-http')) {
    findings.push({
      id: 'insecure-http-proxy',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: msg('ops.doctor.insecure-http.explanation', { entry: w.entry ?? '' }),
      fix: { automatic: false, text: msg('ops.doctor.insecure-http.fix') },
    });
  }
  return findings;
}

export function gosumdbRules(s: DoctorSnapshot): FindingDraft[] {
  const v = s.effective.GOSUMDB;
  if (v.value === '') return [];
  return gosumdbValueRules(v.value, { kind: 'variable', variable: 'GOSUMDB', value: v.value, source: v.source, ...(v.path ? { path: v.path } : {}) });
}

/** The GOSUMDB rules for one value, wherever it was found. */
export function gosumdbValueRules(value: string, ev: Evidence): FindingDraft[] {
  const v = { value };
  if (v.value === 'off') {
    return [{
      id: 'gosumdb-off',
      severity: 'warning',
      variable: 'GOSUMDB',
      evidence: [ev],
      explanation: msg('ops.doctor.gosumdb-off.explanation'),
      fix: { automatic: false, text: msg('ops.doctor.gosumdb-off.fix') },
    }];
  }
  const parsed = parseGosumdb(v.value);
  if (parsed.ok) return [];
  return [{
    id: 'invalid-gosumdb',
    severity: 'error',
    variable: 'GOSUMDB',
    evidence: [ev],
    explanation: msg('ops.doctor.invalid-gosumdb.explanation', { value: v.value, error: parsed.error }),
    fix: { automatic: false, text: msg('ops.doctor.invalid-gosumdb.fix') },
  }];
}

/** One of GOPROXY's tolerated syntax slips (shared/go/goproxy.ts's warnings), in words. */
function sloppyWords(w: { code: string; entry?: string }): Message {
  if (w.code === 'empty-entry') return msg('ops.doctor.sloppy.empty-entry');
  const entry = w.entry ?? '';
  return msg(/\s/.test(entry) ? 'ops.doctor.sloppy.space-inside' : 'ops.doctor.sloppy.space-around', { entry });
}
