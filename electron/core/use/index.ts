// `goproxyctl use`: a profile, applied and verified (what the CLI and the tray call).
export { planUse, commitUse, type UseRequest, type UsePlan, type UseResult } from './use-profile.js';
export { profileVars, type ProfileVars } from './profile-vars.js';
export { verifyApply, cleanGoEnv, type VerifyReport, type VerifyOptions, type Mismatch, type ContextResult, type VerifyContext } from './verify-apply.js';
export { bashEnvAfter, shellEnvAfter, parseEnv0, type ShellEnvResult, type TerminalShell } from './shell-env.js';
export { goEnvJson } from './go-env-json.js';
export { goAtLeast, parseGoVersion } from '../../../shared/go/version.js';
export { findOnPath } from '../system/find-on-path.js';
export { execFileRunner } from './windows-runner.js';
export { UseInputError } from './errors.js';
export { activeProfileFromHistory, syncActiveProfile } from './active-after-undo.js';
