// What the real go reports for some variables in a given environment: `go env -json NAME...`.
// The go binary is the final judge of what go uses.
import { execFile } from 'node:child_process';

export function goEnvJson(goBinary: string, names: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    // GOTOOLCHAIN=local: a go.mod in cwd must not make this query download another toolchain.
    execFile(goBinary, ['env', '-json', ...names], { env: { ...env, GOTOOLCHAIN: 'local' }, cwd, timeout: 20_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`\`${goBinary} env -json\` failed: ${String(stderr).trim().split('\n')[0] || err.message}`));
      try {
        resolve(JSON.parse(stdout) as Record<string, string>);
      } catch {
        reject(new Error(`\`${goBinary} env -json\` printed something that is not JSON`));
      }
    });
  });
}
