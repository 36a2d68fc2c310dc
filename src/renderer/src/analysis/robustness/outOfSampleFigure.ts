// Every complete trial scored in sample (what the tuner saw) against the held-out bars it never saw, the chosen
// trial highlighted, with the y = x line: points far below it lost their edge out of sample.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { RobustnessReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { pointCloudType } from '../../charts/webglSupport';
import { formatDecimal } from '../../format/formatNumber';
import { axisStyle, baseLayout, topLegend } from '../../profile/figures/baseLayout';

type OutOfSample = NonNullable<RobustnessReport['outOfSample']>;

export function outOfSampleFigure(oos: OutOfSample, chosenTrial: number, metric: { label: string; unit: string }): { data: PlotlyData[]; layout: PlotlyLayout } | null {
  const metricLabel = metric.label;
  // Fractions (returns, drawdowns) read as percentages, like everywhere else in the app.
  const percent = metric.unit === 'fraction';
  const hover = percent ? ':.2%' : ':.4f';
  const ticks = percent ? { tickformat: '.0%' } : {};
  const x: number[] = [];
  const y: number[] = [];
  const trials: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of oos.points) {
    if (p.inSample === null || p.outOfSample === null || !Number.isFinite(p.inSample) || !Number.isFinite(p.outOfSample)) continue;
    x.push(p.inSample);
    y.push(p.outOfSample);
    trials.push(p.trial);
    lo = Math.min(lo, p.inSample, p.outOfSample);
    hi = Math.max(hi, p.inSample, p.outOfSample);
  }
  if (x.length === 0) return null;
  const data: PlotlyData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'out of sample = in sample',
      x: [lo, hi],
      y: [lo, hi],
      line: { color: chartTheme.muted, width: 1, dash: 'dot' },
      hoverinfo: 'skip',
    },
    {
      type: pointCloudType(),
      mode: 'markers',
      name: 'Trial',
      x,
      y,
      customdata: trials,
      marker: { color: 'rgba(54, 87, 214, 0.45)', size: 6 },
      hovertemplate: `Trial %{customdata}<br>in sample %{x${hover}}<br>out of sample %{y${hover}}<extra></extra>`,
    },
  ];
  const { chosen } = oos;
  if (chosen.inSample !== null && chosen.outOfSample !== null && Number.isFinite(chosen.inSample) && Number.isFinite(chosen.outOfSample)) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `Chosen trial ${chosenTrial}`,
      x: [chosen.inSample],
      y: [chosen.outOfSample],
      marker: { color: chartTheme.down, size: 13, symbol: 'star', line: { color: '#ffffff', width: 1 } },
      hovertemplate: `Chosen trial ${chosenTrial}<br>in sample %{x${hover}}<br>out of sample %{y${hover}}<extra></extra>`,
    });
  }
  const muted = { size: 11, color: chartTheme.muted };
  const rho = oos.rankCorrelation;
  const layout = baseLayout({
    height: 340,
    showlegend: true,
    legend: topLegend,
    margin: { l: 64, r: 16, t: 28, b: 44 },
    hovermode: 'closest',
    xaxis: { ...axisStyle, ...ticks, title: { text: `${metricLabel}, in sample (the bars the tuner saw)`, font: muted } },
    yaxis: { ...axisStyle, ...ticks, title: { text: `${metricLabel}, out of sample (held out)`, font: muted } },
    annotations: [
      {
        xref: 'paper',
        yref: 'paper',
        x: 0.01,
        y: 0.99,
        xanchor: 'left',
        yanchor: 'top',
        showarrow: false,
        align: 'left',
        bgcolor: 'rgba(255,255,255,0.85)',
        text: `Spearman ρ = ${rho === null ? 'n/a' : formatDecimal(rho, 2)} over ${x.length.toLocaleString('en-US')} trials`,
        font: { size: 12, color: chartTheme.text },
      },
    ],
  });
  return { data, layout };
}
