// An apply SIGKILLed part-way, then `goproxyctl undo`: the user's tree is byte-identical to before
// (no new empty folder, no env script, no *.goproxyctl-tmp-* file, no copy of the go env file in
// the system temp folder or the product's state folder). The kill is placed by watching the
// files the apply touches (fs.watch), at a different step in each round: the journal starting,
// the go env copy, the new folder for the env scripts, the temp file of an rc file being replaced.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { readRecords } from '../../../electron/core/apply/apply-journal.js';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, helperScript } from './helpers.js';
import { differences, snapshot } from './snapshot.js';

const run = promisify(execFile);
// The product's own history and state (~/.local: the journal is kept on purpose) and go's own files.
const NOT_USER_FILES = ['.local', '.cache', 'go', '.config/go/telemetry'];

interface Trigger {
  name: string;
  /** Folder (relative to HOME) to watch, and the entry whose appearance fires the kill; null: never kill. */
  dir: string;
  entry: RegExp | null;
}

const TRIGGERS: Trigger[] = [
  { name: 'the journal starts', dir: '.', entry: /^\.local$/ },
  { name: 'go works on its copy of the go env file', dir: '.local/state/goproxyctl', entry: /^\.env\.goproxyctl-tmp-/ },
  { name: 'the go env file is being replaced', dir: '.config/go', entry: /^\.env\.goproxyctl-tmp-/ },
  { name: 'the env scripts folder is created', dir: '.config', entry: /^goproxyctl$/ },
  { name: '.bashrc is being replaced', dir: '.', entry: /^\.bashrc\.goproxyctl-tmp-/ },
  { name: '.zshrc is being replaced', dir: '.', entry: /^\.zshrc\.goproxyctl-tmp-/ },
  { name: 'fish gets its folder', dir: '.config', entry: /^fish$/ },
  { name: 'not killed (control)', dir: '.', entry: null },
];

/** Watches `dir` (creating nothing) and its future subfolders named in the trigger's path; fires once. */
function armKill(home: string, trigger: Trigger, kill: () => void): () => void {
  const watchers: FSWatcher[] = [];
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    kill();
  };
  // The trigger's folder may not exist yet (the state folder is made by the apply): watch the
  // deepest existing ancestor too, and re-arm on the folder once it appears.
  const parts = trigger.dir === '.' ? [] : trigger.dir.split('/');
  const arm = (depth: number): void => {
    const dir = path.join(home, ...parts.slice(0, depth));
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        if (name === null) return;
        if (depth === parts.length) {
          if (trigger.entry?.test(name)) fire();
        } else if (name === parts[depth]) arm(depth + 1);
      });
    } catch {
      return;
    }
    watchers.push(w);
    // The next folder may have appeared between the existence check and the watch.
    if (depth < parts.length && existsSync(path.join(dir, parts[depth]!))) arm(depth + 1);
  };
  if (trigger.entry !== null) {
    let depth = 0;
    while (depth < parts.length && existsSync(path.join(home, ...parts.slice(0, depth + 1)))) depth++;
    arm(depth);
  }
  return () => watchers.forEach((w) => w.close());
}

test('an apply SIGKILLed at any step is undone to a byte-identical tree, temp files and new folders included', { timeout: 600_000 }, async () => {
  let interrupted = 0;
  for (const trigger of TRIGGERS) {
    const root = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-interrupted-'));
    const home = path.join(root, 'home');
    const tmp = path.join(root, 'tmp'); // the system temp folder as the apply and undo see it
    try {
      await mkdir(home);
      await mkdir(tmp);
      const env = { HOME: home, PATH: `${path.dirname(GO123)}:${process.env.PATH ?? '/usr/bin:/bin'}`, SHELL: '/bin/bash', LANG: 'C.UTF-8', TMPDIR: tmp, GOTOOLCHAIN: 'local', GOPROXYCTL_GO: GO123 };
      await writeFile(path.join(home, '.bashrc'), '# mine\nexport EDITOR=vim\n');
      await writeFile(path.join(home, '.zshrc'), 'setopt autocd\r\nexport PAGER=less\r\n');
      // A user who has run go before (go 1.23 keeps telemetry under ~/.config/go) and has a go env file.
      await run(GO123, ['env', '-w', 'GOFLAGS=-mod=mod'], { env });
      const original = await snapshot(home, NOT_USER_FILES);

      const child = spawn(process.execPath, [helperScript('lock-child'), 'apply-now', home, 'https://interrupted.example|direct'], {
        env: { ...process.env, ...env, TEST_GO: GO123 },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      const disarm = armKill(home, trigger, () => child.kill('SIGKILL'));
      const outcome = await exited;
      disarm();
      if (trigger.entry === null) assert.equal(outcome.code, 0, stderr);

      const dirs = productDirs({ HOME: home }, 'linux');
      const pending = (await readRecords(dirs.data)).some((r) => r.status === 'pending');
      if (outcome.signal === 'SIGKILL' && pending) interrupted++;

      const undo = await runCommand(process.execPath, [cliPath, 'undo', '--json'], { env, cwd: home, timeoutMs: 60_000 });
      assert.ok(undo.code === 0 || /"undone": null/.test(undo.stdout), `${trigger.name}: undo failed: ${undo.stderr}`);
      assert.deepEqual(differences(original, await snapshot(home, NOT_USER_FILES)), [], `${trigger.name} (${outcome.signal ?? outcome.code}): the tree differs after undo`);
      assert.deepEqual(await readdir(tmp), [], `${trigger.name}: left files in the system temp folder`);
      const stateLeftovers = (await readdir(dirs.state).catch(() => [] as string[])).filter((n) => n.includes('goproxyctl-tmp') || n.startsWith('.writer.lock-'));
      assert.deepEqual(stateLeftovers, [], `${trigger.name}: left files in the state folder`);
      assert.equal(await readFile(path.join(home, '.bashrc'), 'utf8'), '# mine\nexport EDITOR=vim\n');
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  }
  console.log(`interrupted apply: ${TRIGGERS.length} rounds, ${interrupted} killed with the journal pending, all undone byte for byte`);
  assert.ok(interrupted > 0, 'at least one round was killed in the middle of the writes');
});
