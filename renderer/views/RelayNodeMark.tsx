// The chain graph's mark on the node that is the local relay (model.relay, set by
// shared/ui/chain-graph.ts). The node's data carries the views' translator but not the locale, so
// the mark reads the language the app declares on its root (useDeclaredLocale).
import { useMemo } from 'react';
import type { ChainNodeModel } from '../../shared/ui/chain-graph.js';
import { relayTranslator } from '../i18n/relay.js';
import { useDeclaredLocale } from './useDeclaredLocale.js';

export function RelayNodeMark({ model }: { model: ChainNodeModel }) {
  const [ref, locale] = useDeclaredLocale<HTMLDivElement>();
  const r = useMemo(() => relayTranslator(locale), [locale]);
  if (!model.relay) return null;
  return (
    <div ref={ref} className="chain-node-note relay-mark" data-testid={`chain-relay-${model.id}`} data-port={model.relay.port}>
      <strong>{r('relay.node')}</strong>
      <div>{r('relay.node.fallback')}</div>
    </div>
  );
}
