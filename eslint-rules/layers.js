// The layer rule (docs/development.md, "Layers"), in the spirit of VS Code's
// code-import-patterns rule: every import is resolved to the layer it lands in, and each layer
// has an allow-list. Written here rather than with `no-restricted-imports` because that rule
// matches import *strings*, and a relative path such as `../../electron/core/x.js` only reveals
// its layer once it is resolved against the importing file.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Which layer a repo-relative path belongs to, or null for files outside the layers. */
export function layerOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('electron/core/')) return 'core';
  if (p.startsWith('electron/cli/')) return 'cli';
  if (p.startsWith('electron/app/')) return 'app';
  if (p.startsWith('electron/preload/')) return 'preload';
  if (p.startsWith('renderer/')) return 'renderer';
  return null;
}

/**
 * What each layer may import.
 * layers: repo layers it may reach with a relative import.
 * node: Node built-ins allowed. electron: the 'electron' module allowed.
 * packages: npm packages allowed (true = any except 'electron'; array = only these).
 */
export const LAYER_RULES = {
  shared: { layers: ['shared'], node: false, electron: false, packages: [] },
  core: { layers: ['shared', 'core'], node: true, electron: false, packages: true },
  cli: { layers: ['shared', 'core', 'cli'], node: true, electron: false, packages: true },
  app: { layers: ['shared', 'core', 'app'], node: true, electron: true, packages: true },
  preload: { layers: ['shared', 'preload'], node: false, electron: true, packages: [] },
  renderer: {
    layers: ['shared', 'renderer'],
    node: false,
    electron: false,
    packages: ['react', 'react-dom', 'zustand', '@xyflow/react', 'uplot'],
  },
};

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Returns a message when `spec` imported from the layer `from` (file at `fileRel`) breaks the rule. */
export function checkImport(from, fileRel, spec) {
  const rule = LAYER_RULES[from];
  if (!rule) return null;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(fileRel.split(path.sep).join('/')), spec));
    const to = layerOf(target);
    if (to === null) return `${from}/ may not import "${spec}": it is outside the product's layers`;
    if (!rule.layers.includes(to)) return `${from}/ may not import from ${to}/ ("${spec}")`;
    return null;
  }
  if (NODE_BUILTINS.has(spec) || spec.startsWith('node:')) {
    return rule.node ? null : `${from}/ may not import the Node module "${spec}"`;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron') return rule.electron ? null : `only electron/app and electron/preload may import "electron"`;
  if (rule.packages === true) return null;
  return rule.packages.includes(pkg) ? null : `${from}/ may not import the package "${pkg}"`;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer rule: shared <- core <- cli/app; shared <- renderer' },
    schema: [],
  },
  create(context) {
    const rel = path.relative(context.cwd, context.filename);
    const from = layerOf(rel);
    if (!from) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const message = checkImport(from, rel, source.value);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { enforce: layersRule } };
