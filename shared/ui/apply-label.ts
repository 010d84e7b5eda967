// An apply's label is the journal's record of what made it, written in a fixed form by each
// engine (electron/core/use: "use <id>", electron/core/watch: "watch: use <id>" / "watch: reorder
// GOPROXY", electron/core/doctor: "doctor --fix <rule> (<vars>)", the CLI's "lint --fix"). The
// UI shows it as a message id with parameters, in the user's language; a label of another form
// (an older journal) is shown as written.
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
