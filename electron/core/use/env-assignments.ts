// Where a POSIX-shell startup file sets a variable: `export NAME=...`, `NAME=...`, `declare -x
// NAME=...`, `typeset -x NAME=...` or `export NAME` after an assignment. Pure, line by line, as
// bytes read as latin1 (rc files are not always UTF-8). A heuristic for naming the culprit in a
// report, not a shell parser: the real shell run (verify-apply.ts) decides whether it shadows.
export interface EnvAssignment {
  /** 1-based line number. */
  line: number;
  /** The line, trimmed, for the report. */
  text: string;
}

export function findEnvAssignments(fileText: string, name: string): EnvAssignment[] {
  const assign = new RegExp(`^\\s*(?:(?:export|declare\\s+-x|typeset\\s+-x|readonly)\\s+)?${name}=`);
  const found: EnvAssignment[] = [];
  fileText.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '').trim();
    if (text.startsWith('#')) return;
    if (assign.test(text)) found.push({ line: i + 1, text });
  });
  return found;
}

/** Lines (1-based, inclusive) of the managed block, or null; assignments inside it are ours. */
export function managedBlockLines(fileText: string, beginMarker: string, endMarker: string): { begin: number; end: number } | null {
  const lines = fileText.split('\n');
  const begin = lines.findIndex((l) => l.includes(beginMarker));
  if (begin < 0) return null;
  const end = lines.findIndex((l, i) => i > begin && l.includes(endMarker));
  return end < 0 ? null : { begin: begin + 1, end: end + 1 };
}
