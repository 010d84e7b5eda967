// `goproxyctl undo [--list] [--force]`: put back, byte for byte, every file the last apply changed
// (rc files, the product's env scripts, the go env file), or list the history of applies.
import { listApplies, LockBusyError, productDirs, undoLastApply, UndoConflictError, type ApplyRecord, type ApplySummary } from '../../core/apply/index.js';
import { syncActiveProfile } from '../../core/use/active-after-undo.js';
import { execFileRunner } from '../../core/use/windows-runner.js';
import { terminalSafe } from '../../../shared/util/terminal-safe.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo } from '../command.js';

export const command: CliCommand = {
  name: 'undo',
  summary: 'cli.undo.summary',
  usage: {
    lines: ['goproxyctl undo [options]'],
    about: 'cli.undo.about',
    options: {
      list: { text: 'cli.undo.option.list' },
      force: { text: 'cli.undo.option.force' },
    },
    examples: ['goproxyctl undo --list', 'goproxyctl undo'],
    exits: [
      [0, 'cli.undo.exit.ok'],
      [1, 'cli.undo.exit.failed'],
    ],
  },
  options: {
    list: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
  async run(args, io) {
    if (args.values.list && args.values.force) throw new UsageError('--force applies to undoing, not to --list: give one of them');
    const dirs = productDirs(io.env);
    if (args.values.list) {
      const applies = await listApplies(dirs);
      if (args.values.json) writeJson(io, { applies });
      else io.stdout.write(renderHistory(applies));
      return EXIT.ok;
    }
    let record: ApplyRecord | null;
    try {
      record = await undoLastApply({ dirs, force: args.values.force === true, runner: process.platform === 'win32' ? execFileRunner : undefined, lock: { signal: io.signal } });
    } catch (err) {
      if (err instanceof UndoConflictError || err instanceof LockBusyError) return refuse(io, args.values.json === true, err);
      throw err;
    }
    if (!record) {
      if (args.values.json) writeJson(io, { undone: null });
      else io.stderr.write('goproxyctl undo: there is no apply to undo; `goproxyctl undo --list` shows the history.\n');
      return EXIT.failed;
    }
    // The active profile follows the files: it is the one of the newest apply still in effect.
    const activeProfile = await syncActiveProfile(await listApplies(dirs), { env: io.env });
    if (args.values.json) writeJson(io, { undone: { id: record.id, label: record.label, appliedAt: record.startedAt, files: record.files.map((f) => f.path) }, activeProfile });
    else {
      // The label names a profile, possibly a subscription's: shown terminal-safe, like the paths.
      io.stdout.write(`Undid "${terminalSafe(record.label)}" (applied ${terminalSafe(record.startedAt)}); restored:\n`);
      for (const f of record.files) io.stdout.write(`  ${terminalSafe(f.path)}${f.before.kind === 'absent' ? ' (removed: the apply created it)' : ''}\n`);
      io.stdout.write(activeProfile ? `Active profile: ${terminalSafe(activeProfile)}.\n` : 'No profile is active now.\n');
    }
    return EXIT.ok;
  },
};

function refuse(io: CliIo, json: boolean, err: Error): number {
  if (json) writeJson(io, { undone: null, error: err.message, ...(err instanceof UndoConflictError ? { editedFiles: err.files } : {}) });
  io.stderr.write(`goproxyctl undo: ${terminalSafe(err.message)}.\n`);
  return EXIT.failed;
}

function renderHistory(applies: readonly ApplySummary[]): string {
  if (applies.length === 0) return 'No applies yet.\n';
  return applies.map((a) => `${terminalSafe(a.time)}  ${a.status.padEnd(11)}  ${terminalSafe(a.label)}  (${a.files.length} file${a.files.length === 1 ? '' : 's'})\n`).join('');
}
