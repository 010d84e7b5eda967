// The latency history store's public surface (see store.ts for the storage design).
export { HistoryStore } from './store.js';
export type { HistoryQuery, HistorySeries, HistoryStoreOptions, MaintenanceReport, Uptime } from './store.js';
export { recordFromSummary } from './record.js';
export type { HistoryRecord, HistorySource } from './record.js';
export type { Resolution } from './aggregate.js';
export { DEFAULT_RETENTION } from './retention.js';
export type { RetentionPolicy } from './retention.js';
export { defaultHistoryDir } from './default-dir.js';
