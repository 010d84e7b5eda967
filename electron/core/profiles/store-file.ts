// The profile store on disk: <config dir>/profiles.json (XDG_CONFIG_HOME/goproxyctl on Linux,
// ~/Library/Preferences/goproxyctl on macOS, %APPDATA%\goproxyctl\Config on Windows; the apply
// engine's product-dirs). Written atomically; a damaged file is reported, never overwritten.
import { msg, type Message } from '../../../shared/i18n/message.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { validateProfile } from '../../../shared/profile/validate.js';
import type { Profile } from '../../../shared/profile/types.js';
import type { Subscription } from '../../../shared/profile/subscription.js';
import { atomicWrite } from '../apply/atomic-write.js';
import { BoundedFileError, readBoundedFile } from './bounded-file.js';
import { ProfileError } from './errors.js';

export const STORE_VERSION = 1;
/** Far above any real store (a profile is about 1 KB), far below what could exhaust memory. */
const MAX_STORE_BYTES = 64 << 20;

export interface StoreData {
  version: typeof STORE_VERSION;
  /** The profile applied last (set by `use`), or null. */
  active: string | null;
  /** User and subscription profiles (built-ins are not stored). */
  profiles: Profile[];
  subscriptions: Subscription[];
}

export function emptyStore(): StoreData {
  return { version: STORE_VERSION, active: null, profiles: [], subscriptions: [] };
}

export function storePath(configDir: string): string {
  return path.join(configDir, 'profiles.json');
}

export async function readStore(file: string): Promise<StoreData> {
  const damaged = (why: string | Message): ProfileError => new ProfileError(msg('apply.store.damaged', { file, why }));
  let text: string;
  try {
    // Bounded like every file goproxyctl reads: a fifo or a device here must not hang every command.
    text = (await readBoundedFile(file, MAX_STORE_BYTES)).toString('utf8');
  } catch (err) {
    const cause = (err as { cause?: NodeJS.ErrnoException }).cause;
    if (cause?.code === 'ENOENT') return emptyStore();
    // Not a regular file, or absurdly large: damaged. (A failing stat or open is reported as such.)
    if (err instanceof BoundedFileError && cause === undefined) throw damaged(err.detail);
    throw err;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw damaged((err as Error).message);
  }
  if (typeof value !== 'object' || value === null) throw damaged(msg('apply.store.not-object'));
  const v = value as Record<string, unknown>;
  if (v.version !== STORE_VERSION) throw damaged(msg('apply.store.version', { version: String(v.version) }));
  if (!Array.isArray(v.profiles) || !Array.isArray(v.subscriptions)) throw damaged(msg('apply.store.lists'));
  const profiles: Profile[] = [];
  v.profiles.forEach((p: unknown, i) => {
    const checked = validateProfile(p, `profiles[${i}]`);
    if (!checked.ok) throw damaged(checked.errors[0] ?? msg('apply.store.invalid-profile'));
    profiles.push(checked.profile);
  });
  const active = typeof v.active === 'string' ? v.active : null;
  return { version: STORE_VERSION, active, profiles, subscriptions: v.subscriptions as Subscription[] };
}

export async function writeStore(file: string, data: StoreData): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await atomicWrite(file, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'), { mode: 0o600 });
}
