// Which files lint reads, and with which syntax: a walk of the given directories that skips
// .git, node_modules, vendor and whatever the .gitignore files on the way ignore.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { msg } from '../../../shared/i18n/message.js';
import type { LintFileKind } from '../../../shared/lint/types.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

/** A path lint cannot read: the sentence as a message, rendered in the user's language by the front end. */
export class LintPathError extends MessageError {
  override name = 'LintPathError';
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'vendor']);

/** The file kind from the file's name and place, or null for a file lint does not read. */
export function fileKindOf(file: string): LintFileKind | null {
  const base = path.basename(file);
  const posix = file.split(path.sep).join('/');
  if (/^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(GNU)?makefile$/i.test(base) || /\.mk$/i.test(base)) return 'makefile';
  if (/\.ya?ml$/i.test(base)) {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(posix) || /^action\.ya?ml$/.test(base)) return 'github-actions';
    if (/(^|\.)gitlab-ci\.ya?ml$/i.test(base)) return 'gitlab-ci';
    if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(base)) return 'docker-compose';
    if (/^\.travis\.ya?ml$/i.test(base)) return 'travis';
    if (/^\.?goreleaser([.-][\w.-]+)?\.ya?ml$/i.test(base)) return 'goreleaser';
    return null;
  }
  if (/\.(sh|bash|zsh|ksh)$/i.test(base) || base === '.envrc' || /\.envrc$/.test(base)) return 'shell';
  return null;
}

export interface FoundFile {
  file: string;
  kind: LintFileKind;
}

/** Files to lint under the given paths; an explicit file of an unknown kind is an error. */
export async function discoverFiles(paths: readonly string[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => null);
    if (st === null) throw new LintPathError(msg('lint.cli.no-such-path', { path: p }));
    if (st.isFile()) {
      const kind = fileKindOf(p);
      if (kind === null) throw new LintPathError(msg('lint.cli.not-lintable', { path: p }));
      found.push({ file: p, kind });
      continue;
    }
    await walk(p, [], found);
  }
  // `lint . Dockerfile` names a file twice: read it once.
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = path.resolve(f.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function walk(dir: string, ignores: { dir: string; rules: Ignore }[], found: FoundFile[]): Promise<void> {
  const gitignore = await readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => null);
  const here = gitignore === null ? ignores : [...ignores, { dir, rules: ignore().add(gitignore) }];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const isDir = e.isDirectory();
    if (isDir && SKIPPED_DIRS.has(e.name)) continue;
    if (here.some((g) => g.rules.ignores(path.relative(g.dir, full).split(path.sep).join('/') + (isDir ? '/' : '')))) continue;
    if (isDir) await walk(full, here, found);
    else if (e.isFile()) {
      const kind = fileKindOf(full);
      if (kind) found.push({ file: full, kind });
    }
  }
}
