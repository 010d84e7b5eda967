import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';

/** Bad input to `use` (unknown profile, a template with placeholders, an unwritable file): exit code 2, nothing written. */
export class UseInputError extends Error {
  override name = 'UseInputError';
  /** The refusal as a message, for each front end's language (the Error's message is its English). */
  readonly detail: Message;
  constructor(detail: Message) {
    super(render('en', detail));
    this.detail = detail;
  }
}
