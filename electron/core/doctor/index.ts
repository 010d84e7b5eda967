export { gatherDoctorSnapshot, scanRcFile, type GatherOptions, type Gathered } from './gather.js';
export { rcFilesToScan, type RcFile } from './rc-files.js';
export { projectFacts, parseGoMod, ProjectDirError } from './project-facts.js';
export { fixShadowedByOsEnv, commentOutLines, MOVED_MARKER, type FixOptions, type FixResult } from './fix-shadowed.js';
