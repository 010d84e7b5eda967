// The tray adapter: icon, tooltip and menu follow the state (buildTrayMenu is the pure part).
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { AppState } from '../../shared/contract/state.js';
import { trayLocale } from './tray-locale.js';
import { buildTrayMenu, type TrayAction, type TrayMenuItem } from './tray-menu.js';
import { trayStatus, trayTooltip, type TrayStatus } from './tray-status.js';

export interface TrayDeps {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  icon: (status: TrayStatus) => NativeImage;
  /** The OS locale (Electron's app.getLocale()): what the language setting "system" means. */
  osLocale: string;
  onAction: (action: TrayAction) => void;
}

export function toMenuTemplate(items: TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'checkbox') return { id: item.id, type: 'checkbox', label: item.label, checked: item.checked, click: () => onAction(item.action) };
    if (item.type === 'radio') return { id: item.id, type: 'radio', label: item.label, checked: item.checked, enabled: item.enabled, click: () => onAction(item.action) };
    const action = item.action;
    return { id: item.id, type: 'normal', label: item.label, enabled: item.enabled, ...(action ? { click: () => onAction(action) } : {}) };
  });
}

/** The tray follows the one language setting, as the dashboard does ("system": the OS locale). */
export function updateTray(deps: TrayDeps, state: AppState, now: number): void {
  const locale = trayLocale(state.settings.language, deps.osLocale);
  deps.tray.setImage(deps.icon(trayStatus(state, now)));
  deps.tray.setToolTip(trayTooltip(state, now, locale));
  deps.tray.setContextMenu(deps.buildMenu(toMenuTemplate(buildTrayMenu({ state, now }, locale), deps.onAction)));
}
