// Profiles as the user sees them: the built-ins, their own, and the ones their subscriptions
// provide. Every change is validated first and written atomically under the writers' lock, so the
// tray and the CLI never lose each other's edits.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import path from 'node:path';
import { BUILTIN_PROFILES, builtinProfile, structuredCloneProfile } from '../../../shared/profile/builtins.js';
import { parseProfileDocument, serializeProfile } from '../../../shared/profile/document.js';
import { DEFAULT_REFRESH_SECONDS, refreshDue, type Subscription } from '../../../shared/profile/subscription.js';
import type { Profile } from '../../../shared/profile/types.js';
import { profileIdProblem, validateProfile } from '../../../shared/profile/validate.js';
import { productDirs, type ProductDirs } from '../apply/product-dirs.js';
import { withWriterLock } from '../apply/writer-lock.js';
import { ProfileError } from './errors.js';
import { BoundedFileError } from './bounded-file.js';
import { fetchSource, isUrlSource, FetchSourceError } from './fetch-source.js';
import { redactUrlCredentials, splitSourceCredentials } from './source-credentials.js';
import { KeychainSubscriptionSecrets, type SubscriptionSecrets } from '../secrets/subscription-secrets.js';
import { isLoopbackHost } from '../secrets/origin.js';
import { readStore, storePath, writeStore, type StoreData } from './store-file.js';

export type ProfileOrigin = 'builtin' | 'user' | { subscription: string };

export interface ListedProfile {
  profile: Profile;
  origin: ProfileOrigin;
  active: boolean;
}

export interface RefreshResult {
  source: string;
  ok: boolean;
  /** Ids provided after the refresh (unchanged on failure). */
  profileIds: string[];
  error: string | null;
  /** The error as a message, for each front end's language. */
  errorMessage: Message | null;
  skipped: boolean;
  /** subscribe only: the URL's user:password was stored in the OS keychain. */
  credentialInKeychain?: boolean;
}

export interface ProfileStoreOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  dirs?: ProductDirs;
  /** Where relative subscription paths are resolved from. */
  cwd?: string;
  fetchTimeoutMs?: number;
  /** Where subscription credentials live (default: the OS keychain, loaded only when one is used). */
  subscriptionSecrets?: SubscriptionSecrets;
}

export class ProfileStore {
  readonly dirs: ProductDirs;
  readonly file: string;
  private readonly cwd: string;
  private readonly fetchTimeoutMs: number | undefined;
  private secretsStore: SubscriptionSecrets | undefined;

  constructor(opts: ProfileStoreOptions = {}) {
    this.dirs = opts.dirs ?? productDirs(opts.env ?? process.env, opts.platform ?? process.platform);
    this.file = storePath(this.dirs.config);
    this.cwd = opts.cwd ?? process.cwd();
    this.fetchTimeoutMs = opts.fetchTimeoutMs;
    this.secretsStore = opts.subscriptionSecrets;
  }

  private get secrets(): SubscriptionSecrets {
    return (this.secretsStore ??= new KeychainSubscriptionSecrets());
  }

  async list(): Promise<ListedProfile[]> {
    const data = await readStore(this.file);
    const owner = subscriptionOwners(data);
    const listed: ListedProfile[] = BUILTIN_PROFILES.map((p) => ({ profile: structuredCloneProfile(p), origin: 'builtin' as const, active: data.active === p.id }));
    for (const p of data.profiles) {
      const source = owner.get(p.id);
      listed.push({ profile: p, origin: source === undefined ? 'user' : { subscription: source }, active: data.active === p.id });
    }
    return listed;
  }

  async get(id: string): Promise<Profile> {
    const found = (await this.list()).find((l) => l.profile.id === id);
    if (!found) throw await this.unknown(id);
    return found.profile;
  }

  async active(): Promise<string | null> {
    return (await readStore(this.file)).active;
  }

  async setActive(id: string | null): Promise<void> {
    if (id !== null) await this.get(id);
    await this.mutate((data) => {
      data.active = id;
    });
  }

  /** Adds a new user profile (the id must be free). */
  async create(profile: Profile): Promise<Profile> {
    const checked = this.check(profile);
    await this.mutate((data) => {
      this.assertFree(data, checked.id);
      data.profiles.push(checked);
    });
    return checked;
  }

  /** Replaces a user profile (built-ins and subscription profiles are read-only: duplicate them). */
  async update(profile: Profile): Promise<Profile> {
    const checked = this.check(profile);
    await this.mutate((data) => {
      const i = this.userIndex(data, checked.id);
      data.profiles[i] = checked;
    });
    return checked;
  }

  async remove(id: string): Promise<void> {
    await this.mutate((data) => {
      const i = this.userIndex(data, id);
      data.profiles.splice(i, 1);
      if (data.active === id) data.active = null;
    });
  }

  /** A copy of any profile (built-in, user or subscribed) under a new id, as a user profile. */
  async duplicate(id: string, newId: string, name?: string): Promise<Profile> {
    const problem = profileIdProblem(newId);
    if (problem) throw new ProfileError(problem);
    const source = await this.get(id);
    return this.create({ ...structuredCloneProfile(source), id: newId, name: name ?? render('en', msg('apply.profile.copy-name', { name: source.name })) });
  }

  /** Imports every profile of a document; all are validated (and their ids checked) before any is stored. */
  async importDocument(text: string, source: string, opts: { replace?: boolean } = {}): Promise<Profile[]> {
    const parsed = parseProfileDocument(text, source);
    if (!parsed.ok) throw new ProfileError(parsed.errors.length > 1 ? msg('apply.store.and-more', { first: parsed.errors[0]!, more: parsed.errors.length - 1 }) : parsed.errors[0]!);
    await this.mutate((data) => {
      for (const p of parsed.profiles) {
        const existing = data.profiles.findIndex((q) => q.id === p.id);
        if (existing >= 0 && opts.replace) this.userIndex(data, p.id);
        else this.assertFree(data, p.id);
      }
      for (const p of parsed.profiles) {
        const existing = data.profiles.findIndex((q) => q.id === p.id);
        if (existing >= 0) data.profiles[existing] = p;
        else data.profiles.push(p);
      }
    });
    return parsed.profiles;
  }

  async exportProfile(id: string): Promise<string> {
    return serializeProfile(await this.get(id));
  }

  /**
   * Adds a subscription and fetches it once; nothing is stored if the first fetch or validation
   * fails. A user:password in the URL is split off: it goes to the OS keychain (only once the
   * document has been fetched and validated with it), profiles.json keeps the URL without it.
   */
  async subscribe(source: string, intervalSeconds = DEFAULT_REFRESH_SECONDS, now = new Date(), opts: { signal?: AbortSignal } = {}): Promise<RefreshResult> {
    const split = isUrlSource(source) ? splitSourceCredentials(source) : { source, credential: null };
    const normalized = this.normalizeSource(split.source);
    const credential = split.credential;
    if (credential !== null) {
      if (new URL(normalized).protocol === 'http:' && !isLoopbackHost(new URL(normalized).hostname)) {
        throw new ProfileError(msg('apply.store.plain-http', { source: normalized }));
      }
      if (credential.user === '' || credential.secret === '') throw new ProfileError(msg('apply.store.half-credential', { source: normalized }));
    }
    const data = await readStore(this.file);
    if (data.subscriptions.some((s) => s.source === normalized)) throw new ProfileError(msg('apply.store.already-subscribed', { source: normalized }));
    const text = await fetchSource(normalized, { timeoutMs: this.fetchTimeoutMs, signal: opts.signal, credential }).catch((err: unknown) => {
      if (opts.signal?.aborted) throw err;
      // The fetch's own reason (an HTTP status, a network error) is quoted as it was reported.
      const error = err instanceof BoundedFileError || err instanceof FetchSourceError ? err.detail : (err as Error).message;
      throw new ProfileError(msg(err instanceof BoundedFileError ? 'apply.store.fetch-file' : 'apply.store.fetch-url', { error }));
    });
    const profiles = this.parseSubscribed(text, normalized);
    if (credential !== null) await this.secrets.set(normalized, credential);
    const stamp = now.toISOString();
    try {
      await this.mutate((fresh) => {
        for (const p of profiles) this.assertFree(fresh, p.id);
        fresh.profiles.push(...profiles);
        fresh.subscriptions.push({
          source: normalized,
          intervalSeconds,
          lastAttempt: stamp,
          lastSuccess: stamp,
          lastError: null,
          profileIds: profiles.map((p) => p.id),
          ...(credential !== null ? { credential: 'keychain' as const } : {}),
        });
      });
    } catch (err) {
      if (credential !== null) await this.secrets.remove(normalized).catch(() => undefined);
      throw err;
    }
    return { source: normalized, ok: true, profileIds: profiles.map((p) => p.id), error: null, errorMessage: null, skipped: false, ...(credential !== null ? { credentialInKeychain: true } : {}) };
  }

  async unsubscribe(source: string): Promise<void> {
    const normalized = this.normalizeSource(isUrlSource(source) ? splitSourceCredentials(source).source : source);
    let removed: Subscription | undefined;
    await this.mutate((data) => {
      // (A store from before the keychain may still hold the URL with its password.)
      const sub = data.subscriptions.find((s) => s.source === normalized || (isUrlSource(s.source) && splitSourceCredentials(s.source).source === normalized));
      if (!sub) throw new ProfileError(msg('apply.store.not-subscribed', { source: normalized }));
      data.profiles = data.profiles.filter((p) => !sub.profileIds.includes(p.id));
      data.subscriptions = data.subscriptions.filter((s) => s !== sub);
      removed = sub;
    });
    if (removed?.credential === 'keychain') await this.secrets.remove(normalized);
  }

  async subscriptions(): Promise<Subscription[]> {
    return (await readStore(this.file)).subscriptions;
  }

  /**
   * Refreshes subscriptions (all, or only those due at `now`). A failed fetch or an invalid
   * document keeps the previous profiles and records the error; a valid one replaces them.
   */
  async refresh(opts: { now?: Date; onlyDue?: boolean; signal?: AbortSignal } = {}): Promise<RefreshResult[]> {
    const now = opts.now ?? new Date();
    const results: RefreshResult[] = [];
    await this.moveLegacyCredentials();
    for (const sub of (await readStore(this.file)).subscriptions) {
      if (opts.onlyDue && !refreshDue(sub, now)) {
        results.push({ source: sub.source, ok: true, profileIds: sub.profileIds, error: null, errorMessage: null, skipped: true });
        continue;
      }
      let profiles: Profile[] | null = null;
      let error: Message | null = null;
      try {
        const credential = sub.credential === 'keychain' ? await this.secrets.get(sub.source) : isUrlSource(sub.source) ? splitSourceCredentials(sub.source).credential : null;
        if (sub.credential === 'keychain' && credential === null) throw new ProfileError(msg('apply.store.keychain-lost', { source: sub.source }));
        const text = await fetchSource(sub.source, { timeoutMs: this.fetchTimeoutMs, signal: opts.signal, credential });
        profiles = this.parseSubscribed(text, sub.source);
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        // A fetch's own failure (an HTTP status, a network error) is quoted as it was reported.
        error = err instanceof ProfileError || err instanceof BoundedFileError || err instanceof FetchSourceError ? err.detail : msg('apply.store.fetch-failed', { error: (err as Error).message });
      }
      let ids = sub.profileIds;
      await this.mutate((data) => {
        const current = data.subscriptions.find((s) => s.source === sub.source);
        if (!current) return; // removed meanwhile
        current.lastAttempt = now.toISOString();
        if (profiles !== null) {
          const clash = profiles.find((p) => !current.profileIds.includes(p.id) && this.taken(data, p.id));
          if (clash) error = msg('apply.store.id-clash', { source: sub.source, id: clash.id });
        }
        if (profiles === null || error !== null) {
          current.lastError = error && render('en', error);
          current.lastErrorMessage = error;
          return;
        }
        data.profiles = data.profiles.filter((p) => !current.profileIds.includes(p.id));
        data.profiles.push(...profiles);
        current.profileIds = profiles.map((p) => p.id);
        current.lastSuccess = now.toISOString();
        current.lastError = null;
        current.lastErrorMessage = null;
        ids = current.profileIds;
        if (data.active !== null && !this.taken(data, data.active)) data.active = null;
      });
      results.push({ source: sub.source, ok: error === null, profileIds: ids, error: error && render('en', error), errorMessage: error, skipped: false });
    }
    return results;
  }

  /**
   * Stores written before subscription credentials went to the keychain hold them in the URL.
   * On the next refresh each such password moves to the keychain and the URL loses it; if the
   * keychain cannot be used, the subscription keeps working as it did (the password stays where
   * it was, and is never shown: outputs redact it).
   */
  private async moveLegacyCredentials(): Promise<void> {
    const legacy = (await readStore(this.file)).subscriptions.filter((s) => isUrlSource(s.source) && splitSourceCredentials(s.source).credential !== null);
    for (const sub of legacy) {
      const split = splitSourceCredentials(sub.source);
      const bare = new URL(split.source).href;
      try {
        await this.secrets.set(bare, split.credential!);
      } catch {
        continue;
      }
      await this.mutate((data) => {
        const current = data.subscriptions.find((s) => s.source === sub.source);
        if (!current || data.subscriptions.some((s) => s.source === bare)) return;
        current.source = bare;
        current.credential = 'keychain';
        if (current.lastError !== null) current.lastError = redactUrlCredentials(current.lastError);
      });
    }
  }

  private parseSubscribed(text: string, source: string): Profile[] {
    const parsed = parseProfileDocument(text, source);
    if (!parsed.ok) throw new ProfileError(parsed.errors[0]!);
    return parsed.profiles;
  }

  private normalizeSource(source: string): string {
    if (isUrlSource(source)) {
      try {
        return new URL(source).href;
      } catch {
        throw new ProfileError(msg('apply.store.bad-url', { source: redactUrlCredentials(source) }));
      }
    }
    return path.resolve(this.cwd, source);
  }

  private check(profile: Profile): Profile {
    const checked = validateProfile(profile);
    if (!checked.ok) throw new ProfileError(checked.errors[0]!);
    return checked.profile;
  }

  private taken(data: StoreData, id: string): boolean {
    return builtinProfile(id) !== null || data.profiles.some((p) => p.id === id);
  }

  private assertFree(data: StoreData, id: string): void {
    if (builtinProfile(id) !== null) throw new ProfileError(msg('apply.store.builtin-id', { id }));
    if (data.profiles.some((p) => p.id === id)) throw new ProfileError(msg('apply.store.id-taken', { id }));
  }

  /** The index of a user-owned profile, or a clear error for built-in, subscribed or unknown ids. */
  private userIndex(data: StoreData, id: string): number {
    if (builtinProfile(id) !== null) throw new ProfileError(msg('apply.store.builtin-readonly', { id }));
    const owner = subscriptionOwners(data).get(id);
    if (owner !== undefined) throw new ProfileError(msg('apply.store.subscribed-readonly', { id, source: owner }));
    const i = data.profiles.findIndex((p) => p.id === id);
    if (i < 0) throw new ProfileError(msg('apply.store.no-profile', { id }));
    return i;
  }

  private async unknown(id: string): Promise<ProfileError> {
    const ids = (await this.list()).map((l) => l.profile.id);
    return new ProfileError(msg('apply.store.unknown-id', { id, ids: ids.join(', ') }));
  }

  private mutate(change: (data: StoreData) => void): Promise<void> {
    return withWriterLock(this.dirs.state, async () => {
      const data = await readStore(this.file);
      change(data);
      await writeStore(this.file, data);
    });
  }
}

function subscriptionOwners(data: StoreData): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of data.subscriptions) for (const id of s.profileIds) owners.set(id, s.source);
  return owners;
}
