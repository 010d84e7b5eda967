// Text from a file, a subscription or a server (a profile's name, a proxy's error body, a path)
// must not drive the user's terminal: an OSC sequence retitles the window or writes the clipboard,
// CSI codes move the cursor and recolour, a bidi override makes "evil.example" read as something
// else, a newline forges an extra line of output. Every CLI formatter passes such values through
// here. Control characters are not removed silently but shown escaped (\x1b, \u202e), so the
// user sees that the value holds them. Escaping every ESC and C1 byte is enough to defuse every
// sequence (CSI, OSC, DCS...): without its introducer, the rest is plain text.

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHAR_KEEPING_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)/g;

/** One value (a name, a URL, an error sentence) made safe for a terminal, on one line. */
export function terminalSafe(value: string): string {
  return escapeUnsafe(value, UNSAFE_CHAR);
}

/**
 * Multi-line text (a diff, a report) made safe for a terminal: newlines, tabs and the CR of a CRLF
 * line ending are kept (harmless there); a lone CR, which would let the rest overwrite the line,
 * is escaped like every other control.
 */
export function terminalSafeText(text: string): string {
  return escapeUnsafe(text, UNSAFE_CHAR_KEEPING_LINES);
}

/** True when the value would be changed by terminalSafe (it holds something a terminal acts on). */
export function hasTerminalControls(value: string): boolean {
  return terminalSafe(value) !== value;
}

function escapeUnsafe(text: string, unsafe: RegExp): string {
  return text.replace(unsafe, visible);
}

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
