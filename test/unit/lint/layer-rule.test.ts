// Proves the layer rule bites: files that break it are rejected by the project's real ESLint
// configuration, and files that respect it pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from '../../support/paths.js';

// The files below exist only as text, so no TypeScript project holds them: the type-aware rules
// (and the project service that would refuse such a file) are switched off; every other rule of
// the real configuration, the layer rule among them, still applies.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  const messages = result?.messages ?? [];
  // A file ESLint could not parse reports no rule at all: that must fail, never pass as "no layer error".
  const fatal = messages.filter((m) => m.fatal === true);
  assert.deepEqual(fatal.map((m) => m.message), [], `${filePath} did not lint`);
  return messages.filter((m) => m.ruleId === 'layers/enforce').map((m) => m.message);
}

const rejected: Array<[string, string, RegExp]> = [
  ['shared/go/evil.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`, /Node module "node:fs"/],
  ['shared/go/evil.ts', `import path from 'path';\nexport const x = path;`, /Node module "path"/],
  ['shared/go/evil.ts', `import { request } from 'undici';\nexport const x = request;`, /package "undici"/],
  ['shared/go/evil.ts', `import { x } from '../../electron/core/thing.js';\nexport const y = x;`, /shared\/ may not import from core\//],
  ['shared/go/evil.ts', `export const m = await import('node:os');`, /Node module "node:os"/],
  ['electron/core/evil.ts', `import { app } from 'electron';\nexport const a = app;`, /only electron\/app/],
  ['electron/cli/evil.ts', `import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;`, /only electron\/app/],
  ['electron/cli/evil.ts', `export { x } from '../app/main.js';`, /cli\/ may not import from app\//],
  ['electron/core/evil.ts', `const e = require('electron');\nexport default e;`, /only electron\/app/],
  ['renderer/evil.tsx', `import fs from 'node:fs';\nexport const f = fs;`, /Node module "node:fs"/],
  ['renderer/evil.tsx', `import { readGoConfig } from '../electron/core/goenv/read-config.js';\nexport const r = readGoConfig;`, /renderer\/ may not import from core\//],
  ['renderer/evil.tsx', `import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;`, /only electron\/app/],
  ['electron/preload/evil.ts', `import { readGoConfig } from '../core/goenv/read-config.js';\nexport const r = readGoConfig;`, /preload\/ may not import from core\//],
];

for (const [file, code, expected] of rejected) {
  test(`rejects: ${file}: ${code.split('\n')[0]}`, async () => {
    const errors = await layerErrors(file, code);
    assert.equal(errors.length, 1, `expected one layer error, got ${JSON.stringify(errors)}`);
    assert.match(errors[0]!, expected);
  });
}

const allowed: Array<[string, string]> = [
  ['shared/go/fine.ts', `import { x } from './other.js';\nexport const y = x;`],
  ['electron/core/fine.ts', `import { readFile } from 'node:fs/promises';\nimport { request } from 'undici';\nimport { x } from '../../shared/go/other.js';\nexport const y = [readFile, request, x];`],
  ['electron/cli/fine.ts', `import { x } from '../core/goenv/read-config.js';\nexport const y = x;`],
  ['electron/app/fine.ts', `import { app } from 'electron';\nimport { x } from '../core/goenv/read-config.js';\nexport const y = [app, x];`],
  ['electron/preload/fine.ts', `import { contextBridge } from 'electron';\nimport type { X } from '../../shared/contract.js';\nexport const c: [typeof contextBridge, X?] = [contextBridge];`],
  ['renderer/fine.tsx', `import { useState } from 'react';\nimport { create } from 'zustand';\nimport { x } from '../shared/go/other.js';\nexport const y = [useState, create, x];`],
];

for (const [file, code] of allowed) {
  test(`allows: ${file}`, async () => {
    assert.deepEqual(await layerErrors(file, code), []);
  });
}

test('the committed fixture that violates the rule is rejected when linted as a shared/ file', async () => {
  const code = await readFile(path.join(repoRoot, 'test/fixtures/layer-violations/shared-imports-node.ts'), 'utf8');
  const errors = await layerErrors('shared/fixture-copy.ts', code);
  assert.ok(errors.length >= 2, `expected the fixture to break the rule twice, got ${JSON.stringify(errors)}`);
});
