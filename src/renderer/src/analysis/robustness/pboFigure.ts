// The PBO logit histogram: the distribution of λ over the CSCV combinations, the overfit side (λ <= 0) in red and
// shaded, with the 0 line. Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting" (2017), fig. 3.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { RobustnessReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { formatDecimal } from '../../format/formatNumber';
import { axisStyle, baseLayout, topLegend } from '../../profile/figures/baseLayout';
import { binLogits } from './logitHistogram';

type Pbo = NonNullable<RobustnessReport['pbo']>;

export const OVERFIT_FILL = 'rgba(210, 70, 60, 0.07)';

export function pboFigure(pbo: Pbo): { data: PlotlyData[]; layout: PlotlyLayout } | null {
  const bins = binLogits(pbo.logits);
  if (bins.edges.length < 2) return null;
  const centers: number[] = [];
  const widths: number[] = [];
  const ranges: string[] = [];
  for (let k = 0; k + 1 < bins.edges.length; k++) {
    const a = bins.edges[k];
    const b = bins.edges[k + 1];
    centers.push((a + b) / 2);
    widths.push(b - a);
    ranges.push(`λ in (${formatDecimal(a, 2)}, ${formatDecimal(b, 2)}]`);
  }
  const total = pbo.logits.length;
  const share = (count: number) => (total > 0 ? count / total : 0);
  const bar = (name: string, counts: number[], fill: string, line: string): PlotlyData => ({
    type: 'bar',
    name,
    x: centers,
    y: counts,
    width: widths,
    customdata: counts.map((c, k) => [ranges[k], formatDecimal(share(c) * 100, 1)]),
    marker: { color: fill, line: { color: line, width: 0.5 } },
    hovertemplate: '%{customdata[0]}: %{y:,} combinations (%{customdata[1]}%)<extra></extra>',
  });
  const data: PlotlyData[] = [
    bar('λ ≤ 0: in-sample best at or below the out-of-sample median', bins.overfit, 'rgba(210, 70, 60, 0.6)', chartTheme.down),
    bar('λ > 0: above the median', bins.sound, 'rgba(54, 87, 214, 0.55)', chartTheme.line),
  ];
  const lo = bins.edges[0];
  const hi = bins.edges[bins.edges.length - 1];
  const layout = baseLayout({
    height: 320,
    showlegend: true,
    legend: topLegend,
    margin: { l: 56, r: 16, t: 28, b: 44 },
    hovermode: 'closest',
    barmode: 'overlay',
    bargap: 0,
    xaxis: { ...axisStyle, range: [lo, hi], title: { text: 'logit λ of the out-of-sample relative rank of the in-sample best', font: { size: 11, color: chartTheme.muted } } },
    yaxis: { ...axisStyle, rangemode: 'tozero', title: { text: 'combinations', font: { size: 11, color: chartTheme.muted } } },
    shapes: [
      { type: 'rect', xref: 'x', yref: 'paper', x0: lo, x1: 0, y0: 0, y1: 1, fillcolor: OVERFIT_FILL, line: { width: 0 }, layer: 'below' },
      { type: 'line', xref: 'x', yref: 'paper', x0: 0, x1: 0, y0: 0, y1: 1, line: { color: chartTheme.text, width: 1.5, dash: 'dash' } },
    ],
    annotations: [
      {
        xref: 'x',
        yref: 'paper',
        x: 0,
        y: 0.98,
        xanchor: 'right',
        yanchor: 'top',
        xshift: -6,
        showarrow: false,
        align: 'right',
        text: `PBO ${formatDecimal(pbo.value, 2)}<br>share with λ ≤ 0`,
        font: { size: 12, color: chartTheme.down },
      },
    ],
  });
  return { data, layout };
}
