// The effective configuration: go, the env file, each variable with its source and what it
// shadows, and the GOPROXY chain with go's fallback rule between entries.
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, ChainEntryView } from '../../shared/contract/state.js';
import { displayValue, formatTime } from '../../shared/ui/format.js';
import { rich } from '../i18n/rich.js';
import { type Locale, type MessageKey, type Translate } from '../i18n/i18n.js';

export function ConfigPanel({ config, api, t, locale }: { config: AppState['config']; api: Api; t: Translate; locale: Locale }) {
  const view = config.view;
  return (
    <section className="panel" aria-labelledby="config-heading">
      <header className="panel-header">
        <h2 id="config-heading">{t('config.heading')}</h2>
        <button type="button" data-testid="refresh-config" disabled={config.loading} onClick={() => void api.rereadAll({}).catch(() => {})}>
          {config.loading ? t('config.loading') : t('config.refresh')}
        </button>
      </header>
      {config.error !== null && <p className="error">{config.error}</p>}
      {view === null ? (
        <p>{t('config.never')}</p>
      ) : (
        <>
          <p data-testid="go-facts">
            {view.go ? t('config.go', { version: view.go.version, binary: view.go.binary }) : view.goError ? t('config.goError', { error: view.goError }) : t('config.noGo')}
          </p>
          <p>{view.envFilePath ? t('config.envFile', { path: view.envFilePath }) : t('config.envFileOff')}</p>
          <p className="muted">{t('config.readAt', { time: formatTime(locale, view.readAt) })}</p>
          <h3>{t('config.chain')}</h3>
          {view.chainError !== null ? <p className="error">{t('config.chainError', { error: view.chainError })}</p> : <Chain entries={view.chain} t={t} />}
          {view.chainWarnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
          <table className="vars">
            <thead>
              <tr>
                <th>{t('config.name')}</th>
                <th>{t('config.value')}</th>
                <th>{t('config.source')}</th>
              </tr>
            </thead>
            <tbody>
              {view.vars.map((v) => (
                <tr key={v.name} data-testid={`var-${v.name}`}>
                  <td>{v.name}</td>
                  <td className="mono">{displayValue(v.value, t('config.empty'))}</td>
                  <td>
                    {t(`source.${v.source}` as MessageKey)}
                    {v.path !== null && <span className="muted"> ({v.path})</span>}
                    {v.shadows
                      .filter((s) => s.value !== v.value)
                      .map((s) => (
                        <div key={`${s.source}:${s.value}`} className="warning">
                          {rich(t('config.shadows', { source: t(`source.${s.source}` as MessageKey) }), { value: <span className="mono">{displayValue(s.value, t('config.empty'))}</span> })}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Chain({ entries, t }: { entries: ChainEntryView[]; t: Translate }) {
  return (
    <ol className="chain" data-testid="chain">
      {entries.map((e, i) => (
        <li key={i}>
          <span className="mono">{e.kind === 'proxy' ? e.url : e.kind}</span>
          {i < entries.length - 1 && <span className="muted"> {e.fallBackOnError ? t('config.fallbackAny') : t('config.fallbackNotFound')}</span>}
        </li>
      ))}
    </ol>
  );
}
