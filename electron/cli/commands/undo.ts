// `goproxyctl undo [--list] [--force]`: put back, byte for byte, every file the last apply changed
// (rc files, the product's env scripts, the go env file), or list the history of applies.
import { listApplies, LockBusyError, productDirs, undoLastApply, UndoConflictError, type ApplyRecord, type ApplySummary } from '../../core/apply/index.js';
import { syncActiveProfile } from '../../core/use/active-after-undo.js';
import { execFileRunner } from '../../core/use/windows-runner.js';
import { terminalSafe } from '../../../shared/util/terminal-safe.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale } from '../../../shared/i18n/message.js';
import { applyLabelMessage } from '../../../shared/ui/apply-label.js';
import { formatDateTime } from '../../../shared/ui/format.js';
import { localeOfCli } from '../lang.js';
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
    const locale = localeOfCli(io.lang);
    if (args.values.list && args.values.force) throw new UsageError(render(locale, msg('apply.undo.force-with-list')));
    const dirs = productDirs(io.env);
    if (args.values.list) {
      const applies = await listApplies(dirs);
      if (args.values.json) writeJson(io, { applies: applies.map((a) => ({ ...a, ...labelJson(locale, a.label) })) });
      else io.stdout.write(renderHistory(applies, locale));
      return EXIT.ok;
    }
    let record: ApplyRecord | null;
    try {
      record = await undoLastApply({ dirs, force: args.values.force === true, runner: process.platform === 'win32' ? execFileRunner : undefined, lock: { signal: io.signal } });
    } catch (err) {
      if (err instanceof UndoConflictError || err instanceof LockBusyError) return refuse(io, args.values.json === true, err, locale);
      throw err;
    }
    if (!record) {
      if (args.values.json) writeJson(io, { undone: null });
      else io.stderr.write(`goproxyctl undo: ${render(locale, msg('apply.undo.nothing'))}\n`);
      return EXIT.failed;
    }
    // The active profile follows the files: it is the one of the newest apply still in effect.
    const activeProfile = await syncActiveProfile(await listApplies(dirs), { env: io.env });
    if (args.values.json) writeJson(io, { undone: { id: record.id, ...labelJson(locale, record.label), appliedAt: record.startedAt, files: record.files.map((f) => f.path) }, activeProfile });
    else {
      // The label names a profile, possibly a subscription's: shown terminal-safe, like the paths.
      const say = (m: Parameters<typeof render>[1]): void => void io.stdout.write(`${render(locale, m)}\n`);
      say(msg('apply.undo.undid', { label: terminalSafe(labelText(locale, record.label)), time: formatDateTime(locale, record.startedAt) }));
      for (const f of record.files) say(msg(f.before.kind === 'absent' ? 'apply.undo.removed' : 'apply.undo.restored', { path: terminalSafe(f.path) }));
      say(activeProfile ? msg('apply.undo.active', { profile: terminalSafe(activeProfile) }) : msg('apply.undo.none-active'));
    }
    return EXIT.ok;
  },
};

function refuse(io: CliIo, json: boolean, err: UndoConflictError | LockBusyError, locale: Locale): number {
  const text = render(locale, err.detail);
  if (json) writeJson(io, { undone: null, error: text, errorMessage: err.detail, ...(err instanceof UndoConflictError ? { editedFiles: err.files } : {}) });
  io.stderr.write(`goproxyctl undo: ${terminalSafe(text)}${locale === 'zh-CN' ? '。' : '.'}\n`);
  return EXIT.failed;
}

/** The journal's label in the command's language (a label of an unknown form as written). */
function labelText(locale: Locale, label: string): string {
  const message = applyLabelMessage(label);
  return message ? render(locale, message) : label;
}

/** --json: the label as the journal wrote it (scripts match it), its words in the command's language, and the message. */
function labelJson(locale: Locale, label: string): { label: string; labelText: string; labelMessage: ReturnType<typeof applyLabelMessage> } {
  return { label, labelText: labelText(locale, label), labelMessage: applyLabelMessage(label) };
}

function renderHistory(applies: readonly ApplySummary[], locale: Locale): string {
  if (applies.length === 0) return `${render(locale, msg('apply.undo.no-history'))}\n`;
  const statuses = applies.map((a) => render(locale, msg(`apply.status.${a.status}`)));
  const width = Math.max(...statuses.map((s) => s.length));
  return applies
    .map((a, i) => {
      const values = { time: formatDateTime(locale, a.time), status: statuses[i]!.padEnd(width), label: terminalSafe(labelText(locale, a.label)), count: a.files.length };
      return `${terminalSafe(render(locale, msg(a.files.length === 1 ? 'apply.undo.history.one' : 'apply.undo.history.many', values)))}\n`;
    })
    .join('');
}
