// The benchmark engine: candidates in, summaries, scores, a recommendation and history out.
export { runBenchmark, reportedName, DEFAULT_SAMPLES, DEFAULT_CONCURRENCY } from './run-benchmark.js';
export type { RunBenchmarkOptions, BenchmarkReport } from './run-benchmark.js';
export type { BenchEvent, BenchListener } from './events.js';
export { storedCredentials } from './credentials.js';
export type { CredentialLookup, StoredCredentialOptions } from './credentials.js';
export { recordOfSample, recordsOfSamples, appendHistory } from './history-writer.js';
export { runPool } from './pool.js';
