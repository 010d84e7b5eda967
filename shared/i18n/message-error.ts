// An error goproxyctl words itself. `detail` is the sentence as a message, which each front end
// renders in its user's language (the CLI's stderr and --json, the dashboard, the tray); the
// Error's own message is its English rendering, for logs and for code that only passes text on.
// Every such error extends this one, so "the error's message" has one name everywhere.
import { render } from './catalog.js';
import type { Message } from './message.js';

export class MessageError extends Error {
  readonly detail: Message;
  constructor(detail: Message, options?: ErrorOptions) {
    super(render('en', detail), options);
    this.detail = detail;
  }
}
