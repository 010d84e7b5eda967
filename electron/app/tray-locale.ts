// The language of the tray and the notifications: the one language setting the dashboard follows
// (shared/ui/appearance.ts resolves it; "system" means the OS locale, Electron's app.getLocale()).
// Their words are the catalogue's "tray." part, rendered by shared/i18n's render: one catalogue.
import { render } from '../../shared/i18n/catalog.js';
import { msg, type Locale, type MessageParam } from '../../shared/i18n/message.js';
import type { TrayMessageId } from '../../shared/i18n/parts/tray.js';
import { resolveLocale, type LanguageSetting } from '../../shared/ui/appearance.js';
import type { NoticeCode } from '../../shared/contract/stream.js';
import type { TrayStatus } from './tray-status.js';

export function trayLocale(setting: LanguageSetting, osLocale: string): Locale {
  return resolveLocale(setting, [osLocale]);
}

/** One of the tray's messages in the locale (values may be messages of any part, e.g. a repair's reason). */
export function trayText(locale: Locale, id: TrayMessageId, params?: Readonly<Record<string, MessageParam>>): string {
  return render(locale, msg(id, params));
}

export const statusId = (s: TrayStatus): TrayMessageId => `tray.status.${s}`;
export const noticeId = (c: NoticeCode): TrayMessageId => `tray.notice.${c}`;
