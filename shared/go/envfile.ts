// The go env file format: a port of readEnvFile in cmd/go/internal/cfg/cfg.go
// (go 1.19 initEnvCache has the same line rules).

/**
 * Parses the user's go env file (or $GOROOT/go.env) as go does: lines are split on "\n"
 * only (a "\r" stays at the end of the value), a line without "=" or whose first byte is
 * not A-Z is ignored (comments, blank lines), the value is everything after the first "="
 * (no trimming, no quotes), and a later line for the same key wins.
 */
export function parseGoEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    const first = line.charCodeAt(0);
    if (eq < 0 || !(first >= 0x41 && first <= 0x5a)) continue;
    vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return vars;
}
