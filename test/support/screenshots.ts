// Where the e2e tests save screenshots: a temporary folder, so `npm test` never changes tracked
// files; `GOPROXYCTL_SCREENSHOTS=docs/screenshots npm test` refreshes the README's pictures.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export function screenshotDir(): string {
  const wanted = process.env.GOPROXYCTL_SCREENSHOTS;
  if (wanted) {
    const dir = path.resolve(repoRoot, wanted);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
  return mkdtempSync(path.join(os.tmpdir(), 'goproxyctl-screenshots-'));
}
