// The tray's lines about the local relay (state.relay): nothing while the active profile does not
// use it; else whether it serves, its counters and its upstreams' health, or why it does not run.
import type { RelayView } from '../../shared/contract/state.js';
import type { Locale } from '../../shared/i18n/message.js';
import { trayText } from './tray-locale.js';

export interface TrayInfoLine {
  id: string;
  label: string;
}

export function relayTrayLines(relay: RelayView | undefined, locale: Locale): TrayInfoLine[] {
  if (relay === undefined || relay.status === 'off' || relay.port === null) return [];
  const address = `127.0.0.1:${relay.port}`;
  if (relay.status === 'down') {
    return [{ id: 'relay-status', label: relay.error ? trayText(locale, 'tray.relayDownBecause', { address, error: relay.error }) : trayText(locale, 'tray.relayDown', { address }) }];
  }
  const lines: TrayInfoLine[] = [
    { id: 'relay-status', label: trayText(locale, 'tray.relayUp', { address }) },
    { id: 'relay-traffic', label: trayText(locale, 'tray.relayTraffic', { requests: String(relay.requests), hits: String(relay.cacheHits) }) },
  ];
  const cooling = relay.upstreams.filter((u) => u.state === 'cooling').length;
  if (relay.upstreams.length > 0) {
    lines.push({ id: 'relay-upstreams', label: cooling === 0 ? trayText(locale, 'tray.relayUpstreamsHealthy', { n: String(relay.upstreams.length) }) : trayText(locale, 'tray.relayUpstreamsCooling', { cooling: String(cooling), n: String(relay.upstreams.length) }) });
  }
  return lines;
}
