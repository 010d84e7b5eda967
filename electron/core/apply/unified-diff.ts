// A unified diff of two versions of a file, for the dry run. Lines are compared as bytes (Latin-1),
// so any encoding shows up unchanged. Common leading and trailing lines are skipped first, so a
// 5 MB rc file with a three-line block appended costs one linear scan.
const CONTEXT = 3;
const MAX_LCS_CELLS = 4_000_000;

export function unifiedDiff(label: string, before: Uint8Array | null, after: Uint8Array | null): string {
  const a = before === null ? [] : toLines(before);
  const b = after === null ? [] : toLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head === a.length && head === b.length) return '';
  const ops = middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const from = Math.max(0, head - CONTEXT);
  const lines: string[] = [];
  for (let i = from; i < head; i++) lines.push(` ${a[i]}`);
  lines.push(...ops);
  for (let i = a.length - tail; i < Math.min(a.length, a.length - tail + CONTEXT); i++) lines.push(` ${a[i]}`);
  const aCount = lines.filter((l) => l[0] !== '+').length;
  const bCount = lines.filter((l) => l[0] !== '-').length;
  const header = [`--- ${before === null ? '/dev/null' : `a/${label}`}`, `+++ ${after === null ? '/dev/null' : `b/${label}`}`];
  return [...header, `@@ -${aCount ? from + 1 : 0},${aCount} +${bCount ? from + 1 : 0},${bCount} @@`, ...lines].join('\n') + '\n';
}

function middleOps(a: string[], b: string[]): string[] {
  if (a.length * b.length > MAX_LCS_CELLS) return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  // Longest common subsequence, table from the end.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const ops: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push(` ${a[i++]}`);
      j++;
    } else if (j < b.length && (i === a.length || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) {
      ops.push(`+${b[j++]}`);
    } else {
      ops.push(`-${a[i++]}`);
    }
  }
  return ops;
}

function toLines(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines.map((l) => l.replace(/\r$/, '␍'));
}
