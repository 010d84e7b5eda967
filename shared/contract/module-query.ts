// What a user types in an explain box ("golang.org/x/text@v0.14.0", "example.com/m", "m@latest")
// into the explain command's request. Pure, so every UI parses it the same way.
import { checkModulePath } from '../go/escape.js';
import { isCanonicalSemver } from '../go/semver.js';

export type ModuleQuery = { ok: true; module: string; version: string | null } | { ok: false; problem: 'empty' | 'bad-path' | 'bad-version'; detail: string };

export function parseModuleQuery(text: string): ModuleQuery {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty', detail: '' };
  const at = trimmed.lastIndexOf('@');
  const module = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const version = at >= 0 ? trimmed.slice(at + 1) : null;
  const pathProblem = checkModulePath(module);
  if (pathProblem !== null) return { ok: false, problem: 'bad-path', detail: pathProblem };
  if (version === null || version === 'latest') return { ok: true, module, version: null };
  if (!isCanonicalSemver(version)) return { ok: false, problem: 'bad-version', detail: version };
  return { ok: true, module, version };
}
