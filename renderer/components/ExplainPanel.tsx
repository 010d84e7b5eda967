// The explain box: what go would do for one module, step by step, and the fix.
import { useState, type FormEvent } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import { parseModuleQuery } from '../../shared/contract/module-query.js';
import type { AppState, ExplainView } from '../../shared/contract/state.js';
import type { Translate } from '../i18n/messages.js';

export function ExplainPanel({ explain, api, t }: { explain: AppState['explain']; api: Api; t: Translate }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = parseModuleQuery(text);
    if (!q.ok) {
      setProblem(q.problem === 'empty' ? t('explain.empty') : q.problem === 'bad-path' ? t('explain.badPath', { detail: q.detail }) : t('explain.badVersion', { detail: q.detail }));
      return;
    }
    setProblem(null);
    // The outcome arrives through the state stream; a failure is also recorded there.
    void api.explain({ module: q.module, version: q.version }).catch(() => {});
  };

  return (
    <section className="panel" aria-labelledby="explain-heading">
      <h2 id="explain-heading">{t('explain.heading')}</h2>
      <form onSubmit={submit} className="explain-form">
        <input data-testid="explain-input" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('explain.placeholder')} spellCheck={false} aria-label={t('explain.heading')} />
        <button type="submit" data-testid="explain-submit">
          {t('explain.submit')}
        </button>
      </form>
      {problem !== null && <p className="error">{problem}</p>}
      {explain.running !== null && <p data-testid="explain-running">{t('explain.running', { module: explain.running.module })}</p>}
      {explain.error !== null && <p className="error">{t('explain.error', { error: explain.error })}</p>}
      {explain.last !== null && <ExplainResult view={explain.last} t={t} />}
    </section>
  );
}

function ExplainResult({ view, t }: { view: ExplainView; t: Translate }) {
  const version = view.version ?? view.requestedVersion ?? 'latest';
  return (
    <div data-testid="explain-result">
      <p className={view.servedBy ? 'ok' : 'error'} data-testid="explain-verdict">
        {view.servedBy ? t('explain.served', { module: view.module, version, entry: view.servedBy }) : t('explain.failed', { module: view.module, error: view.error ?? '' })}
      </p>
      {view.fix !== null && <p data-testid="explain-fix">{t('explain.fix', { fix: view.fix })}</p>}
      <table className="steps">
        <thead>
          <tr>
            <th>{t('explain.step')}</th>
            <th>{t('explain.file')}</th>
            <th>{t('explain.entry')}</th>
            <th>{t('explain.outcome')}</th>
            <th>{t('explain.why')}</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{s.request}</td>
              <td className="mono">{s.entry}</td>
              <td>{s.status !== null ? `${s.outcome} (${s.status})` : s.outcome}</td>
              <td>{s.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
