// The uPlot chart of the History view: per proxy a median line and a band up to p90, with a
// lane of red marks at the bottom where probes failed. uPlot draws on a canvas in one pass, which
// is what keeps a month of data for 8 proxies smooth.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { UiLocale } from '../../shared/ui/appearance.js';
import { timeAxisLabels } from '../../shared/ui/format.js';
import type { FailureMark, HistoryChartData } from '../../shared/ui/history-chart.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, light or dark. */
export const PROXY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;

export function proxyColor(index: number): string {
  return PROXY_COLORS[index % PROXY_COLORS.length]!;
}

/** Marked once per page, when uPlot first draws a chart with data (the benchmark reads it). */
export const FIRST_DRAW_MARK = 'history-chart-first-draw';
let firstDrawMarked = false;

const HEIGHT = 320;
/** The y axis runs to 120 % of the highest value: the top of the plot is kept for the failure lanes. */
const HEADROOM = 1.2;
const FAILURE_COLOR = '#d62728';

export function HistoryChart({ chart, label, locale, ms, onFirstDraw }: { chart: HistoryChartData; label: string; locale: UiLocale; ms: (value: number) => string; onFirstDraw?: (() => void) | undefined }) {
  const host = useRef<HTMLDivElement>(null);
  const firstDraw = useRef(onFirstDraw);
  firstDraw.current = onFirstDraw;
  const msLabel = useRef(ms);
  msLabel.current = ms;

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const style = getComputedStyle(el);
    const ink = style.color || '#222';
    const grid = style.getPropertyValue('--view-grid').trim() || 'rgba(128,128,128,0.25)';
    const series: uPlot.Series[] = [{}];
    const bands: uPlot.Band[] = [];
    chart.proxies.forEach((p, i) => {
      const color = proxyColor(i);
      series.push({ label: p.candidate, stroke: color, width: 1.5, spanGaps: false, points: { show: false } });
      series.push({ label: `${p.candidate} p90`, stroke: withAlpha(color, 0.45), width: 0.5, spanGaps: false, points: { show: false } });
      bands.push({ series: [p.p90Column, p.medianColumn], fill: withAlpha(color, 0.14) });
    });
    let drawn = false;
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: true, range: [chart.fromS, chart.toS] }, y: { range: (_u, _min, max) => [0, Math.max(10, max * HEADROOM)] } },
        series,
        bands,
        legend: { show: false },
        cursor: { drag: { x: true, y: false } },
        axes: [
          // Both axes in the page's language (uPlot's own time labels are US English).
          { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, ticks) => timeAxisLabels(locale, ticks, chart.toS - chart.fromS) },
          { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 76, values: (_u, ticks) => ticks.map((v) => msLabel.current(v)) },
        ],
        hooks: {
          draw: [
            (u) => {
              drawFailureMarks(u, chart.failures, chart.bucketSeconds);
              if (drawn) return;
              drawn = true;
              if (!firstDrawMarked && !chart.empty) {
                firstDrawMarked = true;
                performance.mark(FIRST_DRAW_MARK);
              }
              firstDraw.current?.();
            },
          ],
        },
      },
      chart.data,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [chart, locale]);

  return <div ref={host} className="history-chart" role="img" aria-label={label} data-testid="history-chart" data-points={chart.data[0].length} data-resolution={chart.resolution} />;
}

/**
 * One lane per proxy along the top of the plot (kept free by HEADROOM), in the proxy's order; a
 * mark spans its chart point (at least 2 px) and is as opaque as the share of probes that failed,
 * so an outage stands out from the odd failed probe.
 */
function drawFailureMarks(u: uPlot, marks: readonly FailureMark[], bucketSeconds: number): void {
  if (marks.length === 0) return;
  const ctx = u.ctx;
  const dpr = uPlot.pxRatio;
  const lane = 2 * dpr;
  const top = u.bbox.top + dpr;
  ctx.save();
  for (const mark of marks) {
    const x0 = u.valToPos(mark.time, 'x', true);
    const x1 = u.valToPos(mark.time + bucketSeconds, 'x', true);
    const share = mark.samples > 0 ? Math.min(1, mark.failures / mark.samples) : 1;
    ctx.fillStyle = withAlpha(FAILURE_COLOR, 0.2 + 0.8 * share);
    ctx.fillRect(x0, top + mark.proxyIndex * (lane + dpr), Math.max(2 * dpr, x1 - x0), lane);
  }
  ctx.restore();
}

function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
