#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
import('../dist/electron/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/electron/cli/main.js')) {
    console.error('goproxyctl: the CLI is not built yet; run `npm run build` in the goproxyctl checkout.');
    process.exit(2);
  }
  throw err;
});
