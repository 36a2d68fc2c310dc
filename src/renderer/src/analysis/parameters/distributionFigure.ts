// The empirical distribution of the objective over complete trials: a histogram (counts) and the empirical CDF
// (the share of trials at or below each value), with the best trial marked.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { StudyTrial } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle } from '../../profile/figures/baseLayout';

export function objectiveValues(trials: readonly StudyTrial[]): Float64Array {
  let n = 0;
  const out = new Float64Array(trials.length);
  for (const t of trials) {
    const v = t.state === 'complete' ? t.values?.[0] : undefined;
    if (v !== undefined && Number.isFinite(v)) out[n++] = v;
  }
  return out.slice(0, n).sort();
}

export function distributionFigure(
  trials: readonly StudyTrial[],
  objective: { label: string; direction: 'maximize' | 'minimize' },
): { data: PlotlyData[]; layout: PlotlyLayout; count: number } {
  const sorted = objectiveValues(trials);
  const n = sorted.length;
  const cdfY = new Array<number>(n);
  for (let i = 0; i < n; i++) cdfY[i] = (i + 1) / n;
  const best = n === 0 ? null : objective.direction === 'maximize' ? sorted[n - 1] : sorted[0];
  const data: PlotlyData[] = [
    {
      type: 'histogram',
      name: 'Trials',
      x: Array.from(sorted),
      nbinsx: Math.min(60, Math.max(10, Math.round(Math.sqrt(n)))),
      marker: { color: 'rgba(54, 87, 214, 0.35)', line: { color: chartTheme.line, width: 1 } },
      hovertemplate: '%{x}<br>%{y} trials<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Empirical CDF',
      x: Array.from(sorted),
      y: cdfY,
      yaxis: 'y2',
      line: { color: chartTheme.text, width: 1.5, shape: 'hv' },
      hovertemplate: `${objective.label} ≤ %{x:.4f}: %{y:.1%} of trials<extra></extra>`,
    },
  ];
  const layout = {
    height: 300,
    margin: { l: 56, r: 56, t: 12, b: 44 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
    bargap: 0.04,
    xaxis: { ...axisStyle, title: { text: objective.label } },
    yaxis: { ...axisStyle, title: { text: 'Trials' } },
    yaxis2: { ...axisStyle, overlaying: 'y', side: 'right', range: [0, 1.02], tickformat: '.0%', showgrid: false, title: { text: 'Share at or below' } },
    hovermode: 'closest',
    shapes:
      best === null
        ? []
        : [{ type: 'line', xref: 'x', yref: 'paper', x0: best, x1: best, y0: 0, y1: 1, line: { color: chartTheme.up, width: 2, dash: 'dot' } }],
    annotations:
      best === null
        ? []
        : [{ xref: 'x', yref: 'paper', x: best, y: 1, yanchor: 'bottom', text: 'best', showarrow: false, font: { size: 11, color: chartTheme.up } }],
  } as PlotlyLayout;
  return { data, layout, count: n };
}
