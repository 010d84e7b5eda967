// The whole apply engine on a corpus of awkward dotfiles under a temporary HOME, with the real go:
// dry run writes nothing; apply writes through links and keeps modes and foreign bytes; a second
// apply touches only goproxyctl's own files; undo restores every byte; a read-only file stops the
// whole apply; a failed write rolls back.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ApplyRefusedError, applyFiles } from '../../../electron/core/apply/apply-files.js';
import { readManagedBlock } from '../../../electron/core/apply/managed-block.js';
import { commitApply, planApply, type ApplyRequest } from '../../../electron/core/apply/plan.js';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { listApplies, undoLastApply, UndoConflictError } from '../../../electron/core/apply/undo.js';
import { GO123, makeTempHome, type TempHome } from './helpers.js';
import { differences, snapshot } from './snapshot.js';

const run = promisify(execFile);
// Not "the user's files": the product's own history and lock (XDG data and state dirs under
// ~/.local), go's caches, and go 1.23's telemetry counters, which every go command run updates.
const NOT_USER_FILES = ['.local', '.cache', 'go', '.config/go/telemetry'];

const china = { GOPROXY: 'https://goproxy.cn|https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.google.cn', GOPRIVATE: null, GONOSUMDB: null };
const global = { GOPROXY: 'https://proxy.golang.org|direct', GOSUMDB: 'sum.golang.org', GOPRIVATE: '*.corp.example', GONOSUMDB: null };

const chattr = ['/usr/bin/chattr', '/bin/chattr'].find((p) => existsSync(p));

let t: TempHome;
let paths: { bashrcTarget: string; zshrc: string; pwshProfile: string; goEnv: string };

beforeEach(async () => {
  t = await makeTempHome();
  const h = (...p: string[]) => path.join(t.home, ...p);
  // ~/.bashrc -> dotfiles/bashrc-link -> bash/bashrc (a dotfile manager's chain), LF, non-UTF-8, no final newline, 0600.
  await mkdir(h('dotfiles', 'bash'), { recursive: true });
  const bashrcTarget = h('dotfiles', 'bash', 'bashrc');
  await writeFile(bashrcTarget, Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\nalias ll='ls -l'\nexport EDITOR=vim")]), { mode: 0o600 });
  await chmod(bashrcTarget, 0o600);
  await symlink('bash/bashrc', h('dotfiles', 'bashrc-link'));
  await symlink('dotfiles/bashrc-link', h('.bashrc'));
  // ~/.zshrc: BOM + CRLF.
  await writeFile(h('.zshrc'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('setopt autocd\r\nexport PAGER=less\r\n')]));
  // fish in use (config.fish exists); PowerShell profile of 5 MB.
  await mkdir(h('.config', 'fish'), { recursive: true });
  await writeFile(h('.config', 'fish', 'config.fish'), 'set -gx EDITOR vim\n');
  await mkdir(h('.config', 'powershell'), { recursive: true });
  const pwshProfile = h('.config', 'powershell', 'Microsoft.PowerShell_profile.ps1');
  await writeFile(pwshProfile, Buffer.alloc(5 * 1024 * 1024, 'Set-Alias g git\r\n'));
  // A go env file written by the real go, with a comment added by hand.
  const goEnv = h('.config', 'go', 'env');
  await run(GO123, ['env', '-w', 'GOFLAGS=-mod=mod', 'GOPRIVATE=old.corp.example'], { env: t.env });
  await writeFile(goEnv, '# hand-written comment\n' + (await readFile(goEnv, 'utf8')));
  paths = { bashrcTarget, zshrc: h('.zshrc'), pwshProfile, goEnv };
});
afterEach(() => t.cleanup());

function request(vars: ApplyRequest['vars'], label: string): ApplyRequest {
  return { label, vars, env: t.env, platform: 'linux', goBinary: GO123 };
}

async function goSees(extraEnv: NodeJS.ProcessEnv = {}): Promise<Record<string, string>> {
  return JSON.parse((await run(GO123, ['env', '-json', 'GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GOFLAGS'], { env: { ...t.env, ...extraEnv } })).stdout) as Record<string, string>;
}

describe('apply and undo on a corpus of dotfiles', () => {
  it('dry run, apply, second apply, undo, undo: byte-identical at every step', async () => {
    const original = await snapshot(t.home, NOT_USER_FILES);

    const plan = await planApply(request(china, 'use china'));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.shells, ['bash', 'zsh', 'fish', 'pwsh'], 'login shell bash, plus zsh, fish and pwsh found in use');
    assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), [], 'the dry run wrote nothing');
    const goEnvPlan = plan.files.find((f) => f.role === 'go-env');
    assert.match(goEnvPlan?.diff ?? '', /^\+GOPROXY=https:\/\/goproxy\.cn\|https:\/\/proxy\.golang\.org,direct$/m);
    assert.match(goEnvPlan?.diff ?? '', /^-GOPRIVATE=old\.corp\.example$/m);

    const first = await commitApply(plan);
    assert.ok(first);
    const afterFirst = await snapshot(t.home, NOT_USER_FILES);

    // Links are still links, written through; mode kept; foreign bytes and style kept.
    assert.ok((await lstat(path.join(t.home, '.bashrc'))).isSymbolicLink());
    assert.ok((await lstat(path.join(t.home, 'dotfiles', 'bashrc-link'))).isSymbolicLink());
    assert.equal((await stat(paths.bashrcTarget)).mode & 0o7777, 0o600);
    const bashrc = await readFile(paths.bashrcTarget);
    assert.deepEqual([...bashrc.subarray(5, 7)], [0xe9, 0xff]);
    assert.ok(readManagedBlock(bashrc));
    assert.ok(!bashrc.toString('latin1').endsWith('\n'), 'still no final newline');
    const zshrc = (await readFile(paths.zshrc)).toString('latin1');
    assert.ok(zshrc.startsWith('\xef\xbb\xbfsetopt autocd\r\n'), 'the BOM stays first');
    // zsh does not strip CR: the user's lines keep CRLF, the block is LF so that its `. env.sh` runs.
    assert.ok(zshrc.startsWith('\xef\xbb\xbfsetopt autocd\r\nexport PAGER=less\r\n# >>> goproxyctl >>>\n'), zshrc);
    assert.ok(zshrc.endsWith('# <<< goproxyctl <<<\n'), 'the block of a CRLF file is LF');
    assert.equal(await readFile(path.join(t.home, '.config', 'fish', 'config.fish'), 'utf8'), 'set -gx EDITOR vim\n', 'fish: config.fish untouched');
    assert.match(await readFile(path.join(t.home, '.config', 'fish', 'conf.d', 'goproxyctl.fish'), 'utf8'), /source/);

    // The real go sees the profile, from a clean environment and from a shell that reads ~/.bashrc.
    const clean = await goSees();
    assert.equal(clean.GOPROXY, china.GOPROXY);
    assert.equal(clean.GOSUMDB, china.GOSUMDB);
    assert.equal(clean.GOPRIVATE, '');
    assert.equal(clean.GOFLAGS, '-mod=mod', 'a variable the profile does not name is kept');
    const viaBash = await run('bash', ['-c', `. ~/.bashrc; "${GO123}" env GOPROXY GOPRIVATE`], { env: { ...t.env, GOPRIVATE: 'exported.elsewhere' } });
    assert.equal(viaBash.stdout, `${china.GOPROXY}\n\n`, 'the block unsets what the profile leaves unset');

    // Second apply: only goproxyctl's own files (env scripts) and the go env file change.
    const second = await commitApply(await planApply(request(global, 'use global')));
    assert.ok(second);
    assert.deepEqual(second.files.map((f) => f.role).sort(), ['env-script', 'env-script', 'env-script', 'go-env']);
    assert.equal((await goSees()).GOPROXY, global.GOPROXY);

    // Applying the same profile again changes nothing and records nothing.
    assert.equal(await commitApply(await planApply(request(global, 'use global again'))), null);

    const undone = await undoLastApply({ dirs: productDirs(t.env, 'linux') });
    assert.equal(undone?.id, second.id);
    assert.deepEqual(differences(afterFirst, await snapshot(t.home, NOT_USER_FILES)), [], 'first undo: back to the state after the first apply');
    await undoLastApply({ dirs: productDirs(t.env, 'linux') });
    assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), [], 'second undo: every file, link and directory as before');
    assert.equal(await undoLastApply({ dirs: productDirs(t.env, 'linux') }), null, 'nothing left to undo');

    const history = await listApplies(productDirs(t.env, 'linux'));
    assert.deepEqual(history.map((h) => [h.label, h.status]), [['use global', 'undone'], ['use china', 'undone']]);
    assert.ok(history[1]!.files.includes(path.join(t.home, '.bashrc')));
  });

  it('a read-only file stops the whole apply before anything is written', async () => {
    await chmod(paths.zshrc, 0o444);
    const original = await snapshot(t.home, NOT_USER_FILES);
    const plan = await planApply(request(china, 'use china'));
    assert.equal(plan.problems.length, 1);
    assert.match(plan.problems[0]!, /\.zshrc is read-only \(mode 0444\)/);
    await assert.rejects(commitApply(plan), (err: Error) => err instanceof ApplyRefusedError && /\.zshrc is read-only/.test(err.message));
    assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), []);
    assert.deepEqual(await listApplies(productDirs(t.env, 'linux')), [], 'no history, no backups');
  });

  it('an invalid profile value is refused before anything is written', async () => {
    const original = await snapshot(t.home, NOT_USER_FILES);
    const plan = await planApply(request({ GOPROXY: 'bogus' }, 'bad'));
    assert.match(plan.problems.join(' '), /invalid proxy URL missing scheme: bogus/);
    await assert.rejects(commitApply(plan), ApplyRefusedError);
    assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), []);
  });

  it('a failed write rolls back the files already written', { skip: chattr ? false : 'chattr is not available to make a file append-only' }, async (ctx) => {
    const dirs = productDirs(t.env, 'linux');
    // An append-only file (chattr +a) passes the mode-bit checks, but even root cannot replace it:
    // the failure happens at the rename, after two other files were already written.
    const appendOnly = path.join(t.home, 'append-only-rc');
    await writeFile(appendOnly, 'locked\n');
    try {
      await run(chattr!, ['+a', appendOnly]);
    } catch (err) {
      ctx.skip(`chattr +a is not permitted here: ${(err as Error).message}`);
      return;
    }
    try {
      const original = await snapshot(t.home, NOT_USER_FILES);
      const changes = [
        { path: path.join(t.home, '.bashrc'), after: Buffer.from('replaced\n') },
        { path: path.join(t.home, 'new-dir', 'new-file'), after: Buffer.from('created\n') },
        { path: appendOnly, after: Buffer.from('never\n') },
      ];
      await assert.rejects(applyFiles(changes, { dirs, label: 'doomed' }), /could not write .*append-only-rc .*every file already written was restored/);
      assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), [], 'links, bytes, modes restored; created file and directory removed');
      assert.deepEqual((await listApplies(dirs)).map((h) => h.status), ['rolled-back']);
      assert.equal(await undoLastApply({ dirs }), null, 'a rolled-back apply is not undone again');
    } finally {
      await run(chattr!, ['-a', appendOnly]);
    }
  });

  it('undo refuses to overwrite later edits unless forced', async () => {
    const dirs = productDirs(t.env, 'linux');
    const original = await snapshot(t.home, NOT_USER_FILES);
    await commitApply(await planApply(request(china, 'use china')));
    await writeFile(paths.zshrc, 'edited by the user after the apply\n');
    await assert.rejects(undoLastApply({ dirs }), (err: Error) => err instanceof UndoConflictError && err.message.includes('.zshrc'));
    await undoLastApply({ dirs, force: true });
    assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), []);
  });

  it('GOENV is honoured, and go absent: the env file is written in go format where go will read it', async () => {
    const goenv = path.join(t.home, 'elsewhere', 'go.env');
    const env = { ...t.env, GOENV: goenv };
    const record = await commitApply(await planApply({ label: 'no go', vars: china, env, platform: 'linux', goBinary: null, shells: ['bash'] }));
    assert.ok(record?.files.some((f) => f.finalPath === goenv && f.before.kind === 'absent'));
    assert.equal((await run(GO123, ['env', 'GOPROXY'], { env })).stdout.trim(), china.GOPROXY);
    await undoLastApply({ dirs: productDirs(t.env, 'linux') });
    await assert.rejects(stat(path.dirname(goenv)), /ENOENT/, 'undo removed the file and the directory the apply created');
  });
});
