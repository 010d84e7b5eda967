// The Chain view fed from the state: the effective GOPROXY/GONOPROXY/GOSUMDB/GONOSUMDB as go
// reads them, the latest health per entry, and the explain box asking the engine.
import { useCallback, useMemo } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState } from '../../shared/contract/state.js';
import type { ExplanationInput } from '../../shared/ui/explain-path.js';
import { ChainView, type ChainConfigInput } from './ChainView.js';

export function ChainPage({ config, health, api }: { config: AppState['config']; health: AppState['health']; api: Api }) {
  const input = useMemo<ChainConfigInput | null>(() => {
    const view = config.view;
    if (view === null) return null;
    const value = (name: string) => view.vars.find((v) => v.name === name)?.value ?? '';
    return { goproxy: value('GOPROXY'), gonoproxy: value('GONOPROXY'), gosumdb: value('GOSUMDB'), gonosumdb: value('GONOSUMDB') };
  }, [config.view]);
  const onExplain = useCallback((q: { module: string; version: string | null }): Promise<ExplanationInput> => api.explain(q), [api]);
  return <ChainView config={input} configError={input === null ? config.error : null} health={health} onExplain={onExplain} />;
}
