// The chosen trial's annualised Sharpe and CAGR with their stationary block bootstrap intervals (Politis & Romano,
// "The Stationary Bootstrap", JASA 89(428), 1994), one panel each since their units differ; the 0 line marks a loss.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { RobustnessReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { formatDecimal } from '../../format/formatNumber';
import { formatPercent } from '../../format/formatPercent';
import { axisStyle, baseLayout, topLegend } from '../../profile/figures/baseLayout';

type Bootstrap = NonNullable<RobustnessReport['bootstrap']>;
type Interval = Bootstrap['cagr'];

function intervalTrace(interval: Interval, axis: '' | '2', label: string, text: (v: number) => string, showlegend: boolean): PlotlyData {
  const level = formatDecimal(interval.level * 100, 0);
  return {
    type: 'scatter',
    mode: 'markers',
    name: `Bootstrap median with its ${level}% interval`,
    legendgroup: 'interval',
    showlegend,
    x: [label],
    y: [interval.median],
    xaxis: `x${axis}`,
    yaxis: `y${axis}`,
    error_y: { type: 'data', symmetric: false, array: [interval.high - interval.median], arrayminus: [interval.median - interval.low], color: chartTheme.line, thickness: 3, width: 14 },
    marker: { color: chartTheme.line, size: 11, symbol: 'diamond' },
    hovertemplate: `${label}<br>${level}% interval ${text(interval.low)} to ${text(interval.high)}<br>median ${text(interval.median)}<extra></extra>`,
  };
}

export function bootstrapFigure(bootstrap: Bootstrap, observedSharpe: number): { data: PlotlyData[]; layout: PlotlyLayout } {
  const sharpeLabel = 'Sharpe (annualised)';
  const cagrLabel = 'CAGR';
  const sharpeText = (v: number) => formatDecimal(v, 2);
  const cagrText = (v: number) => formatPercent(v, 1);
  const data: PlotlyData[] = [
    intervalTrace(bootstrap.sharpeAnnualised, '', sharpeLabel, sharpeText, true),
    intervalTrace(bootstrap.cagr, '2', cagrLabel, cagrText, false),
  ];
  if (Number.isFinite(observedSharpe)) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Observed (in sample)',
      x: [sharpeLabel],
      y: [observedSharpe],
      marker: { color: chartTheme.text, size: 22, symbol: 'line-ew-open', line: { width: 2 } },
      hovertemplate: `Observed in-sample Sharpe ${sharpeText(observedSharpe)}<extra></extra>`,
    });
  }
  const zero = (axis: '' | '2') => ({ type: 'line', xref: `x${axis} domain`, yref: `y${axis}`, x0: 0, x1: 1, y0: 0, y1: 0, line: { color: chartTheme.down, width: 1, dash: 'dash' } });
  const span = (i: Interval) => {
    const lo = Math.min(0, i.low);
    const hi = Math.max(0, i.high);
    const pad = (hi - lo) * 0.08 || 0.1;
    return [lo - pad, hi + pad];
  };
  const sharpeRange = span(bootstrap.sharpeAnnualised);
  if (Number.isFinite(observedSharpe)) {
    sharpeRange[0] = Math.min(sharpeRange[0], observedSharpe);
    sharpeRange[1] = Math.max(sharpeRange[1], observedSharpe);
  }
  const muted = { size: 11, color: chartTheme.muted };
  const layout = baseLayout({
    height: 320,
    showlegend: true,
    legend: topLegend,
    margin: { l: 56, r: 16, t: 28, b: 32 },
    hovermode: 'closest',
    xaxis: { ...axisStyle, domain: [0, 0.42], fixedrange: true },
    yaxis: { ...axisStyle, range: sharpeRange, title: { text: 'Sharpe, annualised', font: muted } },
    xaxis2: { ...axisStyle, domain: [0.58, 1], fixedrange: true, anchor: 'y2' },
    yaxis2: { ...axisStyle, range: span(bootstrap.cagr), tickformat: '.0%', anchor: 'x2', title: { text: 'CAGR', font: muted } },
    shapes: [zero(''), zero('2')],
  });
  return { data, layout };
}
