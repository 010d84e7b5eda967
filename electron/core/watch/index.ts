// The network watcher and the watch engine (`goproxyctl watch`, and the tray app's auto-repair).
export { WatchEngine, NO_PROFILES, type WatchEngineOptions, type WatchProfileSource } from './engine.js';
export { NetworkWatcher, SYSTEM_CLOCK, isClockJump, type NetworkChange, type NetworkCheck, type NetworkWatcherOptions, type WatcherClock } from './network-watcher.js';
export { readFingerprint, systemReaders, type FingerprintReaders } from './read-fingerprint.js';
export { acquireWatchLock, WatchRunningError, type InstanceLock } from './instance-lock.js';
export { makeProber, WATCH_TIMEOUTS, type HealthProbe, type ProbeCandidate, type ProberOptions } from './probe-candidate.js';
export { appendEventLog, type WatchEvent, type ChainChoice } from './events.js';
export { loadMemory, saveMemory, memoryPath } from './memory-file.js';
export * from './parsers.js';
