// `goproxyctl bench`: benchmark the candidates with the real Go proxy protocol, show live rows,
// the table and the recommended chain with the command that applies it; --json for machines.
import path from 'node:path';
import { terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { toBenchJson } from '../../../shared/bench/aggregate.js';
import { catalogSumdbs, dedupeCandidates, defaultCandidates, type BenchCandidate } from '../../../shared/bench/catalog.js';
import { DEFAULT_PROBE_MODULE, formatModule } from '../../../shared/bench/probe-module.js';
import { runBenchmark, storedCredentials, type BenchEvent } from '../../core/bench/index.js';
import { candidatesFromList } from '../../core/bench/candidates-input.js';
import { readGoConfig } from '../../core/goenv/read-config.js';
import { projectWorkload, ProjectError, type ProjectWorkload } from '../../core/bench/project-workload.js';
import { DEFAULT_TIMEOUTS, type PhaseTimeouts } from '../../core/probe/index.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo, type FlagValue } from '../command.js';
import { applyBenchEvent, finishedLine, liveLine, recommendationLines, resultTable, type LiveRow } from '../format/bench-table.js';
import { probeModuleFor } from '../probe-module-flag.js';
import type { Recommendation } from '../../../shared/bench/recommend.js';
import { profileIdProblem } from '../../../shared/profile/validate.js';
import { ProfileError, ProfileStore } from '../../core/profiles/index.js';
import { saveRecommendation } from '../../core/profiles/save-recommendation.js';
import { localeOfCli } from '../lang.js';
import { render, renderer } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';

export const command: CliCommand = {
  name: 'bench',
  summary: 'cli.bench.summary',
  usage: {
    lines: ['goproxyctl bench [options]'],
    about: 'cli.bench.about',
    options: {
      proxies: { value: 'URL,...', text: 'cli.bench.option.proxies' },
      module: { value: 'PATH@VERSION', text: 'cli.bench.option.module' },
      samples: { value: 'N', text: 'cli.bench.option.samples' },
      timeout: { value: 'MS', text: 'cli.bench.option.timeout' },
      concurrency: { value: 'N', text: 'cli.bench.option.concurrency' },
      project: { value: 'DIR', text: 'cli.bench.option.project' },
      'save-profile': { value: 'ID', text: 'cli.bench.option.save-profile' },
    },
    examples: [
      'goproxyctl bench',
      'goproxyctl bench --proxies https://goproxy.cn,https://proxy.golang.org,direct --samples 5',
      'goproxyctl bench --project . --save-profile fast',
    ],
    exits: [
      [0, 'cli.bench.exit.ok'],
      [1, 'cli.bench.exit.failed'],
    ],
    params: { module: formatModule(DEFAULT_PROBE_MODULE), timeout: DEFAULT_TIMEOUTS.overallMs },
  },
  options: {
    proxies: { type: 'string' },
    module: { type: 'string' },
    samples: { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    project: { type: 'string' },
    'save-profile': { type: 'string' },
  },
  async run(args, io) {
    const json = args.values.json === true;
    const locale = localeOfCli(io.lang);
    const t = renderer(locale);
    const explicit = args.values.proxies === undefined ? null : parseProxies(String(args.values.proxies), locale);
    const saveAs = args.values['save-profile'] === undefined ? null : profileIdFor(String(args.values['save-profile']));
    const module = await probeModuleFor(args.values.module, io.env);
    const samples = parseWhole('--samples', args.values.samples, 3, 1, 20, locale);
    const concurrency = parseWhole('--concurrency', args.values.concurrency, 8, 1, 64, locale);
    const timeouts = timeoutsFor(parseWhole('--timeout', args.values.timeout, DEFAULT_TIMEOUTS.overallMs, 100, 600_000, locale));

    const snapshot = await readGoConfig(io.env, { signal: io.signal });
    const currentGoproxy = snapshot.effective.GOPROXY.value;
    const candidates = explicit ? dedupeCandidates([...explicit, ...catalogSumdbs()]) : defaultCandidates(currentGoproxy);
    const project = args.values.project === undefined ? null : await projectFor(String(args.values.project), io, candidates, timeouts, locale);
    const credentials = storedCredentials();
    const view = progressView(io, json, locale);
    const releaseSignals = keepSignalsForAbort();
    const report = await runBenchmark(candidates, {
      module,
      samples,
      concurrency,
      timeouts,
      signal: io.signal,
      env: io.env,
      credentialsFor: (url) => credentials.credentialsFor(url),
      currentGoproxy,
      currentGosumdb: snapshot.effective.GOSUMDB.value,
      workload: project?.workload,
      onEvent: view.onEvent,
    }).finally(releaseSignals);
    view.finish();
    for (const w of [...credentials.warnings, ...report.warnings]) io.stderr.write(`goproxyctl bench: ${terminalSafe(t(w))}\n`);
    if (report.cancelled) {
      io.stderr.write(`goproxyctl bench: ${t(msg('bench.out.interrupted'))}\n`);
      return 130;
    }
    if (project && !json) io.stderr.write(`goproxyctl bench: ${t(projectLine(project))}\n`);
    const saved = saveAs !== null && report.anyWorking ? await saveAdvice(io, report.recommendation, saveAs, locale) : null;
    if (saveAs !== null && saved === null) io.stderr.write(`goproxyctl bench: ${t(msg('bench.out.notSaved', { id: saveAs }))}\n`);
    if (json) {
      writeJson(io, { ...toBenchJson(report.durationMs, report.results, report.recommendation, report.workload, locale), savedProfile: saved });
    } else {
      const lines = ['', ...resultTable(report.results, { color: io.isTTY, workload: report.workload, locale }), ''];
      lines.push(...recommendationLines(report.recommendation, saved, locale));
      const seconds = (report.durationMs / 1000).toFixed(1);
      lines.push('', t(samples === 1 ? msg('bench.out.summaryOne', { count: report.results.length, seconds }) : msg('bench.out.summary', { count: report.results.length, seconds, samples })));
      io.stdout.write(terminalSafeText(lines.join('\n')) + '\n');
    }
    return report.anyWorking ? EXIT.ok : EXIT.failed;
  },
};

/**
 * proper-lockfile (loaded with the history store) installs signal-exit, which re-raises SIGINT and
 * SIGTERM to kill the process when it finds itself the only listener: main.ts listens with
 * `once`, so after the first signal it would be, and the process would die before the benchmark
 * could stop cleanly and report. A listener of our own for the run's duration keeps the signal
 * going to io.signal (which main.ts aborts) instead.
 */
function keepSignalsForAbort(): () => void {
  const keep = (): void => {};
  const signals = ['SIGINT', 'SIGTERM'] as const;
  for (const sig of signals) process.on(sig, keep);
  return () => {
    for (const sig of signals) process.off(sig, keep);
  };
}

/** Live rows rewritten in place on a terminal; otherwise one stderr line per finished candidate. */
function progressView(io: CliIo, json: boolean, locale: Locale): { onEvent: (e: BenchEvent) => void; finish: () => void } {
  if (!io.isTTY || json) {
    return {
      onEvent: (e) => {
        if (e.type === 'candidate-done' && !e.cancelled) io.stderr.write(`${terminalSafe(finishedLine(e.result, locale))}\n`);
      },
      finish: () => {},
    };
  }
  let rows: LiveRow[] = [];
  let drawn = 0;
  let timer: NodeJS.Timeout | null = null;
  const width = Math.max(40, ((io.stdout as { columns?: number }).columns ?? 100) - 1);
  const draw = (): void => {
    timer = null;
    // Up to the first row (CSI n F), then each row cleared (CSI 2K) and rewritten.
    let out = drawn > 0 ? `\x1b[${drawn}F` : '';
    for (const row of rows) out += `\x1b[2K${terminalSafe(liveLine(row, width, locale))}\n`;
    drawn = rows.length;
    io.stdout.write(out);
  };
  return {
    onEvent: (e) => {
      rows = applyBenchEvent(rows, e);
      // At most ten frames a second: phases change far faster than a terminal should redraw.
      timer ??= setTimeout(draw, 100);
    },
    finish: () => {
      if (timer) clearTimeout(timer);
      draw();
    },
  };
}

function parseProxies(raw: string, locale: Locale): BenchCandidate[] {
  const parsed = candidatesFromList(raw.split(','));
  if (!parsed.ok) throw new UsageError(`--proxies: ${render(locale, parsed.error)}`);
  return parsed.candidates;
}

async function projectFor(dir: string, io: CliIo, candidates: readonly BenchCandidate[], timeouts: PhaseTimeouts, locale: Locale): Promise<ProjectWorkload> {
  const proxies = candidates.filter((c) => c.kind === 'proxy').map((c) => c.url.replace(/\/+$/, ''));
  try {
    return await projectWorkload(path.resolve(io.cwd, dir), proxies, { env: io.env, signal: io.signal, timeouts });
  } catch (err) {
    if (err instanceof ProjectError) throw new UsageError(`--project: ${render(locale, err.detail)}`);
    throw err;
  }
}

function projectLine(p: ProjectWorkload): Message {
  const modules = p.graph.zips.length;
  const graph = p.graph.modOnly.length ? msg('bench.out.projectGraphMods', { modules, source: p.graph.source, mods: p.graph.modOnly.length }) : msg('bench.out.projectGraph', { modules, source: p.graph.source });
  const size = p.sized > 0 ? msg('bench.out.projectSized', { zips: p.sized, proxy: p.sizedBy ?? '' }) : msg('bench.out.projectUnsized');
  return msg('bench.out.project', { graph, size });
}

function parseWhole(flag: string, raw: FlagValue, fallback: number, min: number, max: number, locale: Locale): number {
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(render(locale, msg('bench.input.wholeNumber', { flag, min, max })));
  return n;
}

/** --timeout bounds the whole sample; no phase may wait longer than that either. */
function timeoutsFor(overallMs: number): PhaseTimeouts {
  const cap = (ms: number): number => Math.min(ms, overallMs);
  return {
    dnsMs: cap(DEFAULT_TIMEOUTS.dnsMs),
    connectMs: cap(DEFAULT_TIMEOUTS.connectMs),
    tlsMs: cap(DEFAULT_TIMEOUTS.tlsMs),
    ttfbMs: cap(DEFAULT_TIMEOUTS.ttfbMs),
    transferMs: cap(DEFAULT_TIMEOUTS.transferMs),
    overallMs,
  };
}

function profileIdFor(id: string): string {
  const problem = profileIdProblem(id);
  if (problem !== null) throw new UsageError(msg('common.flag-problem', { flag: '--save-profile', problem }));
  return id;
}

/** The advice saved as the user's profile `id`: the same use case as the dashboard's Apply. */
async function saveAdvice(io: CliIo, recommendation: Recommendation, id: string, locale: Locale): Promise<string> {
  const store = new ProfileStore({ env: io.env, cwd: io.cwd });
  try {
    await saveRecommendation(store, recommendation, id);
  } catch (err) {
    if (err instanceof ProfileError) throw new UsageError(render(locale, msg('bench.input.cannotSave', { id, error: err.message })));
    throw err;
  }
  return id;
}
