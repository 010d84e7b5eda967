// Keeps the identity of unchanged node models across rebuilds, so a memoised node component
// re-renders only when its own entry changed (a probe result for one proxy repaints one node).
import type { ChainNodeModel } from './chain-graph.js';

export function sameNode(a: ChainNodeModel, b: ChainNodeModel): boolean {
  return (
    a.id === b.id && a.kind === b.kind && a.entryKey === b.entryKey && a.label === b.label && a.position === b.position &&
    a.tone === b.tone && a.latencyMs === b.latencyMs && a.checkedAt === b.checkedAt && a.error === b.error &&
    a.x === b.x && a.y === b.y && JSON.stringify(a.sumdb) === JSON.stringify(b.sumdb) &&
    (a.relay?.port ?? null) === (b.relay?.port ?? null)
  );
}

/** `next`, with each node equal to the previous node of the same id replaced by that previous object. */
export function keepUnchangedNodes(previous: readonly ChainNodeModel[], next: readonly ChainNodeModel[]): ChainNodeModel[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = before.get(n.id);
    return old !== undefined && sameNode(old, n) ? old : n;
  });
}
