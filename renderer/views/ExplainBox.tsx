// "Explain a module": asks the engine (through the onExplain prop) what go would do, then
// walks the answer across the graph one step at a time, and states the verdict.
import { useEffect, useState, type FormEvent } from 'react';
import { parseModuleQuery } from '../../shared/contract/module-query.js';
import type { ExplainPath, ExplanationInput } from '../../shared/ui/explain-path.js';
import { useRenderMessage, type Translate } from '../i18n/i18n.js';
import { rich } from '../i18n/rich.js';

/** Long enough to follow the path with the eye, short enough for a five-step chain. */
const STEP_MS = 350;

export interface ExplainBoxProps {
  onExplain: (query: { module: string; version: string | null }) => Promise<ExplanationInput>;
  /** A new explanation to show (null while a new one is being asked for). */
  onExplanation: (explanation: ExplanationInput | null) => void;
  /** The shown explanation placed on the current graph. */
  path: ExplainPath | null;
  shown: number;
  setShown: (update: (shown: number) => number) => void;
  t: Translate;
}

type Request = { state: 'idle' } | { state: 'running'; module: string } | { state: 'failed'; message: string } | { state: 'done' };

export function ExplainBox({ onExplain, onExplanation, path, shown, setShown, t }: ExplainBoxProps) {
  const [text, setText] = useState('');
  const [request, setRequest] = useState<Request>({ state: 'idle' });
  // The engine's sentences (why, fix) are messages: rendered here, so a language switch needs no new request.
  const renderMessage = useRenderMessage();

  // The animation: one more step every STEP_MS; at once for users who asked for less motion.
  const total = path?.steps.length ?? 0;
  useEffect(() => {
    if (path === null || shown >= total) return;
    if (prefersReducedMotion()) {
      setShown(() => total);
      return;
    }
    const timer = setTimeout(() => setShown((n) => n + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [path, shown, total, setShown]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = parseModuleQuery(text);
    if (!q.ok) {
      const message = q.problem === 'empty' ? t('explainBox.empty') : q.problem === 'bad-path' ? t('explainBox.badPath', { detail: q.detail }) : t('explainBox.badVersion', { detail: q.detail });
      setRequest({ state: 'failed', message });
      return;
    }
    setRequest({ state: 'running', module: q.module });
    onExplanation(null);
    onExplain({ module: q.module, version: q.version }).then(
      (result) => {
        setRequest({ state: 'done' });
        onExplanation(result);
      },
      (err: unknown) => setRequest({ state: 'failed', message: t('explainBox.failedRequest', { error: err instanceof Error ? err.message : String(err) }) }),
    );
  };

  const done = path !== null && shown >= path.steps.length;
  return (
    <div className="explain-box" data-testid="explain-box">
      <h3 id="explain-box-heading">{t('explainBox.heading')}</h3>
      <form onSubmit={submit} className="explain-box-form" aria-labelledby="explain-box-heading">
        <label htmlFor="explain-box-input" className="visually-hidden">{t('explainBox.label')}</label>
        <input id="explain-box-input" data-testid="explain-box-input" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('explainBox.placeholder')} spellCheck={false} autoComplete="off" />
        <button type="submit" data-testid="explain-box-submit" disabled={request.state === 'running'}>{t('explainBox.submit')}</button>
      </form>
      <div aria-live="polite">
        {request.state === 'running' && <p className="view-state loading" data-testid="explain-box-running">{t('explainBox.running', { module: request.module })}</p>}
        {request.state === 'failed' && <p className="view-state error" data-testid="explain-box-error">{request.message}</p>}
        {path !== null && (
          <>
            <ol className="explain-steps" data-testid="explain-box-steps">
              {path.steps.slice(0, shown).map((s) => (
                <li key={s.index} className={`outcome-${s.outcome}`} data-testid="explain-box-step">
                  <span className="explain-step-file" data-verbatim>{s.request}</span> <span className="explain-step-entry" data-verbatim>{s.entry}</span> <span className="explain-step-outcome">{t(`outcome.${s.outcome}`)}{s.status !== null ? ` (${s.status})` : ''}</span>
                  <div className="explain-step-why" data-testid="explain-box-why">{renderMessage(s.why)}</div>
                </li>
              ))}
            </ol>
            {!done && (
              <button type="button" className="link-button" onClick={() => setShown(() => path.steps.length)}>{t('explainBox.skip')}</button>
            )}
            {done && <Verdict path={path} t={t} />}
          </>
        )}
      </div>
    </div>
  );
}

function Verdict({ path, t }: { path: ExplainPath; t: Translate }) {
  const v = path.verdict;
  const renderMessage = useRenderMessage();
  // go's error is quoted as go prints it (code style, not translated); without one, the engine's sentence.
  const goError = v.kind === 'served' ? null : v.error !== null ? <code className="explain-go-error" data-testid="explain-box-go-error">{v.error}</code> : t('explain.no-entry-served');
  return (
    <div data-testid="explain-box-verdict" className={v.kind === 'served' ? 'verdict ok' : 'verdict error'}>
      <p>
        {v.kind === 'served'
          ? v.version !== null
            ? t('explainBox.served', { module: v.module, version: v.version, entry: v.entry })
            : t('explainBox.servedLatest', { module: v.module, entry: v.entry })
          : rich(t(v.kind === 'hang' ? 'explainBox.hang' : 'explainBox.failed', { module: v.module }), { error: goError })}
      </p>
      {v.kind !== 'served' && v.fix !== null && <p data-testid="explain-box-fix">{t('explainBox.fix', { fix: renderMessage(v.fix) })}</p>}
      {path.stale && <p className="view-state warning">{t('explainBox.stale')}</p>}
    </div>
  );
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
