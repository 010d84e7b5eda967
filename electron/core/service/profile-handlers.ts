// Profiles: the list lives in the state; every change goes through the profile store, then the
// list is re-read so the state is what the store holds (another process, the CLI, may write too).
// Switching is the use engine's job (plan → apply → verify with the real go), the same code path
// as `goproxyctl use`, so the tray, the dashboard and the CLI cannot disagree.
import { render } from '../../../shared/i18n/catalog.js';
import { mismatchVerdict } from '../../../shared/ui/mismatch.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { ProfileView, SubscriptionView, SwitchView } from '../../../shared/contract/state.js';
import type { Subscription } from '../../../shared/profile/subscription.js';
import { ProfileError, ProfileStore } from '../profiles/index.js';
import { commitUse, planUse, UseInputError } from '../use/index.js';
import type { CommandContext, ServiceContext } from './context.js';
import { toProfileView } from './profile-view.js';
import { RECOMMENDED_PROFILE_ID } from '../../../shared/profile/recommended.js';
import { saveRecommendation } from '../profiles/save-recommendation.js';
import { SerialQueue } from '../system/serial-queue.js';
import { commit } from './store.js';

type ProfileKeys =
  | 'refreshProfiles'
  | 'switchProfile'
  | 'applyRecommendation'
  | 'createProfile'
  | 'updateProfile'
  | 'deleteProfile'
  | 'duplicateProfile'
  | 'importProfiles'
  | 'exportProfile'
  | 'subscribeProfiles'
  | 'unsubscribeProfiles'
  | 'refreshSubscriptions';

const SECONDS_PER_HOUR = 3600;

/** A stored subscription as the state shows it: a URL's password never leaves the store. Pure. */
export function toSubscriptionView(sub: Subscription): SubscriptionView {
  return {
    source: redactCredentials(sub.source),
    intervalHours: sub.intervalSeconds / SECONDS_PER_HOUR,
    lastAttempt: sub.lastAttempt,
    lastSuccess: sub.lastSuccess,
    lastError: sub.lastError === null ? null : redactCredentials(sub.lastError),
    lastErrorMessage: sub.lastErrorMessage ? redactMessage(sub.lastErrorMessage) : null,
    profileIds: [...sub.profileIds],
  };
}

/**
 * The stored source a request names: the UI only ever saw the redacted form, so that matches
 * too; anything else goes to the store as typed (it normalizes paths and says what is wrong).
 */
export function storedSource(subs: Subscription[], requested: string): string {
  return subs.find((s) => s.source === requested || redactCredentials(s.source) === requested)?.source ?? requested;
}

export interface ProfileHandlerHooks {
  /** After a switch: the configuration, the apply history... changed on disk. */
  afterApply(): Promise<void>;
}

/** A message with every text value redacted (a subscription URL may carry a password). */
export function redactMessage(message: Message): Message {
  if (message.params === undefined) return message;
  const params = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, typeof v === 'string' ? redactCredentials(v) : typeof v === 'number' ? v : redactMessage(v)]));
  return { id: message.id, params };
}

/** Engine errors the user caused (unknown id, read-only profile, invalid document) are bad requests. */
function asContractError(err: unknown): ContractError {
  if (err instanceof ContractError) return err;
  const message = redactCredentials((err as Error)?.message ?? String(err));
  // The user's own mistakes come with the message the dashboard words in its language.
  if (err instanceof ProfileError || err instanceof UseInputError) return new ContractError('bad-request', message, redactMessage(err.detail));
  return new ContractError('failed', message);
}

export function createProfileHandlers(ctx: ServiceContext, hooks: ProfileHandlerHooks): Pick<CommandHandlers<CommandContext>, ProfileKeys> {
  const { store } = ctx;
  const profiles = () => new ProfileStore({ env: ctx.env, dirs: ctx.dirs, cwd: ctx.cwd });

  async function reload(): Promise<ProfileView[]> {
    try {
      const profileStore = profiles();
      const [listed, subs] = await Promise.all([profileStore.list(), profileStore.subscriptions()]);
      const list = listed.map(toProfileView).map((v) => (v.subscription === null ? v : { ...v, subscription: redactCredentials(v.subscription) }));
      const subscriptions = subs.map(toSubscriptionView);
      commit(store, { profiles: { list, active: list.find((p) => p.active)?.profile.id ?? null, loaded: true, error: null, subscriptions } });
      return list;
    } catch (err) {
      const e = asContractError(err);
      commit(store, { profiles: { ...store.getState().profiles, error: e.message } });
      throw e;
    }
  }

  async function viewOf(id: string): Promise<ProfileView> {
    const view = (await reload()).find((p) => p.profile.id === id);
    if (!view) throw new ContractError('failed', `the profile "${id}" was stored but is not listed`);
    return view;
  }

  async function guarded<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (err) {
      throw asContractError(err);
    }
  }

  // One switch at a time: two applies racing would interleave their backups.
  const switching = new SerialQueue();

  function switchTo(id: string): Promise<SwitchView> {
    return switching.run(async (): Promise<SwitchView> => {
      commit(store, { switching: { ...store.getState().switching, running: id, error: null, errorMessage: null } });
      try {
        const plan = await planUse({ profileId: id, env: ctx.env, cwd: ctx.cwd, helperArgv: ctx.helperArgv });
        const result = await commitUse(plan);
        const view: SwitchView = {
          profileId: plan.profile.id,
          applyId: result.record?.id ?? null,
          files: (result.record?.files ?? []).map((f) => f.path),
          verified: result.verification.ok,
          mismatches: result.verification.mismatches.map((m) => redactCredentials(render('en', m.message))),
          mismatchDetails: result.verification.mismatches.map((m) => ({
            context: m.context,
            variable: m.variable,
            expected: m.expected === null ? null : redactCredentials(m.expected),
            actual: redactCredentials(m.actual),
            source: m.source,
            path: m.path,
            line: m.line,
          })),
          mismatchMessages: result.verification.mismatches.map((m) => redactMessage(mismatchVerdict({ context: m.context, variable: m.variable, expected: m.expected, actual: m.actual, source: m.source, path: m.path, line: m.line }))),
          notes: plan.notes.map(redactMessage),
          finishedAt: ctx.now(),
        };
        commit(store, { switching: { running: null, last: view, error: null, errorMessage: null } });
        await Promise.all([reload(), hooks.afterApply()]);
        return view;
      } catch (err) {
        const e = asContractError(err);
        commit(store, { switching: { ...store.getState().switching, running: null, error: e.message, errorMessage: e.detail ?? null } });
        throw e;
      }
    });
  }

  return {
    refreshProfiles: () => reload(),
    switchProfile: (request) => switchTo(request.id),

    async applyRecommendation() {
      const report = store.getState().benchmark.last;
      if (!report || report.cancelled) throw ContractError.saying('bad-request', msg('bench.service.nothing-to-apply'));
      await guarded(() => saveRecommendation(profiles(), report.recommendation, RECOMMENDED_PROFILE_ID));
      return switchTo(RECOMMENDED_PROFILE_ID);
    },

    createProfile: (request) => guarded(async () => viewOf((await profiles().create(request.profile)).id)),
    updateProfile: (request) => guarded(async () => viewOf((await profiles().update(request.profile)).id)),
    deleteProfile: (request) =>
      guarded(async () => {
        await profiles().remove(request.id);
        await reload();
        return { id: request.id };
      }),
    duplicateProfile: (request) => guarded(async () => viewOf((await profiles().duplicate(request.id, request.newId, request.name ?? undefined)).id)),
    importProfiles: (request) =>
      guarded(async () => {
        const imported = await profiles().importDocument(request.text, 'the dashboard', { replace: request.replace });
        const ids = new Set(imported.map((p) => p.id));
        return (await reload()).filter((p) => ids.has(p.profile.id));
      }),
    exportProfile: (request) => guarded(async () => ({ id: request.id, text: await profiles().exportProfile(request.id) })),

    subscribeProfiles: (request) =>
      guarded(async () => {
        const result = await profiles().subscribe(request.source, Math.round(request.intervalHours * SECONDS_PER_HOUR), new Date(ctx.now()));
        await reload();
        const view = store.getState().profiles.subscriptions.find((s) => s.source === redactCredentials(result.source));
        if (!view) throw new ContractError('failed', `the subscription to ${redactCredentials(result.source)} was stored but is not listed`);
        return view;
      }),
    unsubscribeProfiles: (request) =>
      guarded(async () => {
        const profileStore = profiles();
        const source = storedSource(await profileStore.subscriptions(), request.source);
        await profileStore.unsubscribe(source);
        await reload();
        return { source: redactCredentials(source) };
      }),
    refreshSubscriptions: () =>
      guarded(async () => {
        // Failures are not errors of the command: each one is kept with its subscription.
        await profiles().refresh({ now: new Date(ctx.now()) });
        await reload();
        return store.getState().profiles.subscriptions;
      }),
  };
}
