// The Chain view's harness inputs: a chain that shows every kind of node and edge, health for
// its entries, and an explanation computed by shared/go's own chain walk (resolveChain) against
// scripted answers, so the picture under test is what the explain engine would report.
import { resolveChain, type Attempt, type ChainResolution, type Outcome } from '../../shared/go/chain.js';
import type { ExplanationInput, ExplanationStepInput } from '../../shared/ui/explain-path.js';
import type { EntryHealth } from '../../shared/ui/health.js';
import type { ChainConfigInput } from '../views/ChainView.js';

export const HARNESS_CHAIN: ChainConfigInput = {
  goproxy: 'https://goproxy.cn,https://proxy.golang.org|https://goproxy.io,direct',
  gonoproxy: 'corp.example.com',
  gosumdb: 'sum.golang.org',
  gonosumdb: 'corp.example.com',
};

export function harnessHealth(checkedAt: number, goproxyIoLatencyMs = 950): Record<string, EntryHealth> {
  return {
    'https://goproxy.cn': { ok: true, latencyMs: 120, checkedAt },
    'https://proxy.golang.org': { ok: false, latencyMs: null, checkedAt, error: '502 Bad Gateway' },
    'https://goproxy.io': { ok: true, latencyMs: goproxyIoLatencyMs, checkedAt },
  };
}

/** What each entry answers in the harness: goproxy.cn lacks the module, proxy.golang.org fails, goproxy.io serves it. */
const ANSWERS: Record<string, Outcome> = {
  'https://goproxy.cn': { kind: 'notFound', status: 404, message: 'not found: unknown revision' },
  'https://proxy.golang.org': { kind: 'error', status: 502, message: '502 Bad Gateway' },
  'https://goproxy.io': { kind: 'ok' },
  direct: { kind: 'error', status: null, message: 'dial tcp: lookup vcs.invalid: no such host' },
  noproxy: { kind: 'error', status: null, message: 'dial tcp: lookup vcs.invalid: no such host' },
};

/** The version goproxy.io reports as latest in the harness (its scripted .info answer). */
export const LATEST_AT_GOPROXY_IO = 'v0.14.0';

/** The explanation for a module: one chain walk per file, as go and the explain engine do. */
export function harnessExplanation(module: string, version: string | null): ExplanationInput {
  const config = { goproxy: HARNESS_CHAIN.goproxy, gonoproxy: HARNESS_CHAIN.gonoproxy };
  const answer = (a: Attempt): Outcome => ANSWERS[a.entry] ?? { kind: 'error', status: null, message: 'unreachable' };
  const steps: ExplanationStepInput[] = [];
  let last: ChainResolution | null = null;
  for (const request of ['info', 'mod', 'zip'] as const) {
    last = resolveChain(config, module, answer, version ?? undefined);
    steps.push(...last.steps.map((s) => ({ ...s, request })));
    if (last.servedBy === null || last.servedBy === 'direct') break;
  }
  const served = last!.servedBy;
  return { module, version: served !== null ? (version ?? LATEST_AT_GOPROXY_IO) : null, steps, servedBy: served, error: last!.error, fix: last!.fix };
}
