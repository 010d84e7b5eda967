// Latency history (electron/core/history): answered per query, never put in the state (a month of
// minute points for several proxies would make every snapshot huge).
import path from 'node:path';
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import type { HistorySeriesView } from '../../../shared/contract/responses.js';
import { HistoryStore } from '../history/index.js';
import type { CommandContext, ServiceContext } from './context.js';
import { msg } from '../../../shared/i18n/message.js';

/** The history lives in the product's data dir (what env-paths gives the CLI for the same HOME). */
export function historyDirOf(ctx: Pick<ServiceContext, 'dirs'>): string {
  return path.join(ctx.dirs.data, 'history');
}

export function createHistoryHandlers(ctx: ServiceContext): Pick<CommandHandlers<CommandContext>, 'queryHistory'> {
  let opened: Promise<HistoryStore> | null = null;
  const history = (): Promise<HistoryStore> => {
    opened ??= HistoryStore.open(historyDirOf(ctx), { now: ctx.now }).catch((err: unknown) => {
      opened = null; // a later query may succeed (the disk was full, the dir was being created)
      throw err;
    });
    return opened;
  };

  return {
    async queryHistory(request): Promise<HistorySeriesView[]> {
      if (!(request.to > request.from)) throw ContractError.saying('bad-request', msg('common.service.range-backwards'));
      return read(request);
    },
  };

  async function read(request: { candidate: string | null; from: number; to: number; resolution: HistorySeriesView['resolution'] }): Promise<HistorySeriesView[]> {
    const store = await history();
    const candidates = request.candidate === null ? await store.candidates() : [request.candidate];
    const out: HistorySeriesView[] = [];
    for (const candidate of candidates) {
      const q = { candidate, from: request.from, to: request.to, resolution: request.resolution };
      const series = await store.query(q);
      const uptime = await store.uptime(q);
      out.push({ ...series, uptime: uptime.uptime });
    }
    return out;
  }
}
