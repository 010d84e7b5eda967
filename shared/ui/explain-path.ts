// The path `go` would take for one module, laid over the chain graph, for the Chain view's
// "explain a module" box. The explanation comes from the explain engine (the same answer as
// `goproxyctl explain`); this only maps its steps onto nodes and edges and orders them so the
// view can animate them one at a time.
import type { Message } from '../i18n/message.js';
import type { ChainGraph } from './chain-graph.js';

export type StepOutcome = 'ok' | 'notFound' | 'error' | 'skipped' | 'hang';

/**
 * One step of an explanation. Structurally the explain engine's ExplainStep
 * (electron/core/explain/explain-module.ts) and the contract's ExplainStepView both fit.
 */
export interface ExplanationStepInput {
  request: 'info' | 'mod' | 'zip';
  /** A normalized proxy URL, 'direct', 'off' or 'noproxy' (shared/go/chain.ts ChainStep.entry). */
  entry: string;
  outcome: StepOutcome;
  status: number | null;
  error: string | null;
  why: Message;
}

/** Structurally the engine's Explanation and the contract's ExplainView. */
export interface ExplanationInput {
  module: string;
  version: string | null;
  steps: readonly ExplanationStepInput[];
  servedBy: string | null;
  /** 'hang': go waits forever at the last step (absent in answers from before hangs were modelled). */
  outcome?: 'served' | 'failed' | 'hang';
  /** go's error, verbatim. */
  error: string | null;
  fix: Message | null;
}

export interface PathStep {
  index: number;
  request: ExplanationStepInput['request'];
  entry: string;
  outcome: StepOutcome;
  status: number | null;
  why: Message;
  /** The node the step happened at; null when the graph no longer has that entry. */
  nodeId: string | null;
  /** The edge go followed to reach the node; null for a step the graph cannot place. */
  edgeId: string | null;
}

export type Verdict =
  | { kind: 'served'; module: string; version: string | null; entry: string }
  /** error: go's error verbatim, or null when there is none to quote (no entry served the module). */
  | { kind: 'failed'; module: string; error: string | null; fix: Message | null }
  /** go never answers and never fails: it waits forever at the last step (error: the request it waits on). */
  | { kind: 'hang'; module: string; error: string | null; fix: Message | null };

export interface ExplainPath {
  steps: PathStep[];
  /** The node that served the module, or null when go would fail. */
  servedNodeId: string | null;
  verdict: Verdict;
  /** True when some step names an entry the graph lacks (the chain changed since the explanation). */
  stale: boolean;
}

/**
 * Places each step on the graph. go walks the list once per file (info, then mod, then zip), each
 * walk from the top, so a new file restarts the cursor at the start node; within a walk each step
 * is the next node with that entry (a URL listed twice is two nodes).
 */
export function explainPath(graph: ChainGraph, explanation: ExplanationInput): ExplainPath {
  const chain = chainOrder(graph);
  const edgeBetween = new Map(graph.edges.map((e) => [`${e.source}\n${e.target}`, e.id]));
  const steps: PathStep[] = [];
  let cursor = 0; // index in chain of the node go stands at; 0 is the start node
  let request: ExplanationStepInput['request'] | null = null;
  let stale = false;
  let servedNodeId: string | null = null;
  explanation.steps.forEach((step, index) => {
    if (step.request !== request) {
      request = step.request;
      cursor = 0;
    }
    const found = chain.findIndex((n, i) => i > cursor && n.entryKey === step.entry);
    let nodeId: string | null = null;
    let edgeId: string | null = null;
    if (found < 0) {
      stale = true;
    } else {
      const from = chain[cursor]!;
      const node = chain[found]!;
      nodeId = node.id;
      edgeId = edgeBetween.get(`${from.id}\n${node.id}`) ?? null;
      cursor = found;
      if (step.outcome === 'ok') servedNodeId = node.id;
    }
    steps.push({ index, request: step.request, entry: step.entry, outcome: step.outcome, status: step.status, why: step.why, nodeId, edgeId });
  });
  const verdict: Verdict =
    explanation.servedBy !== null
      ? { kind: 'served', module: explanation.module, version: explanation.version, entry: explanation.servedBy }
      : { kind: explanation.outcome === 'hang' ? 'hang' : 'failed', module: explanation.module, error: explanation.error, fix: explanation.fix };
  if (explanation.servedBy === null) servedNodeId = null;
  return { steps, servedNodeId, verdict, stale };
}

/** The start node, then the nodes the edges chain together from it (the sumdb node is aside). */
function chainOrder(graph: ChainGraph): { id: string; entryKey: string }[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = new Map(graph.edges.filter((e) => e.condition !== 'checksum').map((e) => [e.source, e.target]));
  const order: { id: string; entryKey: string }[] = [];
  let id: string | undefined = 'start';
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const node = byId.get(id);
    if (node === undefined) break;
    order.push({ id: node.id, entryKey: node.entryKey });
    id = next.get(id);
  }
  return order;
}

export interface PathFrame {
  /** Each visited node with the outcome of the latest step shown there. */
  nodes: ReadonlyMap<string, StepOutcome>;
  edges: ReadonlySet<string>;
  /** The step shown last, or null before the first. */
  current: PathStep | null;
  done: boolean;
}

/** What the graph highlights after the first `shown` steps of the animation. */
export function pathFrame(path: ExplainPath, shown: number): PathFrame {
  const count = Math.max(0, Math.min(shown, path.steps.length));
  const nodes = new Map<string, StepOutcome>();
  const edges = new Set<string>();
  for (const step of path.steps.slice(0, count)) {
    if (step.nodeId !== null) nodes.set(step.nodeId, step.outcome);
    if (step.edgeId !== null) edges.add(step.edgeId);
  }
  return { nodes, edges, current: count > 0 ? path.steps[count - 1]! : null, done: count === path.steps.length };
}
