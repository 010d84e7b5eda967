// CPU and memory of an idle `goproxyctl watch --json` against a healthy lab (default options, so
// the 5-minute health check and the 5-second poll run as a user's would). Sampling starts after
// the first round (the start-up probe) has ended, and reads /proc every second: the daemon's own
// utime+stime, plus the CPU of children it reaped (short-lived helpers), plus its live `ip monitor`
// child's; VmRSS (and VmHWM, the lifetime peak, start-up included).
import { performance } from 'node:perf_hooks';
import type { WatchEvent } from '../../../electron/core/watch/index.js';
import { startLab } from '../../lab/index.js';
import { cliPath } from '../../support/paths.js';
import { spawnOwned } from './children.js';
import { onCleanup } from './cleanup.js';
import { childPids, clockTicksPerSecond, commandOf, sampleProcess, type ProcSample } from './proc-usage.js';
import { benchHome } from './watch-home.js';

export interface IdleUsage {
  seconds: number;
  /** Mean CPU % of one core over the window: the daemon, the children it reaped, its ip monitor. */
  cpuPercent: number;
  daemonCpuPercent: number;
  monitorCpuPercent: number;
  /** Highest one-second CPU % in the window. */
  peakSecondCpuPercent: number;
  peakRssMb: number;
  /** VmHWM at the end: the lifetime peak, start-up included. */
  hwmMb: number;
  monitorRssMb: number;
  monitorFound: boolean;
  events: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function monitorPid(pid: number): number | null {
  return childPids(pid).find((c) => commandOf(c).startsWith('ip ') && commandOf(c).includes('monitor')) ?? null;
}

export async function idleUsage(seconds: number): Promise<IdleUsage> {
  const lab = await startLab({ proxies: [{ name: 'good' }] });
  onCleanup('close the idle lab', () => lab.close());
  const h = await benchHome(lab.proxies.good!.url);
  const mod = lab.modules[0]!;
  const watch = spawnOwned<WatchEvent>('goproxyctl watch (idle)', process.execPath, [cliPath, 'watch', '--json', '--module', `${mod.path}@${mod.version}`], { env: h.env, cwd: h.home });
  await watch.waitFor((e) => (e.type === 'keep' || e.type === 'repair') && e.trigger === 'start', 120_000);
  const pid = watch.child.pid!;
  const ipPid = monitorPid(pid);
  const hz = clockTicksPerSecond();
  const eventsBefore = watch.lines.length;

  const total = (d: ProcSample, m: ProcSample | null): number => d.ticks.own + d.ticks.reaped + (m?.ticks.own ?? 0);
  const first = sampleProcess(pid);
  const firstMonitor = ipPid === null ? null : sampleProcess(ipPid);
  if (!first) throw new Error('the watch daemon exited before sampling started');
  const t0 = performance.now();
  let last = { t: t0, ticks: total(first, firstMonitor) };
  let peakRssKb = first.rssKb;
  let monitorRssKb = firstMonitor?.rssKb ?? 0;
  let peakSecond = 0;
  let daemon = first;
  let monitor = firstMonitor;
  for (let i = 0; i < seconds; i++) {
    await sleep(t0 + (i + 1) * 1_000 - performance.now());
    const d = sampleProcess(pid);
    if (!d) throw new Error('the watch daemon exited while idle');
    const m = ipPid === null ? null : sampleProcess(ipPid);
    const now = { t: performance.now(), ticks: total(d, m ?? monitor) };
    peakSecond = Math.max(peakSecond, ((now.ticks - last.ticks) / hz / ((now.t - last.t) / 1000)) * 100);
    peakRssKb = Math.max(peakRssKb, d.rssKb);
    monitorRssKb = Math.max(monitorRssKb, m?.rssKb ?? 0);
    last = now;
    daemon = d;
    monitor = m ?? monitor;
  }
  const elapsed = (last.t - t0) / 1000;
  const pct = (ticks: number): number => (ticks / hz / elapsed) * 100;
  const usage: IdleUsage = {
    seconds: elapsed,
    cpuPercent: pct(last.ticks - total(first, firstMonitor)),
    daemonCpuPercent: pct(daemon.ticks.own + daemon.ticks.reaped - first.ticks.own - first.ticks.reaped),
    monitorCpuPercent: pct((monitor?.ticks.own ?? 0) - (firstMonitor?.ticks.own ?? 0)),
    peakSecondCpuPercent: peakSecond,
    peakRssMb: peakRssKb / 1024,
    hwmMb: daemon.hwmKb / 1024,
    monitorRssMb: monitorRssKb / 1024,
    monitorFound: ipPid !== null,
    events: watch.lines.length - eventsBefore,
  };
  await watch.stop();
  return usage;
}
