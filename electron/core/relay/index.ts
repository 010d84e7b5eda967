// The local relay's public surface (see relay.ts and docs/relay.md).
export { errorEvent, Relay, type RelayChain, type RelayEvent, type RelayOptions, type RelayStats } from './relay.js';
export { defaultRelayCacheDir, DEFAULT_CACHE_CAP_BYTES, ModuleCache } from './module-cache.js';
export { planChain, type ChainPlan } from './chain-plan.js';
export { parseRelayTarget, type RelayRoute } from './route.js';
export { DEFAULT_DEADLINES, type DeadlinePolicy } from './upstream-health.js';
export { TrafficHistory, recordOfTraffic, type TrafficSample } from './traffic-history.js';
export { followActiveChain, type ActiveChain, type ChainFollower } from './chain-source.js';
export { boundedRate, chainThroughRelay, describeSupervisorEvent, relayPortOfChain, superviseRelay, type RelaySupervisor, type RelaySupervisorStatus, type SupervisorEvent } from './supervisor.js';
