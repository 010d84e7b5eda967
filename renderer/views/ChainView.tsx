// The Chain view: the active GOPROXY as go walks it (one node per entry, plus go's hidden
// GONOPROXY step and the checksum database), each edge labelled with what makes go take it,
// nodes coloured by their latest probe, and an explain box that animates the path go takes.
// Props only: the app feeds it from the replica; every decision is in shared/ui.
import { useMemo, useRef, useState } from 'react';
import { Background, MarkerType, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { buildChainGraph, type ChainGraph, type ChainGraphInput, type ChainNodeModel } from '../../shared/ui/chain-graph.js';
import { keepUnchangedNodes } from '../../shared/ui/stable-nodes.js';
import { explainPath, pathFrame, type ExplanationInput, type PathFrame, type StepOutcome } from '../../shared/ui/explain-path.js';
import type { EntryHealth } from '../../shared/ui/health.js';
import { ChainNode, type ChainFlowNode } from './ChainNode.js';
import { ExplainBox } from './ExplainBox.js';
import './views.css';
import { useTranslate, type Translate } from '../i18n/i18n.js';

export interface ChainConfigInput {
  goproxy: string;
  gonoproxy: string;
  gosumdb: string;
  gonosumdb: string;
}

export interface ChainViewProps {
  /** null while the configuration is being read. */
  config: ChainConfigInput | null;
  /** Why the configuration could not be read. */
  configError?: string | null;
  health: Readonly<Record<string, EntryHealth | undefined>>;
  /** Runs explain for a module (version null = latest) and resolves with the engine's answer. */
  onExplain: (query: { module: string; version: string | null }) => Promise<ExplanationInput>;
}

const NODE_TYPES = { entry: ChainNode };

export function ChainView({ config, configError = null, health, onExplain }: ChainViewProps) {
  // The language in effect comes through context (App's I18nProvider, or the harness's).
  const t = useTranslate();
  const [explanation, setExplanation] = useState<ExplanationInput | null>(null);
  const [shown, setShown] = useState(0);
  const graph = useStableGraph(config === null ? null : { ...config, health });
  // Re-placed whenever the graph changes (a probe arrived, the chain changed); the animation
  // restarts only for a new explanation.
  const path = useMemo(() => (graph === null || explanation === null ? null : explainPath(graph, explanation)), [graph, explanation]);
  const frame = useMemo(() => (path === null ? null : pathFrame(path, shown)), [path, shown]);
  return (
    <section className="view chain-view" aria-labelledby="chain-heading" data-testid="chain-view">
      <h2 id="chain-heading">{t('chain.heading')}</h2>
      {configError !== null ? (
        <p className="view-state error" role="alert" data-testid="chain-error">{t('chain.error', { error: configError })}</p>
      ) : graph === null ? (
        <p className="view-state loading" role="status" data-testid="chain-loading">{t('chain.loading')}</p>
      ) : (
        <>
          {graph.error !== null && <p className="view-state error" role="alert" data-testid="chain-rejected">{t('chain.rejected', { error: graph.error })}</p>}
          <ChainGraphCanvas graph={graph} frame={frame} servedNodeId={frame?.done ? (path?.servedNodeId ?? null) : null} t={t} />
          <ExplainBox
            onExplain={onExplain}
            onExplanation={(e) => {
              setExplanation(e);
              setShown(0);
            }}
            path={path}
            shown={shown}
            setShown={setShown}
            t={t}
          />
        </>
      )}
    </section>
  );
}

/** The graph, rebuilt on every input change but with unchanged node models kept identical. */
function useStableGraph(input: ChainGraphInput | null): ChainGraph | null {
  const previous = useRef<ChainGraph | null>(null);
  const key = input === null ? null : JSON.stringify(input);
  // `key` stands for `input` (a new object with the same content must not rebuild), so the graph is
  // built from the key itself: the memo depends on nothing else.
  return useMemo(() => {
    if (key === null) return (previous.current = null);
    const next = buildChainGraph(JSON.parse(key) as ChainGraphInput);
    const nodes = previous.current === null ? next.nodes : keepUnchangedNodes(previous.current.nodes, next.nodes);
    return (previous.current = { ...next, nodes });
  }, [key]);
}

interface CachedNode {
  model: ChainNodeModel;
  visited: StepOutcome | null;
  served: boolean;
  t: Translate;
  node: ChainFlowNode;
}

function ChainGraphCanvas({ graph, frame, servedNodeId, t }: { graph: ChainGraph; frame: PathFrame | null; servedNodeId: string | null; t: Translate }) {
  const cache = useRef(new Map<string, CachedNode>());
  const nodes = useMemo(() => {
    const next = new Map<string, CachedNode>();
    const list = graph.nodes.map((model) => {
      const visited = frame?.nodes.get(model.id) ?? null;
      const served = servedNodeId === model.id;
      const old = cache.current.get(model.id);
      // Same inputs → the same node object, so xyflow (and the memoised component) skip it.
      const entry =
        old !== undefined && old.model === model && old.visited === visited && old.served === served && old.t === t
          ? old
          : { model, visited, served, t, node: { id: model.id, type: 'entry' as const, position: { x: model.x, y: model.y }, data: { model, visited, served, t }, draggable: false, connectable: false, selectable: false } };
      next.set(model.id, entry);
      return entry.node;
    });
    cache.current = next;
    return list;
  }, [graph, frame, servedNodeId, t]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => {
        const taken = frame?.edges.has(e.id) ?? false;
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          sourceHandle: e.condition === 'checksum' ? 'bottom' : 'out',
          targetHandle: e.condition === 'checksum' ? 'top' : 'in',
          label: t(`edge.${e.condition}`),
          type: e.condition === 'checksum' ? 'straight' : 'default',
          animated: taken,
          className: `chain-edge condition-${e.condition}${taken ? ' taken' : ''}`,
          markerEnd: { type: MarkerType.ArrowClosed },
          data: { condition: e.condition },
        };
      }),
    [graph, frame, t],
  );
  return (
    <div className="chain-canvas" role="group" aria-label={t('chain.graphLabel')} data-testid="chain-graph">
      <ReactFlowProvider>
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView fitViewOptions={{ padding: 0.15 }} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} minZoom={0.2}>
          <Background gap={24} size={1} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
