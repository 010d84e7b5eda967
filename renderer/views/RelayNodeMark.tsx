// The chain graph's mark on the node that is the local relay (model.relay, set by
// shared/ui/chain-graph.ts), worded in the locale of the app's i18n context.
import { useMemo } from 'react';
import type { ChainNodeModel } from '../../shared/ui/chain-graph.js';
import { relayTranslator } from '../i18n/relay.js';
import { useLocale } from '../i18n/i18n.js';

export function RelayNodeMark({ model }: { model: ChainNodeModel }) {
  const locale = useLocale();
  const r = useMemo(() => relayTranslator(locale), [locale]);
  if (!model.relay) return null;
  return (
    <div className="chain-node-note relay-mark" data-testid={`chain-relay-${model.id}`} data-port={model.relay.port}>
      <strong>{r('relay.node')}</strong>
      <div>{r('relay.node.fallback')}</div>
    </div>
  );
}
