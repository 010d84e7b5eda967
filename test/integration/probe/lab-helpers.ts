// Shared by the probe's lab tests: one lab per test file, short deadlines so hostile servers are
// classified quickly, and the module every probe asks for.
import { startLab, type Lab, type LabProxyOptions } from '../../lab/index.js';
import type { ProbeProxyOptions } from '../../../electron/core/probe/index.js';

export const SHORT_TIMEOUTS = { dnsMs: 2_000, connectMs: 1_500, tlsMs: 1_500, ttfbMs: 1_500, transferMs: 2_000, overallMs: 6_000 };

export async function labWith(proxies: LabProxyOptions[]): Promise<Lab> {
  return startLab({ proxies });
}

export function probeOpts(lab: Lab, extra: Partial<ProbeProxyOptions> = {}): ProbeProxyOptions {
  // The upper-case module exercises '!' escaping on every request.
  const mod = lab.modules.find((m) => /[A-Z]/.test(m.path)) ?? lab.modules[0];
  if (!mod) throw new Error('the lab has no modules');
  return { module: { path: mod.path, version: mod.version }, ca: [lab.caCertPem], env: {}, timeouts: SHORT_TIMEOUTS, ...extra };
}
