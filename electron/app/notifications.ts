// Native notifications for the engine's notices (events on the stream).
import type { AppEvent } from '../../shared/contract/stream.js';
import { noticeKey, type AppTranslate } from './messages.js';

export function noticeNotification(event: AppEvent, t: AppTranslate): { title: string; body: string } {
  return { title: t('appName'), body: t(noticeKey(event.code), event.params) };
}
