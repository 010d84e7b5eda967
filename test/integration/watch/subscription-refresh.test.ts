// The daemon's subscription refresh on a real profile store under a temporary HOME: a due
// subscription is re-read and its new profiles appear; a broken publication keeps the old ones;
// a subscription that is not due is left alone.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { builtinProfile, serializeBundle, type Profile } from '../../../shared/profile/index.js';
import { ProfileStore } from '../../../electron/core/profiles/index.js';
import { startSubscriptionRefresh, type SubscriptionRefreshReport } from '../../../electron/core/watch/subscription-refresh.js';

const team = (id: string): Profile => ({ ...builtinProfile('global')!, id, name: `Team ${id}` });

function nextReport(store: ProfileStore, signal: AbortSignal): Promise<SubscriptionRefreshReport> {
  return new Promise((resolve, reject) => {
    startSubscriptionRefresh(store, { checkEveryMs: 60_000, signal, onReport: resolve, onError: reject });
  });
}

test('a due subscription is refreshed; a broken one keeps its profiles; one not due is skipped', async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-subs-'));
  const controller = new AbortController();
  try {
    const published = path.join(home, 'team.json');
    await writeFile(published, serializeBundle([team('team-a')]));
    const store = new ProfileStore({ env: { HOME: home }, platform: 'linux', cwd: home });
    // Subscribed two hours ago with an hourly interval: due now.
    await store.subscribe(published, 3600, new Date(Date.now() - 2 * 3600_000));
    await writeFile(published, serializeBundle([team('team-a'), team('team-b')]));

    const report = await nextReport(store, controller.signal);
    assert.deepEqual(report, { refreshed: [{ source: published, profileIds: ['team-a', 'team-b'] }], failed: [] });
    assert.ok((await store.list()).some((p) => p.profile.id === 'team-b'));

    // Not due again for an hour: a second refresher reports nothing, even though the file broke.
    await writeFile(published, '{ not json');
    const quiet = await store.refresh({ onlyDue: true });
    assert.deepEqual(quiet.map((r) => r.skipped), [true]);

    // Forced due again (re-subscribed in the past), now broken: the old profiles stay.
    await store.subscribe(published, 3600, new Date(Date.now() - 2 * 3600_000)).catch(() => undefined);
    const failedRound = await store.refresh({ onlyDue: false });
    assert.equal(failedRound[0]!.ok, false);
    assert.ok((await store.list()).some((p) => p.profile.id === 'team-b'), 'a broken publication does not remove profiles');
  } finally {
    controller.abort();
    await rm(home, { recursive: true, force: true, maxRetries: 10 });
  }
});
