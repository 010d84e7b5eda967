// `goproxyctl watch` runs the relay in-process when the active chain goes through it
// (GOPROXY=http://127.0.0.1:<port>|<chain>, as `goproxyctl use` writes for such a profile): the real
// go downloads through it, and SIGTERM stops both.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { chainThroughRelay } from '../../../electron/core/relay/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, goEnvWrite, labGoEnv, makeWatchHome, type WatchHome } from '../watch/helpers.js';
import { freePort } from '../../support/relay-fixtures.js';

let lab: Lab;
let h: WatchHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'good' }] });
  h = await makeWatchHome();
});
after(async () => {
  await lab?.close();
  await h?.cleanup();
});


test('watch serves the relay of a chain that goes through it; go downloads through it', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const goproxy = chainThroughRelay(lab.proxies.good!.url, port);
  await goEnvWrite(lab, h.home, goproxy);
  const m = lab.modules[0]!;
  const daemon = spawn(process.execPath, [cliPath, 'watch', '--json', '--module', `${m.path}@${m.version}`, '--health-check', '0'], { env: h.env, cwd: h.home, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const lines: Record<string, unknown>[] = [];
    let listening: (() => void) | null = null;
    let roundDone: (() => void) | null = null;
    const up = new Promise<void>((resolve) => (listening = resolve));
    // The watcher's first round probes the chain too (list, @latest, the checksum route): the
    // access log is read after it, so it holds only go's requests.
    const firstRound = new Promise<void>((resolve) => (roundDone = resolve));
    createInterface({ input: daemon.stdout }).on('line', (l) => {
      const e = JSON.parse(l) as { type: string; event?: { type: string } };
      lines.push(e);
      if (e.type === 'relay' && e.event?.type === 'listening') listening?.();
      if (e.type === 'keep' || e.type === 'repair' || e.type === 'error') roundDone?.();
    });
    void once(daemon, 'exit').then(() => (listening?.(), roundDone?.()));
    await up;
    await firstRound;
    assert.ok(lines.some((e) => e.type === 'relay'), `no relay event: ${JSON.stringify(lines)}`);

    lab.proxies.good!.clearLog();
    const work = lab.makeTempDir('watch-relay');
    const env = labGoEnv(lab, h.home, { GOMODCACHE: path.join(work, 'mod'), GOPROXY: goproxy });
    // Another module than the probe's: the relay has not cached it, so its files come from the lab.
    const g = lab.modules.find((x) => x.path !== m.path)!;
    const r = await runCommand(GO123, ['mod', 'download', '-json', `${g.path}@${g.version}`], { env, cwd: work, timeoutMs: 60_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // go asked the relay, and the relay asked the lab (once per file: go did not fall back).
    assert.ok(lab.proxies.good!.accessLog.length >= 3);
    assert.ok(lab.proxies.good!.accessLog.every((e) => e.status === 200), JSON.stringify(lab.proxies.good!.accessLog));

    daemon.kill('SIGTERM');
    const [code] = (await once(daemon, 'exit')) as [number | null];
    assert.equal(code, 0);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/${m.path}/@v/list`), 'the relay stopped with watch');
  } finally {
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
  }
});
