// The tray menu as data, built from the state by a pure function and rebuilt on every change
// (Linux's AppIndicator needs the whole menu set again). The adapter (tray.ts) maps actions to
// clicks. Items whose engine does not exist yet (profiles, Test now, Repair now, Auto-repair,
// Benchmark…) are left out rather than shown doing nothing; each arrives with its engine as one
// more item here and one more action in tray.ts.
import type { AppState } from '../../shared/contract/state.js';
import type { AppTranslate } from './messages.js';
import { statusKey } from './messages.js';
import { trayStatus } from './tray-status.js';

export type TrayAction = 'open-dashboard' | 'refresh-config' | 'toggle-launch-at-login' | 'quit';

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; id: string; label: string; enabled: boolean; action: TrayAction | null }
  | { type: 'checkbox'; id: string; label: string; checked: boolean; action: TrayAction };

export interface TrayMenuInput {
  state: AppState;
  now: number;
  launchAtLogin: boolean;
}

export function buildTrayMenu(input: TrayMenuInput, t: AppTranslate): TrayMenuItem[] {
  const { state } = input;
  const info = (id: string, label: string): TrayMenuItem => ({ type: 'normal', id, label, enabled: false, action: null });
  const items: TrayMenuItem[] = [info('status', t('statusLine', { status: t(statusKey(trayStatus(state, input.now))) })), { type: 'separator' }];

  items.push(info('chain-header', t('chainHeader')));
  const view = state.config.view;
  if (view === null) items.push(info('chain-unknown', t('chainUnknown')));
  else if (view.chainError !== null) items.push(info('chain-error', t('chainError', { error: view.chainError })));
  else
    view.chain.forEach((entry, i) => {
      const name = entry.kind === 'proxy' ? entry.url : entry.kind;
      items.push(info(`chain-${i}`, t('chainEntry', { n: String(i + 1), entry: name })));
    });

  items.push(
    { type: 'separator' },
    { type: 'normal', id: 'refresh-config', label: t('refresh'), enabled: !state.config.loading, action: 'refresh-config' },
    { type: 'normal', id: 'open-dashboard', label: t('openDashboard'), enabled: true, action: 'open-dashboard' },
    { type: 'separator' },
    { type: 'checkbox', id: 'launch-at-login', label: t('launchAtLogin'), checked: input.launchAtLogin, action: 'toggle-launch-at-login' },
    { type: 'separator' },
    { type: 'normal', id: 'quit', label: t('quit'), enabled: true, action: 'quit' },
  );
  return items;
}
