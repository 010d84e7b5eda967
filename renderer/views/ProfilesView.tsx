// The Profiles view: every profile (built-in, yours, subscribed) with switch, edit, duplicate,
// delete and export; a new profile; import; team subscriptions (add, refresh, unsubscribe);
// credentials per private proxy.
import { useEffect, useState, type ReactNode } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, ProfileView, SubscriptionView } from '../../shared/contract/state.js';
import type { Profile } from '../../shared/profile/types.js';
import { builtinProfileWords } from '../../shared/ui/profile-text.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import { render } from '../../shared/i18n/catalog.js';
import { ContractError } from '../../shared/contract/envelope.js';
import { joinedProblems, validateProfile } from '../../shared/profile/validate.js';
import { formatDateTime } from '../../shared/ui/format.js';
import { blankProfile, credentialOrigins, freeProfileId, newProfileId } from '../../shared/ui/profile-edit.js';
import { useCommand } from '../components/useCommand.js';
import { CredentialsPanel } from './CredentialsPanel.js';
import { ProfileEditor } from './ProfileEditor.js';
import './dashboard.css';
import { useRenderMessage, useTranslate, type Locale, type Translate } from '../i18n/i18n.js';
import { withCode } from '../i18n/rich.js';

type Editing = { profile: Profile; isNew: boolean } | null;

export function ProfilesView({ app, api, locale }: { app: AppState; api: Api; locale: Locale }) {
  const d = useTranslate();
  const failed = useFailureText();
  const profiles = app.profiles;
  const [editing, setEditing] = useState<Editing>(null);
  const [exported, setExported] = useState<{ id: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    void api.refreshProfiles({}).catch(() => {});
  }, [api]);
  const save = useCommand(async (p: Profile, isNew: boolean) => {
    // Checked here first, with the engine's own validator: its messages are worded in the language
    // in effect (the service checks again and refuses what slips through).
    const checked = validateProfile(p);
    if (!checked.ok) {
      const detail = joinedProblems(checked.errors);
      throw new ContractError('bad-request', render('en', detail), detail);
    }
    return isNew ? api.createProfile({ profile: p }) : api.updateProfile({ profile: p });
  });
  const action = useCommand(async (run: () => Promise<unknown>) => run());
  const ids = profiles.list.map((p) => p.profile.id);
  // A copy is named in the language in effect, after the name the list shows.
  const copyName = (p: ProfileView): string =>
    render(locale, msg('apply.profile.copy-name', { name: builtinProfileWords(p.profile.id, p.origin, locale, p.profile.name)?.name ?? p.profile.name }));
  const referenced = [...new Set(profiles.list.flatMap((p) => credentialOrigins(p.profile)))];
  return (
    <section className="view dashboard-view" aria-labelledby="profiles-heading" data-testid="profiles-view">
      <div className="panel-header">
        <h2 id="profiles-heading">{d('profiles.heading')}</h2>
        <button type="button" onClick={() => setEditing({ profile: blankProfile(newProfileId(ids), ''), isNew: true })} data-testid="profile-new">
          {d('profiles.new')}
        </button>
      </div>
      {profiles.error !== null && <p className="view-state error" role="alert">{d('common.failed', { error: profiles.error })}</p>}
      {action.error !== null && <p className="error" role="alert">{failed(action.error, action.errorDetail)}</p>}
      {app.switching.error !== null && <p className="error" role="alert">{failed(app.switching.error, app.switching.errorMessage ?? null)}</p>}
      {editing !== null && (
        <ProfileEditor
          key={editing.profile.id + String(editing.isNew)}
          initial={editing.profile}
          isNew={editing.isNew}
          busy={save.busy}
          error={save.error === null ? null : failed(save.error, save.errorDetail)}
          d={d}
          onCancel={() => {
            setEditing(null);
            save.reset();
          }}
          onSave={(p) =>
            void save.run(p, editing.isNew).then((r) => {
              if (r !== undefined) setEditing(null);
            })
          }
        />
      )}
      {!profiles.loaded ? (
        <p className="view-state loading" role="status">{d('profiles.loading')}</p>
      ) : profiles.list.length === 0 ? (
        <p className="view-state empty">{d('profiles.empty')}</p>
      ) : (
        <ul className="profile-list" data-testid="profile-list">
          {profiles.list.map((p) => (
            <ProfileItem
              key={p.profile.id}
              view={p}
              d={d}
              locale={locale}
              busy={action.busy || app.switching.running !== null}
              switching={app.switching.running === p.profile.id}
              confirming={confirming === p.profile.id}
              onSwitch={() => void action.run(() => api.switchProfile({ id: p.profile.id }))}
              onEdit={() => setEditing({ profile: p.profile, isNew: false })}
              onDuplicate={() => void action.run(() => api.duplicateProfile({ id: p.profile.id, newId: freeProfileId(p.profile.id, ids), name: copyName(p) }))}
              onExport={() => void action.run(async () => setExported(await api.exportProfile({ id: p.profile.id })))}
              onDelete={() => setConfirming(p.profile.id)}
              onConfirmDelete={(yes) => {
                setConfirming(null);
                if (yes) void action.run(() => api.deleteProfile({ id: p.profile.id }));
              }}
            />
          ))}
        </ul>
      )}
      {exported !== null && <Exported exported={exported} d={d} onClose={() => setExported(null)} />}
      <Import api={api} d={d} />
      <Subscriptions profiles={profiles} api={api} d={d} locale={locale} />
      <CredentialsPanel credentials={app.credentials} referenced={referenced} api={api} d={d} />
    </section>
  );
}

interface ItemProps {
  view: ProfileView;
  d: Translate;
  locale: Locale;
  busy: boolean;
  switching: boolean;
  confirming: boolean;
  onSwitch: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onExport: () => void;
  onDelete: () => void;
  onConfirmDelete: (yes: boolean) => void;
}

/**
 * A command's failure in the language in effect: the engine's message when it sent one (a profile
 * validation or subscription error), else its sentence as written; `code` parts show as code.
 */
function useFailureText(): (error: string, detail: Message | null) => ReactNode {
  const d = useTranslate();
  const renderMessage = useRenderMessage();
  return (error, detail) => withCode(d('common.failed', { error: detail === null ? error : renderMessage(detail) }));
}

function ProfileItem({ view, d, locale, busy, switching, confirming, onSwitch, onEdit, onDuplicate, onExport, onDelete, onConfirmDelete }: ItemProps) {
  const p = view.profile;
  const words = builtinProfileWords(p.id, view.origin, locale, p.name);
  const renderMessage = useRenderMessage();
  const mine = view.origin === 'user';
  const chain = p.goproxy.map((e, i) => (i < p.goproxy.length - 1 ? e.url + (e.separator ?? ',') : e.url)).join('');
  return (
    <li className={`profile${view.active ? ' active' : ''}`} data-testid={`profile-${p.id}`} data-active={view.active}>
      <div className="profile-head">
        <strong data-verbatim={words === null ? true : undefined}>{words?.name ?? p.name}</strong> <span className="mono muted">{p.id}</span>{' '}
        <span className="badge">{view.origin === 'subscription' ? d('profiles.origin.subscription', { source: view.subscription ?? '' }) : d(`profiles.origin.${view.origin}`)}</span>
        {view.active && <span className="badge ok">{d('profiles.active')}</span>}
      </div>
      {p.description !== undefined && (
        <p className="muted" data-verbatim={words === null ? true : undefined}>
          {words?.description ?? p.description}
        </p>
      )}
      <p className="mono">GOPROXY={chain}</p>
      {view.blockers.length > 0 && <p className="warning">{withCode(d('profiles.blocked', { why: view.blockers.map(renderMessage).join(d('profiles.blockerSep')) }))}</p>}
      <div className="actions">
        <button type="button" onClick={onSwitch} disabled={busy || view.active || view.blockers.length > 0} data-testid={`switch-${p.id}`}>
          {switching ? d('common.working') : d('profiles.switch')}
        </button>
        {mine && (
          <button type="button" onClick={onEdit} disabled={busy} data-testid={`edit-${p.id}`}>
            {d('profiles.edit')}
          </button>
        )}
        <button type="button" onClick={onDuplicate} disabled={busy} data-testid={`duplicate-${p.id}`}>
          {d('profiles.duplicate')}
        </button>
        <button type="button" onClick={onExport} disabled={busy} data-testid={`export-${p.id}`}>
          {d('profiles.export')}
        </button>
        {mine && !confirming && (
          <button type="button" onClick={onDelete} disabled={busy || view.active} data-testid={`delete-${p.id}`}>
            {d('common.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={d('profiles.confirmDelete', { id: p.id })}>
          <span>{d('profiles.confirmDelete', { id: p.id })}</span>
          <button type="button" onClick={() => onConfirmDelete(true)} data-testid={`confirm-delete-${p.id}`}>
            {d('common.delete')}
          </button>
          <button type="button" onClick={() => onConfirmDelete(false)} autoFocus>
            {d('common.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

function Exported({ exported, d, onClose }: { exported: { id: string; text: string }; d: Translate; onClose: () => void }) {
  const file = `${exported.id}.json`;
  return (
    <div className="panel" data-testid="profile-exported">
      <h3>{d('profiles.exported', { id: exported.id })}</h3>
      <textarea readOnly rows={8} value={exported.text} className="mono wide" aria-label={d('profiles.exported', { id: exported.id })} data-testid="profile-export-text" />
      <div className="actions">
        <a href={`data:application/json;charset=utf-8,${encodeURIComponent(exported.text)}`} download={file}>
          {d('profiles.download', { file })}
        </a>
        <button type="button" onClick={onClose}>
          {d('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function Import({ api, d }: { api: Api; d: Translate }) {
  const failed = useFailureText();
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const run = useCommand((t: string, r: boolean) => api.importProfiles({ text: t, replace: r }));
  return (
    <details className="panel">
      <summary>{d('profiles.import')}</summary>
      <label className="field">
        <span>{d('profiles.importText')}</span>
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} className="mono wide" spellCheck={false} data-testid="import-text" />
      </label>
      <label className="check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {d('profiles.importReplace')}
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={text.trim() === '' || run.busy}
          onClick={() =>
            void run.run(text, replace).then((r) => {
              if (r !== undefined) setText('');
            })
          }
          data-testid="import-submit"
        >
          {d('profiles.import')}
        </button>
      </div>
      {run.error !== null && <p className="error" role="alert">{failed(run.error, run.errorDetail)}</p>}
      {run.result !== null && <p className="ok">{d('profiles.importDone', { count: run.result.length })}</p>}
    </details>
  );
}

const DEFAULT_INTERVAL_HOURS = 24;

function Subscriptions({ profiles, api, d, locale }: { profiles: AppState['profiles']; api: Api; d: Translate; locale: Locale }) {
  const failed = useFailureText();
  const [source, setSource] = useState('');
  const [hours, setHours] = useState(String(DEFAULT_INTERVAL_HOURS));
  const [confirming, setConfirming] = useState<string | null>(null);
  const add = useCommand((src: string, h: number) => api.subscribeProfiles({ source: src, intervalHours: h }));
  const refresh = useCommand(() => api.refreshSubscriptions({}));
  const remove = useCommand((src: string) => api.unsubscribeProfiles({ source: src }));
  const interval = Number(hours);
  const intervalOk = Number.isFinite(interval) && interval >= 1 && interval <= 720;
  const busy = add.busy || refresh.busy || remove.busy;
  const subs = profiles.subscriptions;
  return (
    <section className="panel" aria-labelledby="subs-heading" data-testid="subscriptions">
      <div className="panel-header">
        <h3 id="subs-heading">{d('subs.heading')}</h3>
        {subs.length > 0 && (
          <button type="button" disabled={busy} onClick={() => void refresh.run()} data-testid="subs-refresh">
            {refresh.busy ? d('subs.refreshing') : d('subs.refresh')}
          </button>
        )}
      </div>
      <p className="muted">{d('subs.intro')}</p>
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run(source.trim(), interval).then((r) => {
            if (r !== undefined) setSource('');
          });
        }}
      >
        <label className="field">
          <span>{d('subs.source')}</span>
          <input type="text" value={source} onChange={(e) => setSource(e.target.value)} className="mono" spellCheck={false} data-testid="subs-source" />
        </label>
        <label className="field">
          <span>{d('subs.interval')}</span>
          <input type="number" min={1} max={720} value={hours} onChange={(e) => setHours(e.target.value)} aria-invalid={!intervalOk} data-testid="subs-interval" />
        </label>
        <button type="submit" disabled={busy || source.trim() === '' || !intervalOk} data-testid="subs-add">
          {add.busy ? d('subs.adding') : d('subs.add')}
        </button>
      </form>
      {add.error !== null && <p className="error" role="alert">{failed(add.error, add.errorDetail)}</p>}
      {add.result !== null && add.error === null && <p className="ok" role="status">{d('subs.added', { count: add.result.profileIds.length })}</p>}
      {refresh.error !== null && <p className="error" role="alert">{failed(refresh.error, refresh.errorDetail)}</p>}
      {refresh.result !== null && refresh.error === null && (
        <p className="ok" role="status">{d('subs.refreshed', { ok: refresh.result.filter((r) => r.lastError === null).length, total: refresh.result.length })}</p>
      )}
      {remove.error !== null && <p className="error" role="alert">{failed(remove.error, remove.errorDetail)}</p>}
      {!profiles.loaded ? (
        <p className="view-state loading" role="status">{d('subs.loading')}</p>
      ) : subs.length === 0 ? (
        <p className="view-state empty">{d('subs.empty')}</p>
      ) : (
        <ul className="profile-list" data-testid="subs-list">
          {subs.map((sub) => (
            <SubscriptionItem
              key={sub.source}
              sub={sub}
              d={d}
              locale={locale}
              busy={busy}
              confirming={confirming === sub.source}
              onUnsubscribe={() => setConfirming(sub.source)}
              onConfirm={(yes) => {
                setConfirming(null);
                if (yes) void remove.run(sub.source);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface SubscriptionItemProps {
  sub: SubscriptionView;
  d: Translate;
  locale: Locale;
  busy: boolean;
  confirming: boolean;
  onUnsubscribe: () => void;
  onConfirm: (yes: boolean) => void;
}

function SubscriptionItem({ sub, d, locale, busy, confirming, onUnsubscribe, onConfirm }: SubscriptionItemProps) {
  const renderMessage = useRenderMessage();
  return (
    <li className="profile" data-testid="subscription">
      <div className="profile-head">
        <strong className="mono">{sub.source}</strong> <span className="badge">{d('subs.every', { hours: sub.intervalHours })}</span>
      </div>
      <p className="muted">{sub.lastSuccess !== null ? d('subs.lastSuccess', { time: formatDateTime(locale, sub.lastSuccess) }) : d('subs.never')}</p>
      {sub.lastError !== null && (
        <p className="warning" role="alert" data-testid="subscription-error">
          {withCode(d('subs.lastError', { time: sub.lastAttempt !== null ? formatDateTime(locale, sub.lastAttempt) : '', error: sub.lastErrorMessage ? renderMessage(sub.lastErrorMessage) : sub.lastError }))}
        </p>
      )}
      <p className="mono" data-testid="subscription-profiles">
        {sub.profileIds.length > 0 ? d('subs.profiles', { ids: sub.profileIds.join(', ') }) : d('subs.noProfiles')}
      </p>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={d('subs.confirmUnsubscribe', { source: sub.source })}>
          <span>{d('subs.confirmUnsubscribe', { source: sub.source })}</span>
          <button type="button" onClick={() => onConfirm(true)} data-testid="subs-confirm-unsubscribe">
            {d('subs.unsubscribe')}
          </button>
          <button type="button" onClick={() => onConfirm(false)} autoFocus>
            {d('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={onUnsubscribe} disabled={busy} data-testid="subs-unsubscribe">
            {d('subs.unsubscribe')}
          </button>
        </div>
      )}
    </li>
  );
}
