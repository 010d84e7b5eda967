// Native notifications for what the engine reports on the stream: notices, and the watcher's
// repairs (a repair rewrote the user's files, so it is always announced, with how to undo it).
// Probes, keeps and benchmark progress are not worth interrupting anyone for. Everything in the
// user's language, the repair's reason too (the repair engine's message, rendered here).
import type { AppEvent } from '../../shared/contract/stream.js';
import type { Locale } from '../../shared/i18n/message.js';
import { noticeId, trayText } from './tray-locale.js';

export interface NotificationContent {
  title: string;
  body: string;
  /** The repair's apply, which the notification's Undo action reverts. */
  undoApplyId: string | null;
}

export function eventNotification(event: AppEvent, locale: Locale): NotificationContent | null {
  if (event.type === 'notice') return { title: trayText(locale, 'tray.appName'), body: trayText(locale, noticeId(event.code), event.params), undoApplyId: null };
  if (event.type === 'watch' && event.event.type === 'repair') {
    const e = event.event;
    return { title: trayText(locale, 'tray.repairTitle'), body: trayText(locale, 'tray.repairBody', { goproxy: e.to.goproxy, reason: e.reason }), undoApplyId: e.applyId };
  }
  return null;
}
