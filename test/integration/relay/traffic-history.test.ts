// Passive measurement: every upstream request the relay makes for go lands in the latency history
// as real traffic (source 'traffic'), next to benchmark and background records, readable by the
// same queries the History view uses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeRecordLine } from '../../../electron/core/history/record.js';
import { HistoryStore } from '../../../electron/core/history/index.js';
import { TrafficHistory } from '../../../electron/core/relay/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains } from '../../support/go.js';
import { expandChain, goDownload, startTestRelay } from './helpers.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'down', faults: { status: 502 } }, { name: 'up' }] });
});
after(async () => {
  await lab?.close();
});

test('each upstream request of a go download becomes a traffic record in the history', async () => {
  const dir = lab.makeTempDir('history');
  const errors: string[] = [];
  const history = new TrafficHistory(dir, (m) => errors.push(m));
  const { relay } = await startTestRelay(lab, '{down}|{up}', { onTraffic: (s) => history.add(s) });
  try {
    const go = goToolchains()[0]!;
    const run = await goDownload(lab, go, relay.url, lab.makeTempDir('work'), ['lab.invalid/app@v1.0.0'], 60_000);
    assert.ok(run.ok, run.error);
  } finally {
    await relay.close();
  }
  await history.flush();
  assert.deepEqual(errors, []);

  const records = [];
  for (const key of await readdir(path.join(dir, 'candidates'))) {
    const rawDir = path.join(dir, 'candidates', key, 'raw');
    const meta = JSON.parse(await readFile(path.join(dir, 'candidates', key, 'meta.json'), 'utf8').catch(() => '{}')) as { candidate?: string };
    for (const f of await readdir(rawDir)) {
      for (const line of (await readFile(path.join(rawDir, f), 'utf8')).split('\n')) {
        const r = decodeRecordLine(line, meta.candidate ?? key);
        if (r) records.push(r);
      }
    }
  }
  assert.ok(records.length >= 6, `${records.length} records`);
  assert.ok(records.every((r) => r.source === 'traffic'));
  // The 502s are failures, the healthy mirror's answers are not, and both carry their first-byte time.
  assert.ok(records.some((r) => !r.ok && r.errorKind === 'http'));
  assert.ok(records.some((r) => r.ok && r.ttfbMedianMs !== null && r.totalMs !== null));

  const store = await HistoryStore.open(dir);
  const series = await store.query({ candidate: expandChain(lab, '{up}'), from: Date.now() - 60_000, to: Date.now() + 1_000, resolution: 'raw' });
  assert.ok(series.times.length >= 3, 'the History view\'s query sees the healthy mirror\'s traffic');
});
