// The apply engine: what the CLI (`goproxyctl use / undo`) and the tray call.
export { planApply, commitApply, type ApplyRequest, type ApplyPlan, type PlannedFile, type FileRole, type CommitOptions } from './plan.js';
export { applyFiles, ApplyRefusedError, type FileChange, type ApplyFilesOptions } from './apply-files.js';
export { undoLastApply, listApplies, UndoConflictError, type UndoOptions } from './undo.js';
export type { ApplyRecord, ApplySummary, ApplyFileRecord, ApplyStatus, FileBefore } from './apply-journal.js';
export { atomicWrite, removeOrphanedTemps, WriteRefusedError, type AtomicWriteOptions } from './atomic-write.js';
export { resolveLinkChain, type ResolvedPath } from './resolve-link.js';
export { writeRefusal, fileRefusal, directoryRefusal } from './writability.js';
export { withWriterLock, LockBusyError, type WriterLockOptions, type HeldLock } from './writer-lock.js';
export { writeManagedBlock, removeManagedBlock, readManagedBlock, ManagedBlockError, BEGIN_MARKER, END_MARKER, type ManagedBlock } from './managed-block.js';
export { SHELLS, shellTarget, defaultShells, loginShell, managedBlockFor, type ShellName, type ShellTarget } from './shells.js';
export { renderEnvSh, renderEnvFish, renderEnvPs1, shQuote, fishQuote, pwshQuote, type GoVars } from './env-scripts.js';
export { goEnvFilePath, goEnvFilePathFromGo, type GoEnvLocation } from './go-env-path.js';
export { goEnvApply, goEnvWrite, goEnvUnset } from './go-env-file.js';
export { goEnvProblem, goEnvProblems } from './go-env-validate.js';
export { planGoEnv, writeGoEnv, locateGoEnv, assertGoEnvFileReadable, GoEnvError, type GoEnvChange, type GoEnvOptions } from './go-env-write.js';
export { productDirs, homeDir, PRODUCT_NAME, type ProductDirs } from './product-dirs.js';
export { unifiedDiff } from './unified-diff.js';
export {
  readWindowsUserEnv,
  writeWindowsUserEnv,
  restoreWindowsUserEnv,
  parseRegQueryValue,
  type CommandRunner,
  type CommandResult,
} from './windows-user-env.js';
