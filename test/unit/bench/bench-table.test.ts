// `goproxyctl bench`'s text in both languages from the same results: the table (CJK columns
// aligned by display width), the progress lines of a terminal's live view and of a pipe, the
// recommendation with the command that applies it. Chinese outside code and values; English as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CandidateResult } from '../../../shared/bench/aggregate.js';
import { recommendChain } from '../../../shared/bench/recommend.js';
import { scoreCandidate } from '../../../shared/bench/score.js';
import { applyBenchEvent, finishedLine, liveLine, recommendationLines, resultTable, type LiveRow } from '../../../electron/cli/format/bench-table.js';
import { checkZhText } from '../../support/zh-check.js';
import { failing, summary } from './fixtures.js';

const results: CandidateResult[] = [summary({ candidate: 'https://fast.example' }), failing('https://dead.example', 'connect'), failing('https://mirror.example', 'connect', { missingModule: 'x@v1.0.0', error: { ...failing('https://mirror.example', 'connect').error!, kind: 'not-found', status: 404 } })].map((s) => {
  const { score, estimate } = scoreCandidate(s);
  return { summary: s, score, estimateMs: estimate.ms };
});

/** Chinese outside code: the commands the output quotes in backticks are code. */
function assertChinese(lines: readonly string[]): void {
  const text = lines.join('\n').replace(/`[^`\n]*`/g, ' ');
  assert.deepEqual(checkZhText(text).english, [], text);
  assert.ok(checkZhText(text).cjk > 10, text);
}

/** Columns as a terminal shows them: a CJK character is two cells wide. */
const cells = (s: string): number => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

test('the table in Chinese: headers, statuses and errors in words, columns aligned by display width', () => {
  const zh = resultTable(results, { locale: 'zh-CN' });
  assertChinese(zh);
  const [header, fast, dead, mirror] = zh;
  assert.match(header!, /^候选 +状态 +go 预计耗时 +首字节 +第 90 百分位 +吞吐量 +成功率 +错误 +得分$/);
  assert.match(fast!, /^https:\/\/fast\.example +可用 +≈ [\d.]+ s/);
  assert.match(dead!, /不可用 .*连接失败 +0$/);
  assert.match(mirror!, /缺少模块 .*未找到 404 +0$/);
  // The score column ends at the same cell on every row.
  assert.equal(new Set([header, fast, dead, mirror].map((l) => cells(l!))).size, 1, zh.join('\n'));
  assert.ok(zh.includes('! https://mirror.example：可以连通，但没有 x@v1.0.0'), zh.join('\n'));
});

test('the table in English is as before', () => {
  const en = resultTable(results);
  assert.match(en[0]!, /^candidate +status +go would take +first byte +p90 +throughput +success +error +score$/);
  assert.match(en[2]!, /failing .*connect +0$/);
  assert.ok(en.includes('! https://mirror.example: reachable, does not have x@v1.0.0'), en.join('\n'));
  assert.equal(checkZhText(en.join('\n')).cjk, 0);
});

test('progress lines: a pipe gets one per finished candidate, a terminal its live rows, in the language asked for', () => {
  assert.match(finishedLine(results[0]!, 'zh-CN'), /^✔ https:\/\/fast\.example：首字节 40 ms，5\.0 MB\/s，成功 100%，go 预计耗时约 [\d.]+ s，得分 [\d.]+$/);
  assert.equal(finishedLine(results[1]!, 'zh-CN'), '✖ https://dead.example：连接失败：无法连接到 dead.example（ECONNREFUSED）。');
  assert.equal(finishedLine(results[1]!), '✖ https://dead.example: connect: Could not connect to dead.example (ECONNREFUSED).');
  assert.match(finishedLine(results[0]!), /^✔ https:\/\/fast\.example: first byte 40 ms, 5\.0 MB\/s, 100% ok, go would take ≈ [\d.]+ s, score [\d.]+$/);

  let rows: LiveRow[] = applyBenchEvent([], { type: 'candidate-start', candidate: 'https://fast.example', kind: 'proxy', index: 0, samples: 3 });
  assert.equal(liveLine(rows[0]!, 200, 'zh-CN'), '… https://fast.example：第 1/3 次采样，正在开始');
  rows = applyBenchEvent(rows, { type: 'phase', progress: { candidate: 'https://fast.example', sample: 1, request: 'zip', phase: 'transfer', at: 0 } });
  assert.equal(liveLine(rows[0]!, 200, 'zh-CN'), '… https://fast.example：第 1/3 次采样，.zip 传输');
  assert.equal(liveLine(rows[0]!, 200), '… https://fast.example: sample 1/3, .zip transfer');
  rows = applyBenchEvent(rows, { type: 'candidate-done', candidate: 'https://fast.example', index: 0, result: results[0]!, cancelled: true });
  assert.equal(liveLine(rows[0]!, 200, 'zh-CN'), '- https://fast.example：已取消');
});

test('the recommendation and how to apply it: reasons in Chinese, the commands verbatim', () => {
  const rec = recommendChain(results.map((r) => r.summary), { currentGoproxy: 'https://proxy.golang.org,direct', currentGosumdb: 'sum.golang.org' });
  const zh = recommendationLines(rec, null, 'zh-CN');
  assertChinese(zh);
  assert.equal(zh[0], '推荐配置：');
  assert.ok(zh.includes('应用方式：'));
  assert.ok(zh.some((l) => l.startsWith('  go env -w ')), zh.join('\n'));
  assert.ok(recommendationLines(rec, 'mine', 'zh-CN').includes('  或者同时应用到 go 和你的终端配置（可撤销）：`goproxyctl use mine`'));
  const en = recommendationLines(rec);
  assert.equal(en[0], 'Recommendation:');
  assert.ok(en.includes('Apply it with:'));
  assert.ok(en.some((l) => l.startsWith('  - Proxies by the time go would take: https://fast.example (≈ ')), en.join('\n'));
});
