// Lists inside the doctor's messages: "a, b, c" or "a and b and c", as nested messages so each
// language joins them its own way (ops.doctor.list: "、" in Chinese).
import { msg, type Message, type MessageParam } from '../i18n/message.js';

/** The items joined by the two-slot message `join` ({first}{then}); one item stays itself. */
export function joinMessages(items: readonly MessageParam[], join: 'ops.doctor.list' | 'ops.doctor.and' | 'ops.doctor.sloppy.join'): MessageParam {
  if (items.length === 0) return '';
  return items.reduce((all, next) => msg(join, { first: all, then: next }));
}

/** The same, typed as a message for callers that need one (at least one item). */
export function joinToMessage(items: readonly Message[], join: 'ops.doctor.list' | 'ops.doctor.and' | 'ops.doctor.sloppy.join'): Message {
  return items.slice(1).reduce((all, next) => msg(join, { first: all, then: next }), items[0]!);
}
