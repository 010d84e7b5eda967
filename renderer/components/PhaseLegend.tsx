// The key to the benchmark's timing bars: which colour is which phase of a request, in order.
import { PHASES } from '../../shared/ui/bench-rows.js';
import { useTranslate } from '../i18n/i18n.js';

export function PhaseLegend() {
  const d = useTranslate();
  return (
    <p className="phase-legend" data-testid="phase-legend">
      <span className="muted">{d('bench.legend')}</span>
      {PHASES.map((p) => (
        <span key={p} className="phase-legend-item" data-phase={p}>
          <span className={`phase-swatch phase phase-${p}`} aria-hidden="true" /> {d(`phase.${p}`)}
        </span>
      ))}
    </p>
  );
}
