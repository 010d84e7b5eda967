// The Settings view's form: text fields as the user types them → the auto-repair settings the
// contract takes, with each problem named by its field (the contract re-checks on save).
import type { AutoRepairSettings } from '../contract/state.js';
import { parseCidr } from '../net/ip.js';
import type { NetworkRule } from '../repair/network-rules.js';

export interface RepairFields {
  failureThreshold: string;
  absoluteTolerance: string;
  /** Percent, as people think of it ("20" → 0.2). */
  relativeTolerancePercent: string;
  dwellMinutes: string;
  manualGraceMinutes: string;
}

export type RepairField = keyof RepairFields;
export type FieldProblem = 'not-a-number' | 'out-of-range' | 'not-whole';

const MINUTE_MS = 60_000;
const MAX_MINUTES = 30 * 24 * 60;

export function repairFields(s: AutoRepairSettings): RepairFields {
  return {
    failureThreshold: String(s.failureThreshold),
    absoluteTolerance: String(s.absoluteTolerance),
    relativeTolerancePercent: String(Math.round(s.relativeTolerance * 10000) / 100),
    dwellMinutes: String(Math.round((s.dwellMs / MINUTE_MS) * 100) / 100),
    manualGraceMinutes: String(Math.round((s.manualGraceMs / MINUTE_MS) * 100) / 100),
  };
}

function num(text: string, min: number, max: number, whole: boolean): number | FieldProblem {
  const t = text.trim();
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return 'not-a-number';
  const n = Number(t);
  if (whole && !Number.isInteger(n)) return 'not-whole';
  return n < min || n > max ? 'out-of-range' : n;
}

export type RepairParse = { ok: true; value: Omit<AutoRepairSettings, 'enabled' | 'rules'> } | { ok: false; problems: Partial<Record<RepairField, FieldProblem>> };

export function parseRepairFields(f: RepairFields): RepairParse {
  const parsed = {
    failureThreshold: num(f.failureThreshold, 1, 100, true),
    absoluteTolerance: num(f.absoluteTolerance, 0, 100, false),
    relativeTolerancePercent: num(f.relativeTolerancePercent, 0, 1000, false),
    dwellMinutes: num(f.dwellMinutes, 0, MAX_MINUTES, false),
    manualGraceMinutes: num(f.manualGraceMinutes, 0, MAX_MINUTES, false),
  };
  const problems: Partial<Record<RepairField, FieldProblem>> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') problems[k as RepairField] = v;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const n = parsed as Record<RepairField, number>;
  return {
    ok: true,
    value: {
      failureThreshold: n.failureThreshold,
      absoluteTolerance: n.absoluteTolerance,
      relativeTolerance: n.relativeTolerancePercent / 100,
      dwellMs: Math.round(n.dwellMinutes * MINUTE_MS),
      manualGraceMs: Math.round(n.manualGraceMinutes * MINUTE_MS),
    },
  };
}

export interface RuleFields {
  profile: string;
  ssid: string;
  gatewaySubnet: string;
  dnsSearchDomain: string;
}

/** A rule from the form: blank conditions are left out (they would otherwise match only ""). */
export function ruleFromFields(f: RuleFields): NetworkRule {
  const when: NetworkRule['when'] = {};
  if (f.ssid.trim() !== '') when.ssid = f.ssid.trim();
  if (f.gatewaySubnet.trim() !== '') when.gatewaySubnet = f.gatewaySubnet.trim();
  if (f.dnsSearchDomain.trim() !== '') when.dnsSearchDomain = f.dnsSearchDomain.trim();
  return { profile: f.profile.trim(), when };
}

/** Why a rule cannot work, as an id the UI words in the user's language (the engine re-checks it with networkRuleProblem). */
export type RuleProblem = 'no-profile' | 'no-condition' | 'bad-subnet' | 'empty-ssid' | 'empty-domain';

export function ruleProblem(rule: NetworkRule): RuleProblem | null {
  if (!rule.profile) return 'no-profile';
  const w = rule.when;
  if (w.ssid === undefined && w.gatewaySubnet === undefined && w.dnsSearchDomain === undefined) return 'no-condition';
  if (w.gatewaySubnet !== undefined && !parseCidr(w.gatewaySubnet)) return 'bad-subnet';
  if (w.ssid !== undefined && w.ssid === '') return 'empty-ssid';
  if (w.dnsSearchDomain !== undefined && w.dnsSearchDomain.trim() === '') return 'empty-domain';
  return null;
}

/** The conditions of a rule, in the order the form shows them. */
export const RULE_CONDITIONS = ['ssid', 'gatewaySubnet', 'dnsSearchDomain'] as const;

/**
 * A settings change saved elsewhere (the header's language, the tray, another window, a file
 * edited by hand) lands in the form without wiping what the user is still editing: each
 * top-level setting that changed in the saved copy replaces the draft's, the others stay.
 */
export function rebaseDraft<T extends object>(draft: T, before: T, after: T): T {
  const next = { ...draft };
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) next[key] = after[key];
  }
  return next;
}
