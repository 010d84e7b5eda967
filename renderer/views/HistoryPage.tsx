// The History view fed from the history store through the queryHistory command.
import { useCallback } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { HistorySeriesInput } from '../../shared/ui/history-chart.js';
import { HistoryView, type HistoryQueryInput } from './HistoryView.js';

export function HistoryPage({ api }: { api: Api }) {
  const loadSeries = useCallback(
    (q: HistoryQueryInput): Promise<readonly HistorySeriesInput[]> => api.queryHistory({ candidate: null, from: q.from, to: q.to, resolution: q.resolution }),
    [api],
  );
  return <HistoryView loadSeries={loadSeries} />;
}
