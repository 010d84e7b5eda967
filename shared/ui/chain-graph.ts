// The Chain view's model: the GOPROXY list as go walks it, as nodes and labelled edges.
//
// Built from shared/go's own parser (proxySpecs: the same list TryProxies walks, hidden
// "noproxy" step included), so the picture can never disagree with `goproxyctl explain`.
// Pure and renderer-agnostic: positions are plain numbers, labels are message keys the view
// translates, so the same model serves any language.
import { proxySpecs, type ProxySpec } from '../go/chain.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { healthTone, type EntryHealth, type HealthTone, type ProbeFailureId } from './health.js';

export interface ChainGraphInput {
  goproxy: string;
  /** The effective GONOPROXY (already defaulted from GOPRIVATE); '' when unset. */
  gonoproxy: string;
  gosumdb: string;
  /** The effective GONOSUMDB; shown on the checksum node. */
  gonosumdb?: string;
  /** Latest health per entry key (a normalized proxy URL, or 'direct'). */
  health?: Readonly<Record<string, EntryHealth | undefined>>;
}

export type ChainNodeKind = 'start' | 'noproxy' | 'proxy' | 'direct' | 'off' | 'sumdb';

export interface ChainNodeModel {
  /** Stable per position: `entry-<n>` (n = 1-based position in GOPROXY), 'noproxy', 'start', 'sumdb'. */
  id: string;
  kind: ChainNodeKind;
  /** What explain steps and health are keyed by: the normalized URL, or the keyword. */
  entryKey: string;
  /** What the node shows: the URL without credentials, or the keyword. */
  label: string;
  /** 1-based position in GOPROXY; null for the nodes go adds itself. */
  position: number | null;
  tone: HealthTone;
  latencyMs: number | null;
  checkedAt: number | null;
  error: string | null;
  /** The probe module the entry answered 404/410 for (reachable, amber), else null. */
  missingModule?: string | null;
  failure: ProbeFailureId | null;
  /** For the checksum node: how go reaches it, and which modules skip it. */
  sumdb: SumdbRoute | null;
  /**
   * Set on the first proxy entry when it is the local relay (http://127.0.0.1:<port> or localhost,
   * followed by '|' and more entries: what `use` writes for a profile with the relay option).
   */
  relay?: { port: number } | null;
  x: number;
  y: number;
}

export type SumdbRoute =
  | { kind: 'off' }
  | { kind: 'invalid'; error: string }
  /** url: a URL in GOSUMDB, which go dials directly, bypassing GOPROXY. */
  | { kind: 'direct-url'; name: string; url: string; skip: string }
  /** go asks each proxy for /sumdb/<name>/supported, then connects directly at the list's end. */
  | { kind: 'via-proxies'; name: string; skip: string };

/** What makes go take an edge; the view turns it into words. */
export type ChainEdgeCondition =
  | 'first' // go starts here
  | 'not-found' // ',' after the source: only a 404/410 (or a missing file) moves on
  | 'any-error' // '|' after the source: any failure moves on
  | 'not-private' // the noproxy step: modules outside GONOPROXY go on to GOPROXY
  | 'checksum'; // go verifies what it downloaded against the checksum database

export interface ChainEdgeModel {
  id: string;
  source: string;
  target: string;
  condition: ChainEdgeCondition;
}

export interface ChainGraph {
  nodes: ChainNodeModel[];
  edges: ChainEdgeModel[];
  /** go's own error when it rejects GOPROXY; nodes then hold only the start and checksum nodes. */
  error: string | null;
}

// Node width (~210 px) plus room for the longest edge label between two nodes.
export const NODE_SPACING_X = 340;
const ROW_CHAIN = 0;
const ROW_SUMDB = 180;

export function buildChainGraph(input: ChainGraphInput): ChainGraph {
  const health = input.health ?? {};
  const nodes: ChainNodeModel[] = [];
  const edges: ChainEdgeModel[] = [];
  const start = plainNode('start', 'start', 'go', null, 0, ROW_CHAIN);
  nodes.push(start);
  const list = proxySpecs({ goproxy: input.goproxy, gonoproxy: input.gonoproxy });
  let error: string | null = null;
  if (!list.ok) {
    error = list.error;
  } else {
    let previous: { id: string; spec: ProxySpec | null } = { id: start.id, spec: null };
    const relaySpec = localRelaySpec(list.specs);
    list.specs.forEach((spec, i) => {
      const node = specNode(spec, health, (i + 1) * NODE_SPACING_X);
      if (spec === relaySpec) node.relay = { port: relayPortOfUrl(spec.url)! };
      nodes.push(node);
      edges.push({ id: `${previous.id}->${node.id}`, source: previous.id, target: node.id, condition: conditionAfter(previous.spec) });
      previous = { id: node.id, spec };
    });
  }
  const sumdb = plainNode('sumdb', 'sumdb', sumdbLabel(input.gosumdb), null, 0, ROW_SUMDB);
  sumdb.sumdb = sumdbRoute(input.gosumdb, input.gonosumdb ?? '');
  nodes.push(sumdb);
  if (sumdb.sumdb.kind !== 'off' && sumdb.sumdb.kind !== 'invalid') {
    edges.push({ id: `${start.id}->sumdb`, source: start.id, target: sumdb.id, condition: 'checksum' });
  }
  return { nodes, edges, error };
}

/**
 * The local relay's entry: the first entry go asks (after its own GONOPROXY step), a loopback http
 * URL with a port, with '|' after it so go goes on to the chain when the relay is not running.
 */
function localRelaySpec(specs: readonly ProxySpec[]): Extract<ProxySpec, { kind: 'proxy' }> | null {
  const first = specs.find((s) => s.kind !== 'noproxy');
  if (first?.kind !== 'proxy' || first.position !== 1 || !first.fallBackOnError) return null;
  if (!specs.some((s) => s.kind !== 'noproxy' && s.position > 1)) return null;
  return relayPortOfUrl(first.url) === null ? null : first;
}

function relayPortOfUrl(url: string): number | null {
  const m = /^http:\/\/(?:127\.0\.0\.1|localhost):(\d{1,5})$/.exec(url);
  const port = m ? Number(m[1]) : NaN;
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

/** The edge into the next step is decided by the separator after the previous entry. */
function conditionAfter(previous: ProxySpec | null): ChainEdgeCondition {
  if (previous === null) return 'first';
  if (previous.kind === 'noproxy') return 'not-private';
  return previous.fallBackOnError ? 'any-error' : 'not-found';
}

function specNode(spec: ProxySpec, health: Readonly<Record<string, EntryHealth | undefined>>, x: number): ChainNodeModel {
  switch (spec.kind) {
    case 'noproxy':
      // The hidden step go puts first when GONOPROXY is set: it fetches matching modules directly.
      return plainNode('noproxy', 'noproxy', 'GONOPROXY → direct', null, x, ROW_CHAIN);
    case 'off':
      return plainNode(`entry-${spec.position}`, 'off', 'off', spec.position, x, ROW_CHAIN);
    case 'direct':
    case 'proxy': {
      const key = spec.kind === 'proxy' ? spec.url : 'direct';
      const node = plainNode(`entry-${spec.position}`, spec.kind, key, spec.position, x, ROW_CHAIN);
      const h = health[key];
      node.tone = healthTone(h);
      node.latencyMs = h?.ok ? h.latencyMs : null;
      node.checkedAt = h?.checkedAt ?? null;
      node.error = h && !h.ok ? (h.error ?? null) : null;
      node.missingModule = h?.ok ? (h.missingModule ?? null) : null;
      node.failure = h && !h.ok ? (h.failure ?? null) : null;
      return node;
    }
  }
}

function plainNode(id: string, kind: ChainNodeKind, label: string, position: number | null, x: number, y: number): ChainNodeModel {
  const entryKey = kind === 'proxy' ? label : kind;
  return { id, kind, entryKey, label, position, tone: 'none', latencyMs: null, checkedAt: null, error: null, failure: null, sumdb: null, x, y };
}

function sumdbLabel(gosumdb: string): string {
  const parsed = parseGosumdb(gosumdb);
  if (!parsed.ok) return 'GOSUMDB';
  return parsed.value.kind === 'off' ? 'GOSUMDB=off' : parsed.value.name;
}

export function sumdbRoute(gosumdb: string, gonosumdb: string): SumdbRoute {
  const parsed = parseGosumdb(gosumdb);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  const db = parsed.value;
  if (db.kind === 'off') return { kind: 'off' };
  if (db.url !== null) return { kind: 'direct-url', name: db.name, url: db.url, skip: gonosumdb };
  return { kind: 'via-proxies', name: db.name, skip: gonosumdb };
}
