import { MessageError } from '../../../shared/i18n/message-error.js';

/** Bad input about profiles (unknown id, invalid document, id clash): one sentence with the fix, as a message. */
export class ProfileError extends MessageError {
  override name = 'ProfileError';
}
