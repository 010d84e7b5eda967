// Creating or editing a profile: entries reorder by drag and by keyboard (Alt+↑/↓ on the handle,
// or the buttons), each separator shown with what go does after it, the private patterns with a
// live "does this module path match?" tester (go's matcher, shared/go/match.ts).
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Profile, Separator } from '../../shared/profile/types.js';
import { addEntry, moveEntry, removeEntry, replaceEntryUrl, separatorMeaning, setSeparator, testPrivatePatterns } from '../../shared/ui/profile-edit.js';
import { type Translate } from '../i18n/i18n.js';
import { RelayOptionField } from './RelayOptionField.js';

const SEPARATORS: readonly Separator[] = [',', '|'];

export function ProfileEditor({ initial, isNew, busy, error, onSave, onCancel, d }: { initial: Profile; isNew: boolean; busy: boolean; error: ReactNode | null; onSave: (p: Profile) => void; onCancel: () => void; d: Translate }) {
  const [p, setP] = useState<Profile>(initial);
  const [newEntry, setNewEntry] = useState('');
  const [probe, setProbe] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const set = (patch: Partial<Profile>) => setP((old) => ({ ...old, ...patch }));
  const move = (from: number, to: number) => {
    set({ goproxy: moveEntry(p.goproxy, from, to) });
    // Keep the keyboard on the entry that moved.
    requestAnimationFrame(() => document.getElementById(`entry-handle-${Math.max(0, Math.min(p.goproxy.length - 1, to))}`)?.focus());
  };
  const onHandleKey = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };
  const onDrop = (i: number) => (e: DragEvent) => {
    e.preventDefault();
    if (dragged !== null && dragged !== i) move(dragged, i);
    setDragged(null);
  };
  const verdict = testPrivatePatterns(p.goprivate, probe);
  const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
  return (
    <form
      className="panel editor"
      data-testid="profile-editor"
      aria-labelledby="editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(p);
      }}
    >
      <h3 id="editor-heading">{isNew ? d('editor.heading.new') : d('editor.heading.edit', { id: p.id })}</h3>
      <div className="grid2">
        <label className="field">
          <span>{d('editor.id')}</span>
          <input value={p.id} onChange={(e) => set({ id: e.target.value })} readOnly={!isNew} required data-testid="editor-id" className="mono" />
        </label>
        <label className="field">
          <span>{d('editor.name')}</span>
          <input value={p.name} onChange={(e) => set({ name: e.target.value })} required data-testid="editor-name" />
        </label>
      </div>
      <h4>{d('editor.entries')}</h4>
      <p className="muted">{d('editor.dragHint')}</p>
      <ol className="entries" data-testid="editor-entries">
        {p.goproxy.map((entry, i) => {
          const last = i === p.goproxy.length - 1;
          return (
            <li
              key={`${i}:${entry.url}`}
              className={`entry${dragged === i ? ' dragging' : ''}`}
              draggable
              onDragStart={(e) => {
                setDragged(i);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(i)}
              onDragEnd={() => setDragged(null)}
              data-testid="editor-entry"
            >
              <button type="button" id={`entry-handle-${i}`} className="handle" aria-label={d('editor.handle', { n: i + 1 })} onKeyDown={onHandleKey(i)}>
                ⠿
              </button>
              <input aria-label={d('editor.entryUrl', { n: i + 1 })} value={entry.url} onChange={(e) => set({ goproxy: replaceEntryUrl(p.goproxy, i, e.target.value) })} className="mono" data-testid="editor-entry-url" />
              <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`${d('editor.up')} (${i + 1})`}>
                ↑
              </button>
              <button type="button" onClick={() => move(i, i + 1)} disabled={last} aria-label={`${d('editor.down')} (${i + 1})`}>
                ↓
              </button>
              <button type="button" onClick={() => set({ goproxy: removeEntry(p.goproxy, i) })} disabled={p.goproxy.length === 1}>
                {d('common.remove')}
              </button>
              {last ? (
                <span className="muted sep-meaning">{d('editor.last')}</span>
              ) : (
                <label className="sep">
                  <span className="visually-hidden">{d('editor.separator', { n: i + 1 })}</span>
                  <select value={entry.separator ?? ','} onChange={(e) => set({ goproxy: setSeparator(p.goproxy, i, e.target.value as Separator) })} data-testid="editor-separator">
                    {SEPARATORS.map((s) => (
                      <option key={s} value={s}>
                        {d(`editor.sep.${separatorMeaning(s)}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <input aria-label={d('editor.add')} placeholder={d('editor.newEntry')} value={newEntry} onChange={(e) => setNewEntry(e.target.value)} className="mono" data-testid="editor-new-entry" />
        <button
          type="button"
          disabled={newEntry.trim() === ''}
          onClick={() => {
            set({ goproxy: addEntry(p.goproxy, newEntry) });
            setNewEntry('');
          }}
          data-testid="editor-add-entry"
        >
          {d('editor.add')}
        </button>
      </div>
      <RelayOptionField value={p.relay ?? null} onChange={(relay) => set({ relay })} />
      <div className="grid2">
        <label className="field">
          <span>{d('editor.gosumdb')}</span>
          <input value={p.gosumdb ?? ''} onChange={(e) => set({ gosumdb: nullable(e.target.value) })} className="mono" />
        </label>
        <label className="field">
          <span>{d('editor.goprivate')}</span>
          <input value={p.goprivate} onChange={(e) => set({ goprivate: e.target.value })} className="mono" data-testid="editor-goprivate" />
        </label>
        <label className="field">
          <span>{d('editor.gonoproxy')}</span>
          <input value={p.gonoproxy ?? ''} onChange={(e) => set({ gonoproxy: nullable(e.target.value) })} className="mono" />
        </label>
        <label className="field">
          <span>{d('editor.gonosumdb')}</span>
          <input value={p.gonosumdb ?? ''} onChange={(e) => set({ gonosumdb: nullable(e.target.value) })} className="mono" />
        </label>
        <label className="field">
          <span>{d('editor.goinsecure')}</span>
          <input value={p.goinsecure} onChange={(e) => set({ goinsecure: e.target.value })} className="mono" />
        </label>
      </div>
      <label className="field">
        <span>{d('editor.tester')}</span>
        <input value={probe} onChange={(e) => setProbe(e.target.value)} placeholder={d('editor.testerPlaceholder')} className="mono" data-testid="editor-tester" />
      </label>
      <p aria-live="polite" className={verdict.kind === 'match' ? 'ok' : 'muted'} data-testid="editor-tester-verdict">
        {verdict.kind === 'match' ? d('editor.test.match', { pattern: verdict.pattern }) : d(`editor.test.${verdict.kind}`)}
      </p>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="editor-save">
          {d('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {d('common.cancel')}
        </button>
      </div>
    </form>
  );
}
