// Run inside a network namespace by network-watcher.test.ts: a NetworkWatcher with its real
// sources, printing one JSON line when ready, one per check and one per change; exits cleanly on
// SIGTERM.
import { NetworkWatcher } from '../../../electron/core/watch/index.js';
import { render } from '../../../shared/i18n/catalog.js';

const watcher = new NetworkWatcher({
  pollMs: 60_000,
  debounceMs: 300,
  onChange: (c) => process.stdout.write(JSON.stringify({ type: 'change', kind: c.kind, changes: c.changes.map((m) => render('en', m)) }) + '\n'),
  onCheck: (c) => process.stdout.write(JSON.stringify({ type: 'check', startedAt: c.startedAt, changed: c.changed }) + '\n'),
});
await watcher.start();
process.stdout.write(JSON.stringify({ type: 'ready', monitorPid: watcher.monitorPid }) + '\n');
process.once('SIGTERM', () => {
  void watcher.stop().then(() => process.exit(0));
});
