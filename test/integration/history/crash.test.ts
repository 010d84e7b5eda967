import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { candidateKey } from '../../../electron/core/history/layout.js';
import { HistoryStore } from '../../../electron/core/history/store.js';
import { HOUR, record, withTempDir } from './helpers.js';

const P = 'https://goproxy.example';
const storeModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/core/history/store.js')).href;

// The child appends batches of records whose totalMs is a sequence number, and reports each batch's
// last number once append() has resolved (the bytes are then in the kernel: kill -9 cannot lose them).
const CHILD = `
const [storeUrl, dir, candidate, base] = process.argv.slice(1);
const { HistoryStore } = await import(storeUrl);
const store = await HistoryStore.open(dir, { durable: false });
let seq = 0;
for (;;) {
  const batch = [];
  for (let i = 0; i < 25; i++, seq++) {
    batch.push({ time: Number(base) + seq, candidate, source: 'background', ok: true, ttfbMedianMs: 5, ttfbP90Ms: 6, totalMs: seq, throughputBytesPerSec: 1000, errorKind: null });
  }
  await store.append(batch);
  process.stdout.write(seq - 1 + '\\n');
}
`;

function runAndKill(dir: string, base: number, confirmedBeforeKill: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, storeModule, dir, P, String(base)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let confirmed = -1;
    let buffered = '';
    let stderr = '';
    const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) confirmed = Math.max(confirmed, Number(line));
      if (confirmed >= confirmedBeforeKill) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(deadline);
      if (signal !== 'SIGKILL' || confirmed < confirmedBeforeKill) reject(new Error(`child ended (${signal}) after ${confirmed}: ${stderr}`));
      else resolve(confirmed);
    });
  });
}

test('kill -9 while appending: every acknowledged record survives, the store opens and keeps appending', async () => {
  await withTempDir(async (dir) => {
    const base = Date.now() - HOUR;
    let expectedNext = 0;
    // Several rounds: each kill lands somewhere in a write, and the next writer starts after the debris.
    for (let round = 0; round < 3; round++) {
      const confirmed = await runAndKill(dir, base + round * 1_000_000, 3000);
      const store = await HistoryStore.open(dir, { durable: false });
      const series = await store.query({ candidate: P, from: base - HOUR, to: Date.now() + HOUR, resolution: 'raw' });
      const seqs = (await store.query({ candidate: P, from: base + round * 1_000_000, to: base + (round + 1) * 1_000_000, resolution: 'raw' })).times.length;
      assert.ok(seqs > confirmed, `round ${round}: only ${seqs} records read, ${confirmed + 1} acknowledged`);
      expectedNext += seqs;
      assert.equal(series.times.length, expectedNext, 'earlier rounds are intact');
    }
    // Every record read back is complete and in sequence (a torn batch keeps its complete lines).
    const reopened = await HistoryStore.open(dir, { durable: false });
    await reopened.append([record(P, base + 3_000_000, 42)]);
    const all = await reopened.query({ candidate: P, from: base - HOUR, to: Date.now() + HOUR, resolution: 'raw' });
    assert.equal(all.times.length, expectedNext + 1);
    assert.equal(all.median.at(-1), 42, 'a record appended after the crash debris is readable');
  });
});

test('a torn last line is skipped on read and cannot swallow the next record', async () => {
  await withTempDir(async (dir) => {
    const now = Date.UTC(2026, 0, 15, 12);
    const store = await HistoryStore.open(dir, { now: () => now, durable: false });
    await store.append([record(P, now - 3000, 1), record(P, now - 2000, 2)]);
    const rawDir = path.join(dir, 'candidates', candidateKey(P), 'raw');
    const [file] = await readdir(rawDir);
    // What a write interrupted by kill -9 leaves: the start of a line, no newline.
    await appendFile(path.join(rawDir, file as string), '{"t":1768478399000,"ok":tr');
    const fresh = await HistoryStore.open(dir, { now: () => now, durable: false });
    assert.deepEqual((await fresh.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2]);
    await fresh.append([record(P, now - 1000, 3)]);
    assert.deepEqual((await fresh.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2, 3]);
    // The first store, with its cached reader, sees the same.
    assert.deepEqual((await store.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2, 3]);
    assert.deepEqual((await fresh.query({ candidate: P, from: now - 10_000, to: now, resolution: 'minute' })).samples, [3]);
  });
});

test('a whole record that lost only its newline is read, and the next append starts a fresh line', async () => {
  await withTempDir(async (dir) => {
    const now = Date.UTC(2026, 0, 15, 12);
    const store = await HistoryStore.open(dir, { now: () => now, durable: false });
    await store.append([record(P, now - 3000, 1)]);
    const rawDir = path.join(dir, 'candidates', candidateKey(P), 'raw');
    const [file] = await readdir(rawDir);
    await appendFile(path.join(rawDir, file as string), `{"t":${now - 2000},"ok":true,"src":"g","ttfb":2}`);
    assert.deepEqual((await store.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2]);
    await store.append([record(P, now - 1000, 3)]);
    const fresh = await HistoryStore.open(dir, { now: () => now, durable: false });
    assert.deepEqual((await fresh.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2, 3]);
    assert.deepEqual((await store.query({ candidate: P, from: now - 10_000, to: now, resolution: 'raw' })).median, [1, 2, 3]);
  });
});
