// The distribution of maximum drawdown over Monte-Carlo reshuffles of the chosen trial's trades (same trades, random
// order), drawn from its quantiles as a cumulative curve, with the drawdown of the order that actually happened.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { RobustnessReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { formatDecimal } from '../../format/formatNumber';
import { formatPercent } from '../../format/formatPercent';
import { axisStyle, baseLayout, topLegend } from '../../profile/figures/baseLayout';
import { shareDeeper, shareDeeperText } from './reshuffleShare';

type Reshuffle = NonNullable<RobustnessReport['drawdownReshuffle']>;

export function reshuffleFigure(reshuffle: Reshuffle): { data: PlotlyData[]; layout: PlotlyLayout } | null {
  const q = [...reshuffle.quantiles].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.level - b.level);
  if (q.length === 0) return null;
  const data: PlotlyData[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: `${reshuffle.samples.toLocaleString('en-US')} reshuffles of ${reshuffle.trades.toLocaleString('en-US')} trades`,
      x: q.map((p) => p.value),
      y: q.map((p) => p.level),
      customdata: q.map((p) => [formatPercent(p.value, 1), formatDecimal(p.level * 100, 0)]),
      line: { color: chartTheme.line, width: 2 },
      marker: { color: chartTheme.line, size: 6 },
      hovertemplate: '%{customdata[1]}% quantile: max drawdown %{customdata[0]}<extra></extra>',
    },
  ];
  const observed = reshuffle.observed;
  const deeper = shareDeeper(reshuffle);
  const values = q.map((p) => p.value).concat(Number.isFinite(observed) ? [observed] : []);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.06 || 0.01;
  // The label goes on the side of the line with more room.
  const leftHalf = (observed - (lo - pad)) / (hi - lo + 2 * pad) < 0.5;
  const layout = baseLayout({
    height: 320,
    showlegend: true,
    legend: topLegend,
    margin: { l: 56, r: 16, t: 28, b: 44 },
    hovermode: 'closest',
    xaxis: { ...axisStyle, range: [lo - pad, hi + pad], tickformat: '.0%', title: { text: 'maximum drawdown', font: { size: 11, color: chartTheme.muted } } },
    yaxis: { ...axisStyle, range: [0, 1], tickformat: '.0%', title: { text: 'quantile level', font: { size: 11, color: chartTheme.muted } } },
    shapes: Number.isFinite(observed)
      ? [{ type: 'line', xref: 'x', yref: 'paper', x0: observed, x1: observed, y0: 0, y1: 1, line: { color: chartTheme.down, width: 2, dash: 'dash' } }]
      : [],
    annotations: Number.isFinite(observed)
      ? [
          {
            xref: 'x',
            yref: 'paper',
            x: observed,
            y: 0.04,
            xanchor: leftHalf ? 'left' : 'right',
            yanchor: 'bottom',
            xshift: leftHalf ? 4 : -4,
            showarrow: false,
            align: leftHalf ? 'left' : 'right',
            bgcolor: 'rgba(255,255,255,0.85)',
            text: `observed ${formatPercent(observed, 1)}${deeper === null ? '' : `<br>${shareDeeperText(deeper)} of reshuffles go deeper`}`,
            font: { size: 12, color: chartTheme.down },
          },
        ]
      : [],
  });
  return { data, layout };
}
