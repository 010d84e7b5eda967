// IPv4 and IPv6 measured apart (issue 12): one name on both 127.0.0.1 and ::1, the same port, a
// lab proxy on each with its own latency. The benchmark samples each family, and the --json row
// and the table show the difference; a single-family proxy shows nothing extra.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runBenchmark } from '../../../electron/core/bench/index.js';
import { resultTable } from '../../../electron/cli/format/bench-table.js';
import { toJsonResult } from '../../../shared/bench/aggregate.js';
import { startLab, type Lab } from '../../lab/index.js';

const NAME = 'dual.lab.invalid';
const V6_LATENCY_MS = 150;
let v4: Lab;
let v6: Lab;
let port: number;

before(async () => {
  v4 = await startLab({ proxies: [{ name: 'dual-v4', host: '127.0.0.1', faults: { latencyMs: 5 } }, { name: 'only-v4', faults: { latencyMs: 5 } }] });
  port = v4.proxies['dual-v4']!.port;
  // The same port on the other family: one host name, two listeners, as a dual-stack proxy has.
  v6 = await startLab({ proxies: [{ name: 'dual-v6', host: '::1', port, faults: { latencyMs: V6_LATENCY_MS } }] });
});
after(async () => {
  await v6?.close();
  await v4?.close();
});

function bench(urls: string[], samples = 2): ReturnType<typeof runBenchmark> {
  const root = v4.modules[0]!;
  return runBenchmark(urls.map((url) => ({ url, kind: 'proxy' as const })), {
    module: { path: root.path, version: root.version },
    samples,
    env: {},
    hosts: { [NAME]: ['127.0.0.1', '::1'], 'half.lab.invalid': ['127.0.0.1', '::1'] },
    historyDir: null,
    currentGoproxy: 'off',
    currentGosumdb: 'off',
  });
}

test('a dual-stack proxy is sampled over each family; a material difference is in --json and under its row', async () => {
  const dual = `http://${NAME}:${port}`;
  const single = v4.proxies['only-v4']!.url;
  const report = await bench([dual, single]);
  // The lab's own record: each family's listener was really dialed, once per sample.
  assert.ok(v4.proxies['dual-v4']!.accessLog.length > 0 && v6.proxies['dual-v6']!.accessLog.length > 0);

  const dualResult = report.results.find((r) => r.summary.candidate === dual)!;
  assert.equal(dualResult.summary.samples, 4, 'two samples × two families');
  const fam = dualResult.families!;
  assert.equal(fam.ipv4.samples, 2);
  assert.equal(fam.ipv6.samples, 2);
  assert.ok(fam.ipv6.ttfbMs!.median >= V6_LATENCY_MS, `IPv6 first byte ${fam.ipv6.ttfbMs!.median} ms`);
  assert.ok(fam.ipv4.ttfbMs!.median < fam.ipv6.ttfbMs!.median);
  assert.ok(fam.ipv4.estimateMs! < fam.ipv6.estimateMs!);

  const json = toJsonResult(dualResult, report.workload);
  assert.deepEqual(Object.keys(json.families!), ['ipv4', 'ipv6']);
  assert.equal(json.families!.ipv6.estimateMs, Math.round(fam.ipv6.estimateMs!));

  const singleResult = report.results.find((r) => r.summary.candidate === single)!;
  assert.equal(singleResult.families, undefined);
  assert.equal('families' in toJsonResult(singleResult, report.workload), false);

  const table = resultTable(report.results, { workload: report.workload });
  const row = table.findIndex((l) => l.startsWith(dual));
  assert.match(table[row + 1]!, /^ {2}└ IPv4 ≈ .+ · IPv6 ≈ /);
  const singleRow = table.findIndex((l) => l.startsWith(single));
  assert.doesNotMatch(table[singleRow + 1] ?? '', /IPv4/);
});

test('a family that refuses is declared dead once, shown as failing, and the other family carries the samples', async () => {
  // Nothing listens on ::1 at only-v4's port: IPv6 is refused, IPv4 answers.
  const half = `http://half.lab.invalid:${v4.proxies['only-v4']!.port}`;
  const report = await bench([half], 3);
  const r = report.results[0]!;
  assert.equal(r.families!.ipv4.samples, 3);
  assert.equal(r.families!.ipv6.samples, 1, 'not paid for again after the first refusal');
  assert.equal(r.families!.ipv6.estimateMs, null);
  assert.equal(r.families!.ipv6.error, 'connect');
  assert.equal(toJsonResult(r, report.workload).families!.ipv6.estimateMs, null);
  assert.match(resultTable(report.results, { workload: report.workload })[2]!, /└ IPv4 ≈ .+ · IPv6 fails \(connect\)/);
});
