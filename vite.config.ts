// Two bundles from one config:
//   vite build                 the renderer (renderer/) → dist/ui, served by the app:// protocol
//                              in Electron and by `goproxyctl serve` in headless mode;
//   vite build --mode preload  the preload (electron/preload/index.ts) → dist/preload/index.cjs.
// The preload is bundled because Electron's sandboxed preloads are CommonJS and may `require`
// only a few built-in modules ('electron', 'events', 'timers', 'url'): the shared contract it
// imports must be inlined into that single file, which tsc cannot do. tsc still typechecks the
// preload (electron/preload/tsconfig.json); vite only bundles it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ mode }) => {
  if (mode === 'preload') {
    return {
      configFile: false,
      publicDir: false,
      build: {
        outDir: path.join(root, 'dist', 'preload'),
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        target: 'node20',
        lib: { entry: path.join(root, 'electron', 'preload', 'index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
        rollupOptions: { external: ['electron'] },
      },
    };
  }
  return {
    root: path.join(root, 'renderer'),
    base: './',
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: path.join(root, 'dist', 'ui'),
      emptyOutDir: true,
      sourcemap: true,
      target: 'chrome120',
      // The messages of both languages (shared/i18n and the dashboard's own) are a chunk of their
      // own: loaded with the entry, but a file that changes with the words, not with the code.
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'messages', includeDependenciesRecursively: false, test: /[\\/]shared[\\/]i18n[\\/]parts[\\/]|[\\/]renderer[\\/]i18n[\\/](?!i18n\.ts|rich\.tsx)/ }] } },
      },
    },
  };
});
