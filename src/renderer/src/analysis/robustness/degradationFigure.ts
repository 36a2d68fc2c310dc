// The performance-degradation scatter: per CSCV combination, the in-sample best's Sharpe in sample against out of
// sample, with the OLS line. Bailey, Borwein, López de Prado & Zhu (2017), §2.5 and fig. 4; below 0 is a loss.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { RobustnessReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { pointCloudType } from '../../charts/webglSupport';
import { formatDecimal } from '../../format/formatNumber';
import { axisStyle, baseLayout, topLegend } from '../../profile/figures/baseLayout';
import { OVERFIT_FILL } from './pboFigure';

type Pbo = NonNullable<RobustnessReport['pbo']>;

/** More points than this are thinned for drawing (every k-th split); the OLS line is the back end's, over all of them. */
export const MAX_DRAWN_SPLITS = 20_000;

export function degradationFigure(pbo: Pbo): { data: PlotlyData[]; layout: PlotlyLayout; stride: number } | null {
  const stride = Math.max(1, Math.ceil(pbo.points.length / MAX_DRAWN_SPLITS));
  const x: number[] = [];
  const y: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  let yLo = 0;
  let yHi = 0;
  for (let i = 0; i < pbo.points.length; i += stride) {
    const p = pbo.points[i];
    if (!Number.isFinite(p.inSample) || !Number.isFinite(p.outOfSample)) continue;
    x.push(p.inSample);
    y.push(p.outOfSample);
    if (p.inSample < lo) lo = p.inSample;
    if (p.inSample > hi) hi = p.inSample;
    if (p.outOfSample < yLo) yLo = p.outOfSample;
    if (p.outOfSample > yHi) yHi = p.outOfSample;
  }
  if (x.length === 0) return null;
  const { slope, intercept } = pbo.degradation;
  const data: PlotlyData[] = [
    {
      type: pointCloudType(),
      mode: 'markers',
      name: stride > 1 ? `1 in ${stride} CSCV combinations` : 'One CSCV combination',
      x,
      y,
      marker: { color: 'rgba(54, 87, 214, 0.35)', size: 5 },
      hovertemplate: 'in sample %{x:.4f}<br>out of sample %{y:.4f}<extra></extra>',
    },
  ];
  if (Number.isFinite(slope) && Number.isFinite(intercept)) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `OLS: OOS = ${formatDecimal(intercept, 4)} ${slope < 0 ? '−' : '+'} ${formatDecimal(Math.abs(slope), 3)} × IS`,
      x: [lo, hi],
      y: [intercept + slope * lo, intercept + slope * hi],
      line: { color: chartTheme.down, width: 2 },
      hoverinfo: 'skip',
    });
  }
  const muted = { size: 11, color: chartTheme.muted };
  // A fixed y range that always shows 0, so the loss band below it has an edge to stop at.
  const pad = (yHi - yLo) * 0.05 || 0.01;
  const yRange = [yLo - pad, yHi + pad];
  const layout = baseLayout({
    height: 320,
    showlegend: true,
    legend: topLegend,
    margin: { l: 64, r: 16, t: 28, b: 44 },
    hovermode: 'closest',
    xaxis: { ...axisStyle, title: { text: 'in-sample Sharpe of the in-sample best (per bar)', font: muted } },
    yaxis: { ...axisStyle, range: yRange, title: { text: 'its out-of-sample Sharpe (per bar)', font: muted } },
    shapes: [
      // Below 0 out of sample is a loss: the share of points there is the probability of out-of-sample loss.
      { type: 'rect', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: yRange[0], y1: 0, fillcolor: OVERFIT_FILL, line: { width: 0 }, layer: 'below' },
      { type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: 0, y1: 0, line: { color: chartTheme.muted, width: 1 } },
    ],
  });
  return { data, layout, stride };
}
