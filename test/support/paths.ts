// Paths tests need: the repository root (tests run from dist/test/...), and the built CLI.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url)); // <root>/dist/test/support
export const repoRoot = path.resolve(here, '..', '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'goproxyctl.js');
