// An apply's label is the journal's record of what made it, written in a fixed form by each
// engine (electron/core/use: "use <id>", electron/core/watch: "watch: use <id>" / "watch: reorder
// GOPROXY", electron/core/doctor: "doctor --fix <rule> (<vars>)", the CLI's "lint --fix"). The
// UI shows it as a message id with parameters, in the user's language; a label of another form
// (an older journal) is shown as written.
import { msg, type Message } from '../i18n/message.js';

export type ApplyLabel =
  | { id: 'use'; profile: string }
  | { id: 'watch-use'; profile: string }
  | { id: 'watch-reorder' }
  | { id: 'doctor-fix'; vars: string }
  | { id: 'lint-fix' }
  | { id: 'other'; text: string };

export function parseApplyLabel(label: string): ApplyLabel {
  let m: RegExpExecArray | null;
  if ((m = /^use (\S+)$/.exec(label))) return { id: 'use', profile: m[1]! };
  if ((m = /^watch: use (\S+)$/.exec(label))) return { id: 'watch-use', profile: m[1]! };
  if (label === 'watch: reorder GOPROXY') return { id: 'watch-reorder' };
  if ((m = /^doctor --fix \S+ \((.*)\)$/.exec(label))) return { id: 'doctor-fix', vars: m[1]! };
  if (label === 'lint --fix') return { id: 'lint-fix' };
  return { id: 'other', text: label };
}

/** The label as a message of the engine catalogue; null for a label of another form (shown as written). */
export function applyLabelMessage(label: string): Message | null {
  const parsed = parseApplyLabel(label);
  switch (parsed.id) {
    case 'use':
      return msg('apply.label.use', { profile: parsed.profile });
    case 'watch-use':
      return msg('apply.label.watch-use', { profile: parsed.profile });
    case 'watch-reorder':
      return msg('apply.label.watch-reorder');
    case 'doctor-fix':
      return msg('apply.label.doctor-fix', { vars: parsed.vars });
    case 'lint-fix':
      return msg('apply.label.lint-fix');
    case 'other':
      return null;
  }
}
