// The Settings view: auto-repair on/off with its tolerances and dwell time, network rules (each
// checked by the engine before it is added), launch at login, language and theme. One Save
// sends the whole settings object (updateSettings replaces it).
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import { LANGUAGES, THEMES, type AppSettings, type AppState } from '../../shared/contract/state.js';
import type { NetworkRule } from '../../shared/repair/network-rules.js';
import { parseRepairFields, rebaseDraft, repairFields, RULE_CONDITIONS, ruleFromFields, ruleProblem, type RepairField, type RepairFields, type RuleFields } from '../../shared/ui/settings-form.js';
import { useCommand } from '../components/useCommand.js';
import { rich } from '../i18n/rich.js';
import { CliToolPanel } from './CliToolPanel.js';
import './dashboard.css';
import { useTranslate, type Locale, type MessageKey, type Translate } from '../i18n/i18n.js';

const REPAIR_LABELS: Record<RepairField, MessageKey> = {
  failureThreshold: 'settings.failureThreshold',
  absoluteTolerance: 'settings.absoluteTolerance',
  relativeTolerancePercent: 'settings.relativeTolerance',
  dwellMinutes: 'settings.dwell',
  manualGraceMinutes: 'settings.grace',
};

export function SettingsView({ app, api, locale }: { app: AppState; api: Api; locale: Locale }) {
  const d = useTranslate();
  const saved = app.settings;
  const [draft, setDraft] = useState<AppSettings>(saved);
  const [fields, setFields] = useState<RepairFields>(() => repairFields(saved.autoRepair));
  // A change saved elsewhere (the header, the tray, another window, the file) replaces what it
  // changed in the form, and only that: unsaved edits of other settings stay.
  const previous = useRef(saved);
  useEffect(() => {
    const before = previous.current;
    previous.current = saved;
    if (before === saved) return;
    setDraft((draft) => rebaseDraft(draft, before, saved));
    if (JSON.stringify(repairFields(before.autoRepair)) !== JSON.stringify(repairFields(saved.autoRepair))) setFields(repairFields(saved.autoRepair));
  }, [saved]);
  useEffect(() => {
    if (!app.profiles.loaded) void api.refreshProfiles({}).catch(() => {});
  }, [api, app.profiles.loaded]);
  const parsed = parseRepairFields(fields);
  const save = useCommand((s: AppSettings) => api.updateSettings({ settings: s }));
  const submit = () => {
    if (!parsed.ok) return;
    void save.run({ ...draft, language: saved.language, autoRepair: { ...draft.autoRepair, ...parsed.value, rules: saved.autoRepair.rules } });
  };
  // Rules and the language take effect (and are saved) at once: a rule that was checked and
  // added must not wait for a second button, nor be lost on a tab switch.
  const saveNow = useCommand((s: AppSettings) => api.updateSettings({ settings: s }));
  const setRules = async (rules: NetworkRule[]): Promise<boolean> => (await saveNow.run({ ...saved, autoRepair: { ...saved.autoRepair, rules } })) !== undefined;
  return (
    <section className="view dashboard-view" aria-labelledby="settings-heading" data-testid="settings-view">
      <h2 id="settings-heading">{d('settings.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="panel">
          <legend>{d('settings.autoRepairHeading')}</legend>
          <label className="check">
            <input type="checkbox" checked={draft.autoRepair.enabled} onChange={(e) => setDraft((s) => ({ ...s, autoRepair: { ...s.autoRepair, enabled: e.target.checked } }))} data-testid="settings-auto-repair" /> {d('settings.autoRepair')}
          </label>
          <div className="grid3">
            {(Object.keys(REPAIR_LABELS) as RepairField[]).map((k) => {
              const problem = parsed.ok ? undefined : parsed.problems[k];
              return (
                <label key={k} className="field">
                  <span>{d(REPAIR_LABELS[k])}</span>
                  <input inputMode="decimal" value={fields[k]} onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))} aria-invalid={problem !== undefined} aria-describedby={problem ? `problem-${k}` : undefined} data-testid={`settings-${k}`} />
                  {problem !== undefined && (
                    <span id={`problem-${k}`} className="error">
                      {d(`settings.problem.${problem}`)}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
        <Rules rules={saved.autoRepair.rules} profiles={app.profiles.list.map((p) => p.profile.id)} setRules={setRules} api={api} d={d} />
        <fieldset className="panel">
          <legend>{d('settings.general')}</legend>
          <label className="check">
            <input type="checkbox" checked={draft.launchAtLogin} onChange={(e) => setDraft((s) => ({ ...s, launchAtLogin: e.target.checked }))} data-testid="settings-launch" /> {d('settings.launchAtLogin')}
          </label>
          <label className="field inline">
            <span>{d('settings.language')}</span>
            <select value={saved.language} onChange={(e) => void saveNow.run({ ...saved, language: e.target.value as AppSettings['language'] })} data-testid="settings-language">
              <LanguageOptions d={d} locale={locale} />
            </select>
          </label>
          <label className="field inline">
            <span>{d('settings.theme')}</span>
            <select value={draft.theme} onChange={(e) => setDraft((s) => ({ ...s, theme: e.target.value as AppSettings['theme'] }))} data-testid="settings-theme">
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {d(`settings.theme.${th}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={!parsed.ok || save.busy} data-testid="settings-save">
            {d('common.save')}
          </button>
        </div>
        {save.error !== null && <p className="error" role="alert">{d('common.failed', { error: save.error })}</p>}
        {saveNow.error !== null && <p className="error" role="alert">{d('common.failed', { error: saveNow.error })}</p>}
        {save.result !== null && !save.busy && <p className="ok" role="status" data-testid="settings-saved">{d('settings.saved')}</p>}
      </form>
      <CliToolPanel api={api} locale={locale} />
    </section>
  );
}

const EMPTY_RULE: RuleFields = { profile: '', ssid: '', gatewaySubnet: '', dnsSearchDomain: '' };

const CONDITION_LABELS: Record<(typeof RULE_CONDITIONS)[number], MessageKey> = {
  ssid: 'settings.ruleSsid',
  gatewaySubnet: 'settings.ruleSubnetName',
  dnsSearchDomain: 'settings.ruleDomain',
};

/** "Follow the system (English)": the setting, and what it resolves to right now. */
/** The one language setting's choices, as the header and Settings both offer them. */
export function LanguageOptions({ d, locale }: { d: Translate; locale: string }) {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {languageName(l, d, l === 'system' ? locale : undefined)}
        </option>
      ))}
    </>
  );
}

export function languageName(l: AppSettings['language'], d: Translate, resolved?: string): string {
  if (l === 'system') return resolved === undefined ? d('settings.lang.system') : d('settings.lang.systemIs', { language: languageName(resolved as AppSettings['language'], d) });
  return l === 'en' ? 'English' : '简体中文';
}

function Rules({ rules, profiles, setRules, api, d }: { rules: NetworkRule[]; profiles: string[]; setRules: (r: NetworkRule[]) => Promise<boolean>; api: Api; d: Translate }) {
  const [form, setForm] = useState<RuleFields>({ ...EMPTY_RULE, profile: profiles[0] ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  const check = useCommand((rule: NetworkRule) => api.checkNetworkRule({ rule }));
  const add = async () => {
    const rule = ruleFromFields(form);
    const local = ruleProblem(rule);
    if (local !== null) return setProblem(d(`settings.ruleProblem.${local}`, { profile: rule.profile, subnet: rule.when.gatewaySubnet ?? '' }));
    setProblem(null);
    if ((await check.run(rule)) === undefined) return setProblem(d('settings.ruleRefused'));
    if (await setRules([...rules, rule])) setForm({ ...EMPTY_RULE, profile: form.profile });
  };
  // The conditions as the user typed them (values are data, in code style), in their words.
  const when = (r: NetworkRule) =>
    RULE_CONDITIONS.filter((k) => r.when[k] !== undefined).map((k, i) => (
      <span key={k}>
        {i > 0 && d('settings.ruleAnd')}
        {rich(d('settings.ruleCondition', { name: d(CONDITION_LABELS[k]) }), { value: <span className="mono">{r.when[k]}</span> })}
      </span>
    ));
  return (
    <fieldset className="panel" data-testid="settings-rules">
      <legend>{d('settings.rules')}</legend>
      <p className="muted">{d('settings.rulesSaved')}</p>
      {rules.length === 0 ? (
        <p className="view-state empty">{d('settings.rulesNone')}</p>
      ) : (
        <ul className="plain">
          {rules.map((r, i) => (
            <li key={`${i}:${r.profile}:${JSON.stringify(r.when)}`} data-testid="settings-rule">
              {rich(d('settings.rule'), { when: when(r), profile: <span className="mono">{r.profile}</span> })}{' '}
              <button type="button" onClick={() => void setRules(rules.filter((_, j) => j !== i))}>
                {d('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="grid3">
        <label className="field">
          <span>{d('settings.ruleProfile')}</span>
          <select value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value })} className="mono" data-testid="rule-profile">
            {profiles.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{d('settings.ruleSsid')}</span>
          <input value={form.ssid} onChange={(e) => setForm({ ...form, ssid: e.target.value })} data-testid="rule-ssid" />
        </label>
        <label className="field">
          <span>{d('settings.ruleSubnet')}</span>
          <input value={form.gatewaySubnet} onChange={(e) => setForm({ ...form, gatewaySubnet: e.target.value })} className="mono" data-testid="rule-subnet" />
        </label>
        <label className="field">
          <span>{d('settings.ruleDomain')}</span>
          <input value={form.dnsSearchDomain} onChange={(e) => setForm({ ...form, dnsSearchDomain: e.target.value })} className="mono" data-testid="rule-domain" />
        </label>
      </div>
      <button type="button" onClick={() => void add()} disabled={check.busy} data-testid="rule-add">
        {d('settings.ruleCheck')}
      </button>
      {problem !== null && (
        <p className="error" role="alert" data-testid="rule-problem">
          {d('settings.ruleProblem', { problem })}
        </p>
      )}
    </fieldset>
  );
}
