// Shared by the apply tests: a throw-away HOME (never the real one) and the environment that
// points every lookup (XDG dirs, go's env file, the product's dirs) into it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempHome as makeTempHomeIn, type TempHome } from '../../support/temp-home.js';

export type { TempHome };

export const GO123 = '/usr/lib/go-1.23/bin/go';
export const GO119 = '/usr/lib/go-1.19/bin/go';
export const goBinaries = [GO123, GO119].filter((g) => existsSync(g));

/** Every apply test runs in its own temporary HOME. */
export function makeTempHome(): Promise<TempHome> {
  return makeTempHomeIn('goproxyctl-apply-home-');
}

/** A compiled helper script next to this file (dist/test/integration/apply/<name>.js). */
export function helperScript(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), `${name}.js`);
}
