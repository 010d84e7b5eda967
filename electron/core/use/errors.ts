import { MessageError } from '../../../shared/i18n/message-error.js';

/** Bad input to `use` (unknown profile, a template with placeholders, an unwritable file): exit code 2, nothing written. */
export class UseInputError extends MessageError {
  override name = 'UseInputError';
}
