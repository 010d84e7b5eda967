// The relay's view of a GOPROXY value: the entries go would walk, grouped into runs. A run is a
// maximal sequence of proxies joined by '|': go moves from one member to the next on any error,
// so the relay may ask them in parallel (hedging) without sending a module path anywhere go would
// not send it after a failure. Across a ',' nothing is parallel: the next run is asked only when
// the run before it answered 404/410, exactly as cmd/go/internal/modfetch/proxy.go (TryProxies).
// Pure.
import { parseGoproxy } from '../../../shared/go/goproxy.js';

export interface PlannedProxy {
  kind: 'proxy';
  /** Normalized base URL (no credentials, no trailing slash): the upstream's identity. */
  url: string;
  /** The entry as go uses it (default scheme added, credentials kept). */
  raw: string;
  /** Followed by '|'. */
  fallBackOnError: boolean;
  /** 1-based position in GOPROXY. */
  position: number;
}

export type PlannedStep =
  | { kind: 'run'; members: PlannedProxy[] }
  /** direct/off end the list: go handles them itself (the relay cannot fetch from version control). */
  | { kind: 'direct' | 'off'; position: number };

export type ChainPlan = { ok: true; steps: PlannedStep[]; goproxy: string } | { ok: false; error: string };

/**
 * Plans `goproxy`. Entries whose base URL is one of `selfUrls` (the relay itself, when GOPROXY was
 * written as "relay|chain") are dropped, so the relay never asks itself.
 */
export function planChain(goproxy: string, selfUrls: readonly string[] = []): ChainPlan {
  const parsed = parseGoproxy(goproxy);
  if (!parsed.ok) return parsed;
  const steps: PlannedStep[] = [];
  let run: PlannedProxy[] = [];
  const self = new Set(selfUrls.map(stripSlash));
  parsed.value.entries.forEach((entry, i) => {
    if (entry.kind !== 'proxy') {
      if (run.length) steps.push({ kind: 'run', members: run });
      run = [];
      steps.push({ kind: entry.kind, position: i + 1 });
      return;
    }
    if (self.has(stripSlash(entry.url))) {
      // The relay's own ',' still ends the run before it.
      if (!entry.fallBackOnError && run.length) {
        steps.push({ kind: 'run', members: run });
        run = [];
      }
      return;
    }
    run.push({ kind: 'proxy', url: entry.url, raw: entry.raw, fallBackOnError: entry.fallBackOnError, position: i + 1 });
    if (!entry.fallBackOnError) {
      steps.push({ kind: 'run', members: run });
      run = [];
    }
  });
  if (run.length) steps.push({ kind: 'run', members: run });
  if (steps.length === 0) return { ok: false, error: 'the chain has no entry other than the relay itself' };
  return { ok: true, steps, goproxy };
}

/** Every distinct upstream of a plan. */
export function planUpstreams(plan: ChainPlan): PlannedProxy[] {
  if (!plan.ok) return [];
  const seen = new Map<string, PlannedProxy>();
  for (const step of plan.steps) if (step.kind === 'run') for (const m of step.members) if (!seen.has(m.url)) seen.set(m.url, m);
  return [...seen.values()];
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
