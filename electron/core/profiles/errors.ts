import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';

/** Bad input about profiles (unknown id, invalid document, id clash): one sentence with the fix, as a message. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  /** The sentence as a message, for each front end's language (the Error's message is its English). */
  readonly detail: Message;
  constructor(detail: Message) {
    super(render('en', detail));
    this.detail = detail;
  }
}
