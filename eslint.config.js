import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './eslint-rules/layers.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test/fixtures/**', '.lab-run/**'] },
  js.configs.recommended,
  // Type-aware: the rules see the types tsc sees (floating promises, `any` leaking in, needless
  // assertions). The project service gives each file the tsconfig.json that includes it, so every
  // layer is linted with the same compiler options it is built with.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // vite.config.ts belongs to no layer's project; it gets the base options (with @types/node).
        projectService: { allowDefaultProject: ['vite.config.ts'], defaultProject: 'tsconfig.base.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    plugins: { layers },
    rules: {
      'layers/enforce': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // node:test's test()/describe() return a promise the runner itself awaits and reports on:
      // a top-level call is the intended use, not a floating promise.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
      }],
      // Rejecting with a caught error or an abort reason (typed unknown) passes it on unchanged, as
      // `throw err` does (only-throw-error allows unknown by default): the same rule for both.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  // The few plain JavaScript files (scripts, build helpers, this config) are in no TypeScript project.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs', 'electron/**', 'test/**', 'scripts/**'], languageOptions: { globals: globals.node } },
  // React's rules of hooks, and complete effect/memo dependency lists (the classic two rules; the
  // plugin's React Compiler rules are not adopted: the app does not use the compiler).
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
