// Builders for the repair policy's unit tests: a state, observations and settings that say only
// what a test is about.
import { DEFAULT_REPAIR_SETTINGS, type CandidateHealth, type NetworkFingerprint, type RepairObservations, type RepairProfile, type RepairSettings, type RepairState } from '../../../shared/repair/index.js';
import { mulberry32 } from '../../../shared/util/prng.js';

export const A = 'https://a.example';
export const B = 'https://b.example';
export const C = 'https://c.example';
export const CN = 'https://cn.example';
export const CORP = 'https://athens.corp.example';

export const MIN = 60_000;
export const NOW = 1_800_000_000_000;

export const PROFILES: RepairProfile[] = [
  { id: 'global', goproxy: `${A}|${B},direct` },
  { id: 'china', goproxy: `${CN}|${C},direct` },
  { id: 'corporate', goproxy: `${CORP},off` },
];

export function settings(over: Partial<RepairSettings> = {}): RepairSettings {
  return { ...DEFAULT_REPAIR_SETTINGS, failureThreshold: 3, absoluteTolerance: 10, relativeTolerance: 0.2, dwellMs: 30 * MIN, manualGraceMs: 120 * MIN, ...over };
}

export function state(over: Partial<RepairState> = {}): RepairState {
  return { now: NOW, profile: 'global', goproxy: `${A}|${B},direct`, chosenAt: NOW - 1000 * MIN, chosenBy: 'watch', chosenOnNetwork: null, activeFailures: 0, ...over };
}

export const ok = (candidate: string, score: number): CandidateHealth => ({ candidate, ok: true, score });
export const bad = (candidate: string): CandidateHealth => ({ candidate, ok: false, score: 0 });

export const HOME_NET: NetworkFingerprint = {
  interfaces: [{ name: 'wlan0', addresses: ['192.168.1.20/24'] }],
  defaultRoutes: [{ iface: 'wlan0', gateway: '192.168.1.1' }],
  dnsServers: ['192.168.1.1'],
  searchDomains: ['lan'],
  ssid: 'home-wifi',
};

export const OFFICE_NET: NetworkFingerprint = {
  interfaces: [{ name: 'eth0', addresses: ['10.20.3.4/16'] }],
  defaultRoutes: [{ iface: 'eth0', gateway: '10.20.0.1' }],
  dnsServers: ['10.20.0.53'],
  searchDomains: ['corp.example'],
  ssid: null,
};

export function obs(health: CandidateHealth[], network: NetworkFingerprint | null = HOME_NET, profiles = PROFILES): RepairObservations {
  return { network, health, profiles };
}

/** Seeded, so a failing random sequence can be replayed. */
export const prng = mulberry32;
