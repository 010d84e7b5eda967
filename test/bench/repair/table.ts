// Figures collected as rows and printed as one aligned table at the end (nothing is asserted).
export type Row = [figure: string, measured: string, target: string];

const rows: Row[] = [];

export function note(figure: string, measured: string, target = ''): void {
  rows.push([figure, measured, target]);
  process.stderr.write(`  ${figure}: ${measured}\n`);
}

export function formatTable(all: readonly Row[]): string {
  const header: Row = ['figure', 'measured', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...all.map((r) => r[i]!.length)));
  const line = (r: Row): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.map(line)].join('\n') + '\n';
}

export function printTable(): void {
  process.stdout.write(formatTable(rows));
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** "median 1.23 s, max 1.50 s (n=5)" */
export function medianMax(ms: readonly number[]): string {
  return `median ${seconds(median(ms))}, max ${seconds(Math.max(...ms))} (n=${ms.length})`;
}
