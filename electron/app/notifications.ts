// Native notifications for what the engine reports on the stream: notices, and the watcher's
// repairs (a repair rewrote the user's files, so it is always announced, with how to undo it).
// Probes, keeps and benchmark progress are not worth interrupting anyone for.
import type { AppEvent } from '../../shared/contract/stream.js';
import { noticeKey, type AppTranslate } from './messages.js';

export interface NotificationContent {
  title: string;
  body: string;
  /** The repair's apply, which the notification's Undo action reverts. */
  undoApplyId: string | null;
}

export function eventNotification(event: AppEvent, t: AppTranslate): NotificationContent | null {
  if (event.type === 'notice') return { title: t('appName'), body: t(noticeKey(event.code), event.params), undoApplyId: null };
  if (event.type === 'watch' && event.event.type === 'repair') {
    const e = event.event;
    return { title: t('repairTitle'), body: t('repairBody', { goproxy: e.to.goproxy, reason: e.reason }), undoApplyId: e.applyId };
  }
  return null;
}
