// The watcher's memory (shared/repair/choice.ts) on disk, so a restart keeps the dwell time, the
// grace period and the failure streak. A missing or damaged file means "no memory": the first round
// starts afresh, which is safe (see reconcileChoice).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WatchMemory } from '../../../shared/repair/choice.js';
import { atomicWrite } from '../apply/atomic-write.js';

export function memoryPath(stateDir: string): string {
  return path.join(stateDir, 'watch-memory.json');
}

export async function loadMemory(stateDir: string): Promise<WatchMemory | null> {
  try {
    const m = JSON.parse(await readFile(memoryPath(stateDir), 'utf8')) as Partial<WatchMemory>;
    if (typeof m.goproxy !== 'string' || typeof m.chosenAt !== 'number' || (m.chosenBy !== 'user' && m.chosenBy !== 'watch')) return null;
    return {
      profile: typeof m.profile === 'string' ? m.profile : null,
      goproxy: m.goproxy,
      chosenAt: m.chosenAt,
      chosenBy: m.chosenBy,
      chosenOnNetwork: typeof m.chosenOnNetwork === 'string' ? m.chosenOnNetwork : null,
      activeFailures: typeof m.activeFailures === 'number' ? m.activeFailures : 0,
    };
  } catch {
    return null;
  }
}

export async function saveMemory(stateDir: string, memory: WatchMemory): Promise<void> {
  await atomicWrite(memoryPath(stateDir), Buffer.from(JSON.stringify(memory, null, 2) + '\n'));
}
