// Request shapes shared by several contract keys, built from the domain's own validators so the
// transports reject exactly what the engines would (a profile by validateProfile, a network rule
// by networkRuleProblem, a profile id by profileIdProblem).
import { render } from '../i18n/catalog.js';
import { profileIdProblem } from '../profile/validate.js';
import { validateProfile } from '../profile/validate.js';
import type { Profile } from '../profile/types.js';
import { networkRuleProblem, type NetworkConditions, type NetworkRule } from '../repair/network-rules.js';
import { parseProbeModule, probeModuleProblemText } from '../bench/probe-module.js';
import { array, boolean, custom, integer, nullable, number, object, oneOf, refine, string, type Schema } from './schema.js';
import { LANGUAGES, THEMES, type AppSettings } from './state.js';

// The contract's schema errors are English sentences (the transports' convention): the problem is rendered in English here.
export const profileId = refine(string({ minLength: 1, maxLength: 100 }), (id) => {
  const problem = profileIdProblem(id);
  return problem && render('en', problem);
});

export const profileSchema: Schema<Profile> = custom('profile', (value) => {
  const r = validateProfile(value);
  return r.ok ? { ok: true, value: r.profile } : { ok: false, error: `is not a valid profile: ${r.errors.map((e) => render('en', e)).join('; ')}` };
});

const CONDITION_KEYS = ['ssid', 'gatewaySubnet', 'dnsSearchDomain'] as const;

export const networkRuleSchema: Schema<NetworkRule> = custom('network rule', (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'must be {"profile": "...", "when": {...}}' };
  const { profile, when, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return { ok: false, error: `has an unknown field "${Object.keys(rest)[0]}"` };
  if (typeof profile !== 'string' || profileIdProblem(profile) !== null) return { ok: false, error: 'needs "profile", the id of the profile to use on that network' };
  if (typeof when !== 'object' || when === null || Array.isArray(when)) return { ok: false, error: 'needs "when", the conditions (ssid, gatewaySubnet, dnsSearchDomain)' };
  const conditions: NetworkConditions = {};
  for (const [k, v] of Object.entries(when)) {
    if (!(CONDITION_KEYS as readonly string[]).includes(k)) return { ok: false, error: `has an unknown condition "${k}" (use ${CONDITION_KEYS.join(', ')})` };
    if (typeof v !== 'string' || v.length > 200) return { ok: false, error: `condition "${k}" must be a string of at most 200 characters` };
    conditions[k as (typeof CONDITION_KEYS)[number]] = v;
  }
  const rule: NetworkRule = { profile, when: conditions };
  const problem = networkRuleProblem(rule);
  return problem === null ? { ok: true, value: rule } : { ok: false, error: problem };
});

const DAY_MS = 24 * 60 * 60_000;

export const settingsSchema: Schema<AppSettings> = object({
  autoRepair: object({
    enabled: boolean(),
    failureThreshold: integer({ min: 1, max: 100 }),
    absoluteTolerance: number({ min: 0, max: 100 }),
    relativeTolerance: number({ min: 0, max: 10 }),
    dwellMs: integer({ min: 0, max: 30 * DAY_MS }),
    manualGraceMs: integer({ min: 0, max: 30 * DAY_MS }),
    rules: array(networkRuleSchema, { maxItems: 100 }),
  }),
  language: oneOf(LANGUAGES),
  theme: oneOf(THEMES),
  launchAtLogin: boolean(),
  probeModule: nullable(
    refine(string({ minLength: 1, maxLength: 500 }), (text) => {
      const parsed = parseProbeModule(text);
      return parsed.ok ? null : probeModuleProblemText(parsed);
    }),
  ),
});
