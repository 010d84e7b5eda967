// The tray menu as data, built from the state by a pure function and rebuilt on every change
// (Linux's AppIndicator needs the whole menu set again). The adapter (tray.ts) maps actions to
// clicks and main.ts maps actions to contract commands, the same ones the dashboard calls.
import { builtinProfileWords } from '../../shared/ui/profile-text.js';
import type { AppState, ChainEntryView, EntryHealthView } from '../../shared/contract/state.js';
import { isMessageId } from '../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../shared/i18n/message.js';
import { statusId, trayText } from './tray-locale.js';
import { relayTrayLines } from './tray-relay.js';
import { trayStatus } from './tray-status.js';

export type TrayAction =
  | 'open-dashboard'
  | 'open-benchmark'
  | 'refresh-config'
  | 'test-now'
  | 'repair-now'
  | 'toggle-auto-repair'
  | 'toggle-launch-at-login'
  | 'install-cli'
  | 'quit'
  | `switch-profile:${string}`;

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; id: string; label: string; enabled: boolean; action: TrayAction | null }
  | { type: 'checkbox'; id: string; label: string; checked: boolean; action: TrayAction }
  | { type: 'radio'; id: string; label: string; checked: boolean; enabled: boolean; action: TrayAction };

export interface TrayMenuInput {
  state: AppState;
  now: number;
}

const SWITCH_PREFIX = 'switch-profile:';

/** The profile a `switch-profile:<id>` action names, or null for any other action. */
export function switchTarget(action: TrayAction): string | null {
  return action.startsWith(SWITCH_PREFIX) ? action.slice(SWITCH_PREFIX.length) : null;
}

/** Why a probe failed, in words: its failure kind when the probe gave one, else its own text. */
function failureWords(health: EntryHealthView): Message | string {
  const kind = health.failure?.kind;
  const id = kind === undefined ? null : `ops.failure.${kind}`;
  if (id === null || !isMessageId(id)) return health.error ?? '?';
  const words = msg(id);
  return health.failure?.status != null ? msg('tray.failureStatus', { words, status: health.failure.status }) : words;
}

function entryLabel(entry: ChainEntryView, n: number, state: AppState, locale: Locale): string {
  const name = entry.kind === 'proxy' ? entry.url : entry.kind;
  const health = entry.kind === 'proxy' ? state.health[entry.url] : undefined;
  const params = { n: String(n), entry: name };
  if (health === undefined) return trayText(locale, 'tray.chainEntry', params);
  if (!health.ok) return trayText(locale, 'tray.chainEntryFailing', { ...params, error: failureWords(health) });
  return health.latencyMs === null ? trayText(locale, 'tray.chainEntry', params) : trayText(locale, 'tray.chainEntryLatency', { ...params, latency: String(Math.round(health.latencyMs)) });
}

/** The menu in the locale's words (built-in profile names follow it too). */
export function buildTrayMenu(input: TrayMenuInput, locale: Locale): TrayMenuItem[] {
  const { state } = input;
  const info = (id: string, label: string): TrayMenuItem => ({ type: 'normal', id, label, enabled: false, action: null });
  const button = (id: string, label: string, action: TrayAction, enabled = true): TrayMenuItem => ({ type: 'normal', id, label, enabled, action });
  const items: TrayMenuItem[] = [info('status', trayText(locale, 'tray.statusLine', { status: trayText(locale, statusId(trayStatus(state, input.now))) })), { type: 'separator' }];

  // Profiles as radio items; one that cannot be applied yet (a placeholder to fill in) is shown
  // disabled, and none can be picked while a switch runs.
  items.push(info('profiles-header', trayText(locale, 'tray.profilesHeader')));
  if (state.profiles.list.length === 0) items.push(info('profiles-none', trayText(locale, 'tray.profilesNone')));
  for (const p of state.profiles.list) {
    items.push({
      type: 'radio',
      id: `profile-${p.profile.id}`,
      label: builtinProfileWords(p.profile.id, p.origin, locale, p.profile.name)?.name ?? p.profile.name,
      checked: p.profile.id === state.profiles.active,
      enabled: p.blockers.length === 0 && state.switching.running === null,
      action: `${SWITCH_PREFIX}${p.profile.id}`,
    });
  }

  items.push({ type: 'separator' }, info('chain-header', trayText(locale, 'tray.chainHeader')));
  const view = state.config.view;
  if (view === null) items.push(info('chain-unknown', trayText(locale, 'tray.chainUnknown')));
  else if (view.chainError !== null) items.push(info('chain-error', trayText(locale, 'tray.chainError', { error: view.chainError })));
  else view.chain.forEach((entry, i) => items.push(info(`chain-${i}`, entryLabel(entry, i + 1, state, locale))));
  const hasProxy = view?.chain.some((e) => e.kind === 'proxy') ?? false;
  const relayLines = relayTrayLines(state.relay, locale);
  if (relayLines.length > 0) items.push({ type: 'separator' }, ...relayLines.map((l) => info(l.id, l.label)));

  items.push(
    { type: 'separator' },
    button('test-now', trayText(locale, 'tray.testNow'), 'test-now', hasProxy && !state.watch.running),
    button('repair-now', trayText(locale, 'tray.repairNow'), 'repair-now', !state.watch.running),
    { type: 'checkbox', id: 'auto-repair', label: trayText(locale, 'tray.autoRepair'), checked: state.settings.autoRepair.enabled, action: 'toggle-auto-repair' },
    { type: 'separator' },
    button('benchmark', trayText(locale, 'tray.benchmark'), 'open-benchmark'),
    button('refresh-config', trayText(locale, 'tray.refresh'), 'refresh-config', !state.config.loading),
    button('open-dashboard', trayText(locale, 'tray.openDashboard'), 'open-dashboard'),
    { type: 'separator' },
    { type: 'checkbox', id: 'launch-at-login', label: trayText(locale, 'tray.launchAtLogin'), checked: state.settings.launchAtLogin, action: 'toggle-launch-at-login' },
    button('install-cli', trayText(locale, 'tray.installCli'), 'install-cli'),
    { type: 'separator' },
    button('quit', trayText(locale, 'tray.quit'), 'quit'),
  );
  return items;
}
