// `npm run bench:repair [-- --idle-seconds 60] [--repeats 5]`: figures for `goproxyctl watch`
// (issue 5, "Benchmark"). Prints numbers, asserts nothing:
//   1. time from a network change to the repaired configuration being written (target: 2 s + one
//      probe round), in a real network namespace (root), else the engine with injected readers;
//   2. CPU and RSS of an idle `goproxyctl watch` (target: about 0 % and <= 80 MB).
// Every process, namespace and temp dir is removed on the way out, Ctrl-C and errors included.
import { parseArgs } from 'node:util';
import { cleanupAll, cleanupOnSignals, interrupted } from './repair/cleanup.js';
import { idleUsage } from './repair/idle-usage.js';
import { INJECTED_POLL_MS, repairsWithInjectedReaders } from './repair/injected-repair.js';
import { netnsUnavailableReason } from './repair/netns.js';
import { repairsInNamespace } from './repair/netns-repair.js';
import { reportRepairs } from './repair/report-repairs.js';
import { note, printTable } from './repair/table.js';

const USAGE = 'usage: npm run bench:repair -- [--idle-seconds N (default 60)] [--repeats N (default 5)] [--no-netns (force the injected-readers fallback)]';

function options(): { idleSeconds: number; repeats: number; netns: boolean } {
  const { values } = parseArgs({ options: { 'idle-seconds': { type: 'string', default: '60' }, repeats: { type: 'string', default: '5' }, 'no-netns': { type: 'boolean', default: false }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const idleSeconds = Number(values['idle-seconds']);
  const repeats = Number(values.repeats);
  if (!Number.isInteger(idleSeconds) || idleSeconds < 1 || !Number.isInteger(repeats) || repeats < 1) {
    process.stderr.write(`--idle-seconds and --repeats want whole numbers of at least 1; ${USAGE}\n`);
    process.exit(2);
  }
  return { idleSeconds, repeats, netns: !values['no-netns'] };
}

async function repairLatency(repeats: number, netns: boolean): Promise<void> {
  const reason = netns ? netnsUnavailableReason() : '--no-netns given';
  if (reason === null) {
    process.stderr.write('1. repair latency: network namespace, `goproxyctl watch --json` and the lab inside it\n');
    const timings = await repairsInNamespace(repeats);
    reportRepairs('netns + veth, one `ip -batch` per change; CLI `watch --json` and lab inside', timings);
  } else {
    process.stderr.write(`1. repair latency: FALLBACK, no network namespace (${reason})\n`);
    const timings = await repairsWithInjectedReaders(repeats);
    reportRepairs(`FALLBACK (${reason}): in-process WatchEngine, readers injected, polled every ${INJECTED_POLL_MS} ms`, timings);
  }
}

async function idle(seconds: number): Promise<void> {
  process.stderr.write(`2. idle \`goproxyctl watch --json\` for ${seconds} s (healthy lab, default options)\n`);
  const u = await idleUsage(seconds);
  note('2a. idle CPU, mean (daemon + reaped helpers + ip monitor)', `${u.cpuPercent.toFixed(2)} % of one core over ${u.seconds.toFixed(0)} s`, '~0 %');
  note('2b. idle CPU: daemon alone / ip monitor', `${u.daemonCpuPercent.toFixed(2)} % / ${u.monitorFound ? `${u.monitorCpuPercent.toFixed(2)} %` : 'no ip monitor child found'}`);
  note('2c. idle CPU, busiest second', `${u.peakSecondCpuPercent.toFixed(1)} %`);
  note('2d. peak RSS while idle (VmRSS, daemon)', `${u.peakRssMb.toFixed(1)} MB`, '<= 80 MB');
  note('2e. lifetime peak RSS (VmHWM, start-up round included)', `${u.hwmMb.toFixed(1)} MB`, '<= 80 MB');
  note('2f. ip monitor child RSS', `${u.monitorRssMb.toFixed(1)} MB`);
  note('2g. events printed while idle', String(u.events), '0');
}

const { idleSeconds, repeats, netns } = options();
cleanupOnSignals();
process.stderr.write('goproxyctl bench:repair\n');
try {
  await repairLatency(repeats, netns);
  await cleanupAll(); // the namespace and its processes go before the idle measurement starts
  await idle(idleSeconds);
} catch (err) {
  if (!interrupted()) process.stderr.write(`bench:repair failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
  printTable();
}
