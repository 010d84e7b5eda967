// Transient results belong to the action that raised them: "Applied china…" describes the apply
// it made, and once that apply is no longer the latest committed one (undone, or followed by
// another switch, a fix or a repair) it says something that is no longer true. Pure.
import type { ApplyView, AppState, DoctorFixView, SwitchView } from '../contract/state.js';

/** The latest apply, whatever its status (the history is newest first). */
function latest(applies: readonly ApplyView[]): ApplyView | null {
  return applies[0] ?? null;
}

/** The last switch's verdict, while the apply it made is still the latest and still in force. */
export function currentSwitch(app: Pick<AppState, 'switching' | 'applies'>): SwitchView | null {
  const last = app.switching.last;
  if (last === null || app.switching.running !== null) return null;
  const head = latest(app.applies.list);
  // A switch that changed nothing has no apply: it stands until any other apply happens.
  if (last.applyId === null) return head === null || Date.parse(head.time) <= last.finishedAt ? last : null;
  return head !== null && head.id === last.applyId && head.status === 'committed' ? last : null;
}

/** The doctor's last fix, while its apply is the latest and in force. */
export function currentFix(fix: DoctorFixView | null, applies: readonly ApplyView[]): DoctorFixView | null {
  if (fix === null) return null;
  const head = latest(applies);
  return fix.applyId !== null && head !== null && head.id === fix.applyId && head.status === 'committed' ? fix : null;
}

/** "Undone: …" stands while the undone apply is still the latest entry of the history. */
export function undoStillCurrent(undoneId: string, applies: readonly ApplyView[]): boolean {
  const head = latest(applies);
  return head !== null && head.id === undoneId && head.status === 'undone';
}
