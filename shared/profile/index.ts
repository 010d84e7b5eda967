export * from './types.js';
export { validateProfile, applyBlockers, isValidProfileId, profileIdProblem, type ProfileCheck } from './validate.js';
export { profileToGoEnv, profileGoproxy, profileWrittenGoproxy, profileRelayPort, chainThroughRelay } from './to-go-env.js';
export { explainGoVars } from './explain-vars.js';
export { BUILTIN_PROFILES, BUILTIN_IDS, builtinProfile, structuredCloneProfile } from './builtins.js';
export { parseProfileDocument, serializeProfile, serializeBundle, type DocumentParse } from './document.js';
export { refreshDue, DEFAULT_REFRESH_SECONDS, RETRY_AFTER_FAILURE_SECONDS, type Subscription } from './subscription.js';
