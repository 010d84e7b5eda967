// Settings → Command-line tool: whether `goproxyctl` is on PATH, and Install / Uninstall
// (the contract's cliToolStatus, installCliTool, uninstallCliTool; electron/core/cli-install).
import { useEffect, useMemo, useState } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { CliToolView } from '../../shared/contract/responses.js';
import { useCommand } from '../components/useCommand.js';
import { cliToolTranslator } from '../i18n/cli-tool.js';
import type { Locale } from '../i18n/i18n.js';

export function CliToolPanel({ api, locale }: { api: Api; locale: Locale }) {
  const t = useMemo(() => cliToolTranslator(locale), [locale]);
  const [view, setView] = useState<CliToolView | null>(null);
  const status = useCommand(() => api.cliToolStatus({}));
  const install = useCommand(() => api.installCliTool({}));
  const uninstall = useCommand(() => api.uninstallCliTool({}));
  const { run: readStatus } = status;
  useEffect(() => {
    void readStatus().then((v) => v !== undefined && setView(v));
  }, [readStatus]);
  const act = (command: typeof install) => () => void command.run().then((v) => v !== undefined && setView(v));
  const error = install.error ?? uninstall.error ?? status.error;
  const busy = install.busy || uninstall.busy;

  return (
    <fieldset className="panel" data-testid="settings-cli">
      <legend>{t('cli.heading')}</legend>
      <p>{t('cli.about')}</p>
      {view !== null && (
        <p role="status" data-testid="cli-status">
          {view.installed
            ? view.onPath
              ? t('cli.installed', { target: view.target })
              : t('cli.installedOffPath', { target: view.target })
            : view.conflict !== null
              ? t('cli.conflict', { target: view.target, what: view.conflict })
              : view.unavailable !== null
                ? t(`cli.unavailable.${view.unavailable}`)
                : t('cli.notInstalled', { target: view.target })}
        </p>
      )}
      {view?.launcherProblem != null && <p className="error">{t('cli.launcherProblem', { problem: view.launcherProblem })}</p>}
      <div className="actions">
        <button type="button" disabled={view === null || !view.available || busy} onClick={act(install)} data-testid="cli-install">
          {t('cli.install')}
        </button>
        {view?.installed === true && (
          <button type="button" disabled={busy} onClick={act(uninstall)} data-testid="cli-uninstall">
            {t('cli.uninstall')}
          </button>
        )}
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {t('cli.failed', { error })}
        </p>
      )}
    </fieldset>
  );
}
