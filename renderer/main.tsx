// Entry point: pick the transport (preload in Electron, the headless server otherwise), start
// the replica, render.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connect } from './bridge/connect.js';
import type { StreamStatus } from './bridge/headless-client.js';
import { startReplica } from './state/replica.js';
import './styles.css';
// Every view's base colours (.view): loaded with the entry, not with the lazily loaded Chain and
// History views that also import it, or the other views would lose them until one of those loads.
import './views/views.css';
import { translate, pickLocale } from './i18n/i18n.js';

const locale = pickLocale(navigator.languages);
const root = createRoot(document.getElementById('root')!);
let reportStatus: (s: StreamStatus) => void = () => {};
let lastStatus: StreamStatus | null = null;
const connection = connect((s) => {
  lastStatus = s;
  reportStatus(s);
});

function Root({ children }: { children: (status: StreamStatus | null) => React.ReactNode }) {
  const [status, setStatus] = useState<StreamStatus | null>(lastStatus);
  useEffect(() => {
    reportStatus = setStatus;
    if (lastStatus !== null) setStatus(lastStatus); // a change that came before this effect ran
    return () => {
      reportStatus = () => {};
    };
  }, []);
  return <>{children(status)}</>;
}

if (!connection.ok) {
  root.render(<p className="app error">{translate(locale)('app.noToken')}</p>);
} else {
  const replica = startReplica(connection.api);
  root.render(
    <StrictMode>
      <Root>{(status) => <App api={connection.api} replica={replica} streamStatus={connection.transport === 'headless' ? status : null} initialLocale={locale} />}</Root>
    </StrictMode>,
  );
}
