// How the packaged (or `npm start`ed) app runs its own CLI: this Electron binary as Node
// (ELECTRON_RUN_AS_NODE, set by the launcher) with the bundled entry bin/goproxyctl.js, read from
// inside app.asar as Electron's Node can. An AppImage is the exception: it mounts itself at a new
// temporary path on every start, so no launcher written today would find the binary tomorrow.
import { BUNDLED_CLI_ENTRY } from '../core/cli-install/index.js';
import type { CliToolSource } from '../core/service/cli-handlers.js';

export function cliToolSource(opts: { execPath: string; env: NodeJS.ProcessEnv; entry?: string }): CliToolSource {
  if (opts.env.APPIMAGE) return { unavailable: 'appimage' };
  return { runtime: { execPath: opts.execPath, script: opts.entry ?? BUNDLED_CLI_ENTRY } };
}
