// Which tray icon and tooltip the state calls for. Pure. Only what an engine has actually
// established counts: "healthy" needs a recent explain that go would have passed; until the
// prober lands, a valid configuration alone is "not checked yet", never a fake green.
import type { AppState } from '../../shared/contract/state.js';
import type { AppTranslate } from './messages.js';
import { statusKey } from './messages.js';

export const TRAY_STATUSES = ['unknown', 'probing', 'healthy', 'degraded', 'failing'] as const;
export type TrayStatus = (typeof TRAY_STATUSES)[number];

const FRESH_MS = 15 * 60_000;

export function trayStatus(state: AppState, now: number): TrayStatus {
  if (state.config.loading || state.explain.running !== null) return 'probing';
  const view = state.config.view;
  if (view === null) return state.config.error !== null ? 'failing' : 'unknown';
  if (view.chainError !== null || view.goError !== null || view.chain[0]?.kind === 'off') return 'failing';
  const last = state.explain.last;
  const shadowed = view.vars.some((v) => v.shadows.some((s) => s.value !== v.value));
  if (view.chainWarnings.length > 0 || shadowed || (last !== null && last.servedBy === null)) return 'degraded';
  if (last !== null && now - last.finishedAt < FRESH_MS) return 'healthy';
  return 'unknown';
}

export function trayTooltip(state: AppState, now: number, t: AppTranslate): string {
  const lines = [t('statusLine', { status: t(statusKey(trayStatus(state, now))) })];
  const view = state.config.view;
  if (view !== null) {
    const goproxy = view.vars.find((v) => v.name === 'GOPROXY')?.value ?? '';
    lines.push(`GOPROXY=${goproxy}`);
    const minutes = Math.floor((now - view.readAt) / 60_000);
    lines.push(minutes < 1 ? t('checkedJustNow') : t('checkedAgo', { minutes: String(minutes) }));
  }
  return lines.join('\n');
}
