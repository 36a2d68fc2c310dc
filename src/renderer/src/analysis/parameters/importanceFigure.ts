// Parameter importance, two ways side by side: fANOVA (Hutter, Hoos & Leyton-Brown 2014, "An efficient approach
// for assessing hyperparameter importance": each parameter's share of the objective's variance under a random
// forest) and the GP's ARD relevance (1/length-scale, normalised; Rasmussen & Williams 2006, sec. 5.1).
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { ParametersReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle } from '../../profile/figures/baseLayout';

export function importanceFigure(importance: ParametersReport['importance']): { data: PlotlyData[]; layout: PlotlyLayout; height: number } {
  // Most important at the top (plotly draws the first category at the bottom).
  const rows = [...importance].sort((a, b) => a.fanova - b.fanova);
  const names = rows.map((r) => r.param);
  const hasGp = rows.some((r) => r.gpRelevance !== null);
  const data: PlotlyData[] = [
    {
      type: 'bar',
      orientation: 'h',
      name: 'fANOVA (variance share)',
      y: names,
      x: rows.map((r) => r.fanova),
      marker: { color: chartTheme.line },
      text: rows.map((r) => `${(r.fanova * 100).toFixed(0)}%`),
      textposition: 'outside',
      cliponaxis: false,
      hovertemplate: '%{y}: %{x:.1%} of the variance<extra>fANOVA</extra>',
    },
  ];
  if (hasGp) {
    data.push({
      type: 'bar',
      orientation: 'h',
      name: 'GP relevance (1 / length-scale)',
      y: names,
      x: rows.map((r) => r.gpRelevance),
      customdata: rows.map((r) => r.lengthscale),
      marker: { color: chartTheme.up },
      text: rows.map((r) => (r.gpRelevance === null ? '' : `${(r.gpRelevance * 100).toFixed(0)}%`)),
      textposition: 'outside',
      cliponaxis: false,
      hovertemplate: '%{y}: relevance %{x:.1%}, length-scale %{customdata:.3g}<extra>GP</extra>',
    });
  }
  const height = 90 + rows.length * (hasGp ? 44 : 28);
  const layout = {
    height,
    barmode: 'group',
    margin: { l: 110, r: 48, t: 8, b: 40 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
    xaxis: { ...axisStyle, tickformat: '.0%', rangemode: 'tozero', title: { text: 'Share (sums to 100% per method)' } },
    yaxis: { ...axisStyle, automargin: true },
    hovermode: 'closest',
  } as PlotlyLayout;
  return { data, layout, height };
}
