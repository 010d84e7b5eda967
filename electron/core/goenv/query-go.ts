// Asks the real go binary for the facts only it knows for sure: its version, its GOROOT
// (which locates $GOROOT/go.env) and the env file path it uses.
import { execFile } from 'node:child_process';

export interface GoFacts {
  binary: string;
  version: string; // e.g. "go1.23.5"
  goroot: string;
  goenv: string; // "" when GOENV=off
}

export function queryGo(binary: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<GoFacts> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ['env', '-json', 'GOVERSION', 'GOROOT', 'GOENV'],
      // GOTOOLCHAIN=local: never let this query download or switch toolchains.
      { env: { ...env, GOTOOLCHAIN: 'local' }, timeout: 15_000, signal, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) {
          const detail = String(stderr).trim().split('\n')[0] || err.message;
          reject(new Error(`\`${binary} env\` failed: ${detail}`));
          return;
        }
        try {
          const v = JSON.parse(stdout) as Record<string, string>;
          resolve({ binary, version: v.GOVERSION ?? '', goroot: v.GOROOT ?? '', goenv: v.GOENV ?? '' });
        } catch {
          reject(new Error(`\`${binary} env -json\` printed something that is not JSON`));
        }
      },
    );
  });
}
