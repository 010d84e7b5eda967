// The benchmark (electron/core/bench): start returns at once; progress goes out as stream events
// (high-rate), each finished candidate updates its entry's health, and the report with its
// recommendation lands in the state when the run ends. One run at a time; cancel aborts it.
// With a project directory, the ranking is for that module's graph (electron/core/bench/project-workload.ts).
import path from 'node:path';
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { BenchmarkView } from '../../../shared/contract/state.js';
import type { BenchProgressEvent } from '../../../shared/contract/stream.js';
import { candidateStatus } from '../../../shared/bench/score.js';
import { catalogSumdbs, dedupeCandidates, defaultCandidates, type BenchCandidate } from '../../../shared/bench/catalog.js';
import { reportedName, runBenchmark, storedCredentials, type BenchEvent } from '../bench/index.js';
import { readGoConfig } from '../goenv/read-config.js';
import { candidatesFromList } from '../bench/candidates-input.js';
import { projectWorkload, ProjectError } from '../bench/project-workload.js';
import type { PhaseTimeouts } from '../probe/index.js';
import type { CommandContext, HandlerGroup, ServiceContext } from './context.js';
import { historyDirOf } from './history-handlers.js';
import { probeModuleOfSettings } from './settings-file.js';
import { commit } from './store.js';
import { msg } from '../../../shared/i18n/message.js';

export interface BenchLifecycle {
  /** Resolves when no benchmark is running (after close, tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export type BenchHandlers = HandlerGroup<Pick<CommandHandlers<CommandContext>, 'startBenchmark' | 'cancelBenchmark'>, BenchLifecycle>;

/** The proxies a user typed, as benchmark candidates (the CLI's rule); a bad entry is a bad request. */
export function candidatesFromInput(entries: readonly string[]): BenchCandidate[] {
  const parsed = candidatesFromList(entries);
  if (!parsed.ok) throw ContractError.saying('bad-request', parsed.error);
  return parsed.candidates;
}

export function createBenchHandlers(ctx: ServiceContext, opts: { timeouts?: Partial<PhaseTimeouts> } = {}): BenchHandlers {
  const { store } = ctx;
  let current: { controller: AbortController; done: Promise<void> } | null = null;
  const benchState = () => store.getState().benchmark;

  const onEvent = (event: BenchEvent): void => {
    const safe = JSON.parse(redactCredentials(JSON.stringify(event))) as BenchProgressEvent;
    if (safe.type === 'candidate-done' && !safe.cancelled && safe.result.summary.kind !== 'sumdb') {
      const s = safe.result.summary;
      const status = candidateStatus(s);
      const health = {
        ok: status !== 'failing',
        latencyMs: s.ttfbMs?.median ?? null,
        checkedAt: ctx.now(),
        error: status === 'failing' ? (s.error?.message ?? null) : null,
        failure: status === 'failing' && s.error ? { kind: s.error.kind, status: s.error.status } : null,
        source: 'benchmark' as const,
        missingModule: status === 'missing-module' ? (s.missingModule ?? null) : null,
      };
      commit(store, { health: { ...store.getState().health, [safe.candidate]: health } });
    }
    ctx.emit({ type: 'bench', event: safe });
  };

  /** The project's workload (its go.sum graph, sized through the candidates); a bad directory is a bad request. */
  const projectFor = async (dir: string, candidates: readonly BenchCandidate[]) => {
    const proxies = candidates.filter((c) => c.kind === 'proxy').map((c) => c.url.replace(/\/+$/, ''));
    try {
      return await projectWorkload(path.resolve(ctx.cwd, dir), proxies, { env: ctx.env, timeouts: opts.timeouts });
    } catch (err) {
      if (err instanceof ProjectError) throw ContractError.saying('bad-request', err.detail);
      throw err;
    }
  };

  const handlers: BenchHandlers['handlers'] = {
    async startBenchmark(request) {
      if (current) throw ContractError.saying('bad-request', msg('bench.service.already-running'));
      const explicit = request.proxies === null ? null : candidatesFromInput(request.proxies);
      if (explicit?.length === 0) throw ContractError.saying('bad-request', msg('bench.service.no-proxy'));
      const snapshot = await readGoConfig(ctx.env);
      const currentGoproxy = snapshot.effective.GOPROXY.value;
      const candidates = explicit ? dedupeCandidates([...explicit, ...catalogSumdbs()]) : defaultCandidates(currentGoproxy);
      const project = request.project === null ? null : await projectFor(request.project, candidates);
      const startedAt = ctx.now();
      const names = candidates.map((c) => redactCredentials(reportedName(c)));
      const controller = new AbortController();
      commit(store, { benchmark: { ...benchState(), running: { startedAt, candidates: names }, error: null } });
      const credentials = storedCredentials({ store: ctx.secrets(), indexPath: ctx.credentialIndexPath });
      const done = runBenchmark(candidates, {
        module: probeModuleOfSettings(store.getState().settings, ctx.probeModule),
        samples: request.samples,
        timeouts: opts.timeouts,
        signal: controller.signal,
        env: ctx.env,
        credentialsFor: (url) => credentials.credentialsFor(url),
        currentGoproxy,
        currentGosumdb: snapshot.effective.GOSUMDB.value,
        workload: project?.workload,
        historyDir: historyDirOf(ctx),
        onEvent,
      }).then(
        (report) => {
          const view: BenchmarkView = JSON.parse(
            redactCredentials(
              JSON.stringify({
                // The run's identity as `running` announced it, so a page that watched the run knows its report.
                startedAt,
                durationMs: report.durationMs,
                workload: report.workload,
                results: report.results,
                recommendation: report.recommendation,
                cancelled: report.cancelled,
                anyWorking: report.anyWorking,
                warnings: [...credentials.warnings, ...report.warnings],
              }),
            ),
          ) as BenchmarkView;
          commit(store, { benchmark: { running: null, last: view, error: null } });
        },
        (err: unknown) => commit(store, { benchmark: { ...benchState(), running: null, error: redactCredentials((err as Error).message) } }),
      );
      current = { controller, done: done.finally(() => (current = null)) };
      return { startedAt, candidates: names };
    },

    async cancelBenchmark() {
      if (!current) return { cancelled: false };
      current.controller.abort();
      await current.done;
      return { cancelled: true };
    },
  };

  const lifecycle: BenchLifecycle = {
    idle: async () => {
      await current?.done;
    },
    async stop() {
      current?.controller.abort();
      await current?.done;
    },
  };
  return { handlers, lifecycle };
}
