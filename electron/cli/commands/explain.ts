// `goproxyctl explain <module>[@version]`: what go would do for this module, right now,
// with the user's configuration, and the fix when it would fail.
import { renderer } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { localeOfCli } from '../lang.js';
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { parseModuleQuery } from '../../../shared/contract/module-query.js';
import { readGoConfig } from '../../core/goenv/read-config.js';
import { explainModule, type Explanation } from '../../core/explain/explain-module.js';
import { readMainGoSum } from '../../core/explain/go-sum.js';
import { EXIT, UsageError, writeJson, type CliCommand } from '../command.js';
import { describeGo, formatConfigTable, shadowWarnings } from '../format/config-table.js';

export const command: CliCommand = {
  name: 'explain',
  summary: 'cli.explain.summary',
  usage: {
    lines: ['goproxyctl explain <module>[@version] [options]'],
    about: 'cli.explain.about',
    options: { timeout: { value: 'MS', text: 'cli.explain.option.timeout' } },
    examples: ['goproxyctl explain golang.org/x/mod@v0.17.0', 'goproxyctl explain golang.org/x/text --json'],
    exits: [
      [0, 'cli.explain.exit.ok'],
      [1, 'cli.explain.exit.failed'],
    ],
  },
  options: { timeout: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const locale = localeOfCli(io.lang);
    const say = renderer(locale);
    const { module, version } = parseModuleArg(args.positionals, say);
    const timeoutMs = parseTimeout(args.values.timeout, say);
    const snapshot = await readGoConfig(io.env, { signal: io.signal });
    const resolution = await explainModule({
      module,
      version,
      goproxy: snapshot.effective.GOPROXY.value,
      gonoproxy: snapshot.effective.GONOPROXY.value,
      checksum: {
        gosumdb: snapshot.effective.GOSUMDB.value,
        gonosumdb: snapshot.effective.GONOSUMDB.value,
        goinsecure: snapshot.effective.GOINSECURE.value,
        goflags: snapshot.effective.GOFLAGS.value,
        goSum: await readMainGoSum(io.cwd, io.env),
      },
      env: io.env,
      goVersion: snapshot.go?.version ?? null,
      goauth: snapshot.effective.GOAUTH.value,
      timeoutMs,
      signal: io.signal,
    });
    const failed = resolution.servedBy === null;
    if (args.values.json) writeJson(io, explainJson(module, version, resolution, say));
    else io.stdout.write(terminalSafeText(renderHuman(module, version, resolution, snapshot, say)) + '\n');
    return failed ? EXIT.failed : EXIT.ok;
  },
};

type Say = (message: Message) => string;

/**
 * The --json document: the texts rendered in the command's language (English by default, so
 * scripts keep working), each next to its message ({id, params}) for scripts that rely on ids.
 */
export function explainJson(module: string, version: string | null, r: Explanation, say: Say) {
  const c = r.checksum;
  return {
    module,
    version,
    outcome: r.outcome,
    steps: r.steps.map((s) => ({ entry: s.entry, request: s.request, outcome: s.outcome, status: s.status, error: s.error, goWaitsSeconds: s.goWaitsSeconds ?? null, why: say(s.why), whyMessage: s.why })),
    servedBy: r.servedBy,
    error: r.error,
    fix: r.fix === null ? null : say(r.fix),
    fixMessage: r.fix,
    checksum: c === null ? null : { ...c, why: say(c.why), whyMessage: c.why, notes: c.notes.map(say), notesMessages: c.notes, fix: c.fix === null ? null : say(c.fix), fixMessage: c.fix },
  };
}

function parseModuleArg(positionals: string[], say: Say): { module: string; version: string | null } {
  if (positionals.length !== 1) throw new UsageError(say(msg('explain.cli.one-module')));
  const q = parseModuleQuery(positionals[0]!);
  if (q.ok) return { module: q.module, version: q.version };
  switch (q.problem) {
    case 'empty':
      throw new UsageError(say(msg('explain.cli.one-module')));
    case 'bad-path': {
      const text = positionals[0]!.trim();
      throw new UsageError(say(msg('explain.cli.bad-path', { path: text.includes('@') ? text.slice(0, text.lastIndexOf('@')) : text, detail: q.detail })));
    }
    case 'bad-version':
      throw new UsageError(say(msg('explain.cli.bad-version', { version: q.detail })));
  }
}

function parseTimeout(raw: unknown, say: Say): number {
  if (raw === undefined) return 10_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) throw new UsageError(say(msg('explain.cli.bad-timeout')));
  return ms;
}

function renderHuman(module: string, version: string | null, r: Explanation, snapshot: Awaited<ReturnType<typeof readGoConfig>>, say: Say): string {
  const target =
    version !== null ? `${module}@${version}`
    : r.version ? say(msg('explain.cli.target-latest-resolved', { module, version: r.version }))
    : say(msg('explain.cli.target-latest', { module }));
  const lines = [say(msg('explain.cli.heading', { target })), '', say(msg('explain.cli.go', { go: describeGo(snapshot) }))];
  lines.push(...formatConfigTable(snapshot.effective, ['GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GOSUMDB', 'GONOSUMDB']));
  for (const w of shadowWarnings(snapshot.effective)) lines.push(`  ! ${w}`);
  lines.push('', say(msg('explain.cli.steps')));
  r.steps.forEach((s, i) => {
    const outcome = msg(`explain.cli.outcome.${s.outcome}`);
    const what =
      s.outcome === 'ok' || s.outcome === 'skipped' || s.outcome === 'hang' ? outcome
      : s.goWaitsSeconds ? msg('explain.cli.outcome.stall', { seconds: s.goWaitsSeconds })
      : s.status ? msg('explain.cli.outcome-status', { outcome, status: s.status }) : outcome;
    const file = say(msg('explain.cli.file', { file: s.request })).padEnd(4);
    const entry = s.entry === 'noproxy' ? say(msg('explain.cli.entry-noproxy')) : s.entry;
    lines.push(`  ${say(msg('explain.cli.step', { n: i + 1, file, entry, what, why: s.why }))}`);
    if (s.error && s.outcome !== 'skipped') lines.push(`     ${s.error.split('\n')[0]}`);
  });
  if (r.checksum) lines.push(...renderChecksum(r.checksum, say));
  lines.push('');
  if (r.servedBy) lines.push(say(msg('explain.cli.served', { entry: r.servedBy })));
  else if (r.outcome === 'hang') lines.push(say(msg('explain.cli.hang', { error: r.error ?? '' })));
  else lines.push(say(msg('explain.cli.failed', { error: r.error ?? msg('explain.no-entry-served') })));
  if (r.fix) lines.push(say(msg('explain.cli.fix', { fix: r.fix })));
  return lines.join('\n');
}

function renderChecksum(c: NonNullable<Explanation['checksum']>, say: Say): string[] {
  const verdict = msg(`explain.cli.checksum.${c.verdict}`);
  const lines = ['', say(c.route ? msg('explain.cli.checksum-route', { verdict, route: c.route }) : msg('explain.cli.checksum', { verdict }))];
  for (const s of c.routeSteps) lines.push(`  ${s.entry}: ${say(msg(`explain.cli.route.${s.outcome}`))}${s.status ? ` (${s.status})` : ''}`);
  lines.push(`  ${say(c.why).split('\n')[0]}`);
  for (const n of c.notes) lines.push(say(msg('explain.cli.note', { note: n })));
  return lines;
}
