// `goproxyctl profiles edit <id>`: the profile's JSON in the user's editor ($VISUAL, $EDITOR,
// else vi), run the way git runs it (through the shell, so "code --wait" works), then validated as a
// whole. Nothing is saved unless the edited document is one valid profile with the same id; an
// invalid edit is kept in the product's state folder with the command that imports it once fixed,
// so no typing is lost. The temporary copy lives in a private folder and never outlives the command.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serializeProfile } from '../../shared/profile/document.js';
import type { Profile } from '../../shared/profile/types.js';
import { joinedProblems, validateProfile } from '../../shared/profile/validate.js';
import { productDirs } from '../core/apply/product-dirs.js';
import type { ProfileStore } from '../core/profiles/profile-store.js';
import { UsageError, type CliIo } from './command.js';
import { localeOfCli } from './lang.js';
import { render } from '../../shared/i18n/catalog.js';
import { msg, type Message } from '../../shared/i18n/message.js';

export async function editInEditor(id: string, store: ProfileStore, io: CliIo): Promise<Profile> {
  const words = (m: Message): string => render(localeOfCli(io.lang), m);
  const original = await store.get(id);
  const listed = (await store.list()).find((l) => l.profile.id === id);
  if (listed?.origin !== 'user') throw new UsageError(words(msg('apply.edit.not-yours', { id })));
  const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
  const state = productDirs(io.env).state;
  await mkdir(state, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(state, 'edit-'));
  const file = path.join(dir, `${id}.json`);
  try {
    await writeFile(file, serializeProfile(original), { mode: 0o600 });
    const code = await runEditor(editor, file, io);
    if (code !== 0) throw new UsageError(words(msg('apply.edit.editor-failed', { editor, code, id })));
    const text = await readFile(file, 'utf8');
    const problems = editProblems(text, id);
    if (problems.profile) {
      await store.update(problems.profile);
      return problems.profile;
    }
    const kept = path.join(state, `${id}.edited.json`);
    await writeFile(kept, text, { mode: 0o600 });
    throw new UsageError(words(msg('apply.edit.invalid', { id, errors: joinedProblems(problems.errors), kept })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The edited text as the same profile, or why not. Pure. */
export function editProblems(text: string, id: string): { profile: Profile; errors?: never } | { profile?: never; errors: Message[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { errors: [msg('apply.edit.not-json', { error: (err as Error).message })] };
  }
  const checked = validateProfile(value);
  if (!checked.ok) return { errors: checked.errors };
  if (checked.profile.id !== id) return { errors: [msg('apply.edit.id-changed', { id: checked.profile.id })] };
  return { profile: checked.profile };
}

function runEditor(editor: string, file: string, io: CliIo): Promise<number> {
  return new Promise((resolve, reject) => {
    // A command line, as git runs core.editor: sh on POSIX, cmd.exe on Windows; both read "…" quoting.
    const child = spawn(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env: io.env, cwd: io.cwd });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
