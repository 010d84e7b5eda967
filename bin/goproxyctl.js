#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
// In the packaged app this file runs on the app's own binary, started by the launcher that
// "Install command-line tool" puts on PATH (electron/core/cli-install/launcher.ts) with
// ELECTRON_RUN_AS_NODE=1. That variable must not reach the programs the CLI starts: an Electron
// program among them (an editor, a browser opened by `serve`) would run as Node instead of itself.
delete process.env.ELECTRON_RUN_AS_NODE;
import('../dist/electron/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/electron/cli/main.js')) {
    console.error('goproxyctl: the CLI is not built yet; run `npm run build` in the goproxyctl checkout.');
    process.exit(2);
  }
  throw err;
});
