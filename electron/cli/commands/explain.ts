// `goproxyctl explain <module>[@version]`: what go would do for this module, right now,
// with the user's configuration, and the fix when it would fail.
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
    const { module, version } = parseModuleArg(args.positionals);
    const timeoutMs = parseTimeout(args.values.timeout);
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
    if (args.values.json) {
      writeJson(io, {
        module,
        version,
        outcome: resolution.outcome,
        steps: resolution.steps.map((s) => ({ entry: s.entry, request: s.request, outcome: s.outcome, status: s.status, error: s.error, goWaitsSeconds: s.goWaitsSeconds ?? null })),
        servedBy: resolution.servedBy,
        error: resolution.error,
        fix: resolution.fix,
        checksum: resolution.checksum,
      });
    } else {
      io.stdout.write(terminalSafeText(renderHuman(module, version, resolution, snapshot)) + '\n');
    }
    return failed ? EXIT.failed : EXIT.ok;
  },
};

function parseModuleArg(positionals: string[]): { module: string; version: string | null } {
  if (positionals.length !== 1) throw new UsageError('give exactly one module, e.g. `goproxyctl explain golang.org/x/text@v0.14.0`');
  const q = parseModuleQuery(positionals[0]!);
  if (q.ok) return { module: q.module, version: q.version };
  switch (q.problem) {
    case 'empty':
      throw new UsageError('give exactly one module, e.g. `goproxyctl explain golang.org/x/text@v0.14.0`');
    case 'bad-path': {
      const text = positionals[0]!.trim();
      throw new UsageError(`"${text.includes('@') ? text.slice(0, text.lastIndexOf('@')) : text}" is not a valid module path (${q.detail})`);
    }
    case 'bad-version':
      throw new UsageError(`"${q.detail}" is not a full semantic version; use a version like v1.2.3, or omit it (or @latest) for the latest version`);
  }
}

function parseTimeout(raw: unknown): number {
  if (raw === undefined) return 10_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) throw new UsageError('--timeout takes a whole number of milliseconds between 100 and 600000');
  return ms;
}

function renderHuman(module: string, version: string | null, r: Explanation, snapshot: Awaited<ReturnType<typeof readGoConfig>>): string {
  const target = `${module}@${version ?? `latest${r.version ? ` (${r.version})` : ''}`}`;
  const lines = [`What go would do for ${target}`, '', `go: ${describeGo(snapshot)}`];
  lines.push(...formatConfigTable(snapshot.effective, ['GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GOSUMDB', 'GONOSUMDB']));
  for (const w of shadowWarnings(snapshot.effective)) lines.push(`  ! ${w}`);
  lines.push('', 'Steps:');
  r.steps.forEach((s, i) => {
    const what =
      s.outcome === 'ok' ? 'ok'
      : s.outcome === 'skipped' ? 'skipped'
      : s.outcome === 'hang' ? 'hang (go waits forever)'
      : s.goWaitsSeconds ? `error after go's ${s.goWaitsSeconds} s`
      : s.status ? `${s.outcome} (${s.status})` : s.outcome;
    lines.push(`  ${i + 1}. ${s.request.padEnd(4)} ${s.entry}: ${what}. ${s.why}`);
    if (s.error && s.outcome !== 'skipped') lines.push(`     ${s.error.split('\n')[0]}`);
  });
  if (r.checksum) lines.push(...renderChecksum(r.checksum));
  lines.push('');
  if (r.servedBy) lines.push(`✔ served by ${r.servedBy}`);
  else if (r.outcome === 'hang') lines.push(`✖ go would hang (wait forever, no error): ${(r.error ?? '').replace(/^go would hang: /, '')}`);
  else lines.push(`✖ go would fail: ${r.error ?? 'no entry served the module'}`);
  if (r.fix) lines.push(`  fix: ${r.fix}`);
  return lines.join('\n');
}

function renderChecksum(c: NonNullable<Explanation['checksum']>): string[] {
  const lines = ['', `Checksum verification: ${c.verdict}${c.route ? ` (${c.route})` : ''}`];
  for (const s of c.routeSteps) lines.push(`  ${s.entry}: ${s.outcome}${s.status ? ` (${s.status})` : ''}`);
  lines.push(`  ${c.why.split('\n')[0]}`);
  for (const n of c.notes) lines.push(`  note: ${n}`);
  return lines;
}
