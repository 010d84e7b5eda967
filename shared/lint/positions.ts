// Offsets in a file's text → 1-based line and column (UTF-16 code units, SARIF's default).

export interface LineIndex {
  lineOf(offset: number): number;
  columnOf(offset: number): number;
  /** Offset of the first character of a 1-based line. */
  startOf(line: number): number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    lineOf: (offset) => lineAt(offset) + 1,
    columnOf: (offset) => offset - starts[lineAt(offset)]! + 1,
    startOf: (line) => starts[Math.max(0, Math.min(starts.length - 1, line - 1))]!,
  };
}
