// The chain graph's mark on the node that is the local relay (model.relay, set by
// shared/ui/chain-graph.ts). The node's data carries the views' translator but not the locale, so
// the mark reads the language the app declares on its root (<div lang>, HTML's own inheritance).
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChainNodeModel } from '../../shared/ui/chain-graph.js';
import { LOCALES, type Locale } from '../i18n/messages.js';
import { relayTranslator } from '../i18n/relay.js';

export function RelayNodeMark({ model }: { model: ChainNodeModel }) {
  const ref = useRef<HTMLDivElement>(null);
  const [locale, setLocale] = useState<Locale>('en');
  useLayoutEffect(() => {
    const lang = ref.current?.closest('[lang]')?.getAttribute('lang') ?? 'en';
    const next = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : 'en';
    if (next !== locale) setLocale(next);
  });
  const r = useMemo(() => relayTranslator(locale), [locale]);
  if (!model.relay) return null;
  return (
    <div ref={ref} className="chain-node-note relay-mark" data-testid={`chain-relay-${model.id}`} data-port={model.relay.port}>
      <strong>{r('relay.node')}</strong>
      <div>{r('relay.node.fallback')}</div>
    </div>
  );
}
