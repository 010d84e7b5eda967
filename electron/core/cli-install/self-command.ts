// How to run this very CLI again from outside (go running the GOAUTH helper, a login item
// running `serve`): the launcher that started it when there is one, since under Electron's
// binary the launcher is what sets ELECTRON_RUN_AS_NODE; else this node and this script.
import { fileURLToPath } from 'node:url';
import { LAUNCHER_ENV } from './launcher.js';

export function selfCommand(env: NodeJS.ProcessEnv, proc: { execPath: string; argv: readonly string[]; versions: NodeJS.ProcessVersions }): string[] {
  const launcher = env[LAUNCHER_ENV];
  if (launcher) return [launcher];
  // Electron's binary without the launcher would start the app, not the CLI: no command then.
  if (proc.versions.electron !== undefined) return [];
  return proc.argv[1] ? [proc.execPath, proc.argv[1]] : [];
}

/**
 * The CLI's entry script as shipped: bin/goproxyctl.js at the package root, which this file
 * (dist/electron/core/cli-install/self-command.js) is four levels below. In the packaged app
 * that path is inside app.asar, which Electron's Node reads.
 */
export const BUNDLED_CLI_ENTRY = fileURLToPath(new URL('../../../../bin/goproxyctl.js', import.meta.url));
