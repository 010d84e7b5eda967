// Network rules: "on this network use profile X" (the office uses `corporate`, home uses `china`).
// A rule names one to three conditions; it matches when every condition it names holds. Rules are
// tried in order and the first match wins, so a specific rule (an SSID) goes before a broad one
// (a search domain).
import { cidrContains, parseCidr, parseIp } from '../net/ip.js';
import { msg, type Message } from '../i18n/message.js';
import { normalizeFingerprint, type NetworkFingerprint } from './fingerprint.js';

export interface NetworkConditions {
  /** The Wi-Fi name, exactly (case-sensitive, as SSIDs are). */
  ssid?: string;
  /** A CIDR the default gateway is in, e.g. "10.20.0.0/16". */
  gatewaySubnet?: string;
  /** A DNS search domain, e.g. "corp.example.com"; its subdomains match too. */
  dnsSearchDomain?: string;
}

export interface NetworkRule {
  /** The profile id to use on this network. */
  profile: string;
  when: NetworkConditions;
}

export interface RuleMatch {
  rule: NetworkRule;
  index: number;
  /** Why it matches, as a message: "the default gateway 10.20.0.1 is in 10.20.0.0/16". */
  reason: Message;
}

/** Why a rule can never match, or null when it is well-formed. */
export function networkRuleProblem(rule: NetworkRule): string | null {
  if (!rule.profile) return 'a network rule needs the profile to use';
  const w = rule.when;
  if (w.ssid === undefined && w.gatewaySubnet === undefined && w.dnsSearchDomain === undefined) {
    return `the rule for "${rule.profile}" names no condition (ssid, gatewaySubnet or dnsSearchDomain)`;
  }
  if (w.gatewaySubnet !== undefined && !parseCidr(w.gatewaySubnet)) return `"${w.gatewaySubnet}" is not a subnet such as 10.20.0.0/16`;
  if (w.ssid !== undefined && w.ssid === '') return 'an empty Wi-Fi name can never match';
  if (w.dnsSearchDomain !== undefined && w.dnsSearchDomain.trim() === '') return 'an empty search domain can never match';
  return null;
}

function conditionReasons(when: NetworkConditions, fp: NetworkFingerprint): Message[] | null {
  const reasons: Message[] = [];
  if (when.ssid !== undefined) {
    if (fp.ssid === null || fp.ssid !== when.ssid) return null;
    reasons.push(msg('ops.rule.ssid', { ssid: when.ssid }));
  }
  if (when.gatewaySubnet !== undefined) {
    const cidr = parseCidr(when.gatewaySubnet);
    if (!cidr) return null;
    const gw = fp.defaultRoutes.map((r) => r.gateway).find((g) => {
      const ip = g === null ? null : parseIp(g.replace(/%.*$/, ''));
      return ip !== null && cidrContains(cidr, ip);
    });
    if (!gw) return null;
    reasons.push(msg('ops.rule.gateway', { gateway: gw, subnet: when.gatewaySubnet }));
  }
  if (when.dnsSearchDomain !== undefined) {
    const want = when.dnsSearchDomain.trim().toLowerCase().replace(/\.$/, '');
    const found = fp.searchDomains.find((d) => d === want || d.endsWith(`.${want}`));
    if (!found || want === '') return null;
    reasons.push(msg('ops.rule.search-domain', { domain: found }));
  }
  return reasons.length > 0 ? reasons : null;
}

/** The first rule that matches this network, or null. */
export function matchNetworkRule(rules: readonly NetworkRule[], fingerprint: NetworkFingerprint | null): RuleMatch | null {
  if (!fingerprint) return null;
  const fp = normalizeFingerprint(fingerprint);
  for (const [index, rule] of rules.entries()) {
    const reasons = conditionReasons(rule.when, fp);
    if (reasons) return { rule, index, reason: reasons.reduce((all, next) => msg('ops.rule.and', { first: all, then: next })) };
  }
  return null;
}
