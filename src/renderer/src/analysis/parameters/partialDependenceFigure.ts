// Partial dependence (Friedman 2001, "Greedy function approximation", sec. 8.2) as the back end computes it from
// the GP: for each parameter, the posterior mean averaged over the others, with a +/- 1 sd band.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { ParametersReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import type { ParamDimension } from './paramDimensions';
import { extent } from './logTicks';
import { gridLayout, subplotGrid } from './subplotGrid';

export function partialDependenceFigure(
  curves: ParametersReport['partialDependence'],
  dims: readonly ParamDimension[],
  objectiveLabel: string,
): { data: PlotlyData[]; layout: PlotlyLayout; height: number } {
  const grid = subplotGrid(curves.length, 4);
  const data: PlotlyData[] = [];
  curves.forEach((c, i) => {
    const axes = { xaxis: grid.xref(i), yaxis: grid.yref(i) };
    data.push(
      { type: 'scatter', mode: 'lines', x: c.x, y: c.lower, line: { width: 0 }, hoverinfo: 'skip', showlegend: false, ...axes },
      {
        type: 'scatter',
        mode: 'lines',
        x: c.x,
        y: c.upper,
        fill: 'tonexty',
        fillcolor: 'rgba(54, 87, 214, 0.14)',
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
        ...axes,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: c.param,
        x: c.x,
        y: c.mean,
        line: { color: chartTheme.line, width: 2 },
        showlegend: false,
        hovertemplate: `${c.param} %{x:.4g}<br>${objectiveLabel} %{y:.4f}<extra></extra>`,
        ...axes,
      },
    );
  });
  const height = 60 + grid.rows * 200;
  const layout = {
    ...gridLayout(
      grid,
      curves.map((c) => c.param),
      objectiveLabel,
      curves.map((c) => (dims.find((d) => d.name === c.param)?.kind === 'log' ? 'log' : 'linear')),
      curves.map((c) => extent(c.x)),
    ),
    height,
    margin: { l: 64, r: 24, t: 16, b: 48 },
    hovermode: 'closest',
  } as PlotlyLayout;
  return { data, layout, height };
}
