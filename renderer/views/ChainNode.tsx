// One node of the chain graph. Memoised: @xyflow/react hands it a new `data` object only when
// ChainView rebuilt that node (its entry's health or highlight changed), so a probe result for
// one proxy repaints one node.
import { memo, useRef } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ChainNodeModel } from '../../shared/ui/chain-graph.js';
import type { StepOutcome } from '../../shared/ui/explain-path.js';
import { type Translate } from '../i18n/i18n.js';
import { failureText } from '../i18n/failure.js';
import { RelayNodeMark } from './RelayNodeMark.js';

export interface ChainNodeData extends Record<string, unknown> {
  model: ChainNodeModel;
  /** The outcome of the explain step shown at this node, if the animation reached it. */
  visited: StepOutcome | null;
  served: boolean;
  t: Translate;
}

export type ChainFlowNode = Node<ChainNodeData, 'entry'>;

function ChainNodeComponent({ data }: NodeProps<ChainFlowNode>) {
  // Counts renders so the harness test can check that a health update repaints only its node.
  const renders = useRef(0);
  renders.current += 1;
  const { model, visited, served, t } = data;
  const classes = ['chain-node', `kind-${model.kind}`, `tone-${model.tone}`];
  if (visited !== null) classes.push('visited', `visited-${visited}`);
  if (served) classes.push('served');
  return (
    <div className={classes.join(' ')} data-testid={`chain-node-${model.id}`} data-entry={model.entryKey} data-renders={renders.current} data-visited={visited ?? ''}>
      {model.kind !== 'start' && model.kind !== 'sumdb' && <Handle type="target" position={Position.Left} id="in" isConnectable={false} />}
      {model.kind === 'sumdb' && <Handle type="target" position={Position.Top} id="top" isConnectable={false} />}
      <div className="chain-node-title">
        {model.position !== null && <span className="chain-node-position">{t('chain.position', { position: model.position })}</span>}
        <span className="chain-node-label">{model.kind === 'sumdb' ? `${t('sumdb.heading')}: ${model.label}` : model.label}</span>
      </div>
      <NodeDetail model={model} t={t} />
      <RelayNodeMark model={model} />
      {visited !== null && <div className={`chain-node-outcome outcome-${visited}`}>{t(`outcome.${visited}`)}</div>}
      {model.kind !== 'sumdb' && model.kind !== 'off' && model.kind !== 'direct' && <Handle type="source" position={Position.Right} id="out" isConnectable={false} />}
      {model.kind === 'start' && <Handle type="source" position={Position.Bottom} id="bottom" isConnectable={false} />}
    </div>
  );
}

function NodeDetail({ model, t }: { model: ChainNodeModel; t: Translate }) {
  switch (model.kind) {
    case 'start':
      return <div className="chain-node-detail">{t('chain.start')}</div>;
    case 'noproxy':
      return <div className="chain-node-detail">{t('chain.noproxy')}</div>;
    case 'off':
      return <div className="chain-node-detail">{t('chain.off')}</div>;
    case 'sumdb':
      return <SumdbDetail model={model} t={t} />;
    case 'direct':
    case 'proxy':
      return (
        <div className="chain-node-detail">
          {model.kind === 'direct' && <div>{t('chain.direct')}</div>}
          <div className="chain-node-health" data-testid={`chain-health-${model.id}`}>
            <span className="tone-dot" aria-hidden="true" /> {t(`tone.${model.tone}`)}
            {model.latencyMs !== null && <> · {t('health.latency', { ms: Math.round(model.latencyMs) })}</>}
          </div>
          {(model.error !== null || model.failure !== null) && <div className="chain-node-error">{t('health.failed', { error: failureText(t, model.failure, model.error) })}</div>}
          {model.missingModule && <div className="chain-node-note" data-testid={`chain-missing-${model.id}`}>{t('health.missingModule', { module: model.missingModule })}</div>}
        </div>
      );
  }
}

function SumdbDetail({ model, t }: { model: ChainNodeModel; t: Translate }) {
  const route = model.sumdb;
  if (route === null) return null;
  switch (route.kind) {
    case 'off':
      return <div className="chain-node-detail">{t('sumdb.off')}</div>;
    case 'invalid':
      return <div className="chain-node-detail chain-node-error">{t('sumdb.invalid', { error: route.error })}</div>;
    case 'direct-url':
    case 'via-proxies':
      return (
        <div className="chain-node-detail">
          <div>{route.kind === 'direct-url' ? t('sumdb.direct', { url: route.url }) : t('sumdb.viaProxies', { name: route.name })}</div>
          {route.skip !== '' && <div>{t('sumdb.skip', { patterns: route.skip })}</div>}
        </div>
      );
  }
}

export const ChainNode = memo(ChainNodeComponent);
