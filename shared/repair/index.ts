// The repair policy, pure: network fingerprints, network rules, chain ordering, the decision and
// what to probe for it. The watcher (electron/core/watch) gathers the inputs and acts on the output.
export * from './fingerprint.js';
export * from './network-rules.js';
export * from './chain-order.js';
export * from './decide.js';
export * from './probe-plan.js';
export * from './choice.js';
