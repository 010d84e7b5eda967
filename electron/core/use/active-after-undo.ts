// Which profile is active after an undo: the one of the newest `use` apply still in effect (the
// history is a stack), or none. Keeps the recorded active profile in step with the files.
import type { ApplySummary } from '../apply/index.js';
import { ProfileError, ProfileStore } from '../profiles/index.js';

const USE_LABEL = /^use (\S+)$/;

/** Pure: the profile id of the newest committed `use <id>` apply (summaries are newest first). */
export function activeProfileFromHistory(applies: readonly ApplySummary[]): string | null {
  for (const a of applies) {
    if (a.status !== 'committed') continue;
    const m = USE_LABEL.exec(a.label);
    if (m) return m[1]!;
  }
  return null;
}

/** Records the active profile the history implies; a profile deleted since counts as none. */
export async function syncActiveProfile(applies: readonly ApplySummary[], opts: { env: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): Promise<string | null> {
  const store = new ProfileStore({ env: opts.env, platform: opts.platform });
  const id = activeProfileFromHistory(applies);
  if ((await store.active()) === id) return id; // nothing to record: do not create the store file
  try {
    await store.setActive(id);
    return id;
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    await store.setActive(null);
    return null;
  }
}
