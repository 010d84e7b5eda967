// Which tray icon and tooltip the state calls for. Pure. Only what an engine has actually
// established counts: "healthy" needs a recent explain that go would have passed, or a recent
// probe or benchmark of the chain's first proxy that worked; a valid configuration alone is
// "not checked yet", never a fake green.
import type { AppState } from '../../shared/contract/state.js';
import type { Locale } from '../../shared/i18n/message.js';
import { statusId, trayText } from './tray-locale.js';

export const TRAY_STATUSES = ['unknown', 'probing', 'healthy', 'degraded', 'failing'] as const;
export type TrayStatus = (typeof TRAY_STATUSES)[number];

const FRESH_MS = 15 * 60_000;

export function trayStatus(state: AppState, now: number): TrayStatus {
  if (state.config.loading || state.explain.running !== null || state.watch.running || state.switching.running !== null) return 'probing';
  const view = state.config.view;
  if (view === null) return state.config.error !== null ? 'failing' : 'unknown';
  if (view.chainError !== null || view.goError !== null || view.chain[0]?.kind === 'off') return 'failing';
  const last = state.explain.last;
  const shadowed = view.vars.some((v) => v.shadows.some((s) => s.value !== v.value));
  // The latest fresh measurement of each proxy of the chain, in chain order.
  const measured = view.chain.flatMap((e) => {
    const h = e.kind === 'proxy' ? state.health[e.url] : undefined;
    return h !== undefined && now - h.checkedAt < FRESH_MS ? [h] : [];
  });
  if (measured.length > 0 && measured.every((h) => !h.ok) && !view.chain.some((e) => e.kind === 'direct')) return 'failing';
  const firstProxy = view.chain.find((e) => e.kind === 'proxy');
  const firstHealth = firstProxy?.kind === 'proxy' ? state.health[firstProxy.url] : undefined;
  const firstFresh = firstHealth !== undefined && now - firstHealth.checkedAt < FRESH_MS ? firstHealth : undefined;
  if (view.chainWarnings.length > 0 || shadowed || (last !== null && last.servedBy === null) || firstFresh?.ok === false) return 'degraded';
  if ((last !== null && now - last.finishedAt < FRESH_MS) || firstFresh?.ok === true) return 'healthy';
  return 'unknown';
}

export function trayTooltip(state: AppState, now: number, locale: Locale): string {
  const lines = [trayText(locale, 'tray.statusLine', { status: trayText(locale, statusId(trayStatus(state, now))) })];
  const view = state.config.view;
  if (view !== null) {
    const goproxy = view.vars.find((v) => v.name === 'GOPROXY')?.value ?? '';
    lines.push(`GOPROXY=${goproxy}`);
    const minutes = Math.floor((now - view.readAt) / 60_000);
    lines.push(minutes < 1 ? trayText(locale, 'tray.checkedJustNow') : trayText(locale, 'tray.checkedAgo', { minutes: String(minutes) }));
  }
  return lines.join('\n');
}
