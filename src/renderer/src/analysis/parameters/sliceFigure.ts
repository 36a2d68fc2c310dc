// Slice plots (as in Optuna's plot_slice): the objective of every complete trial against each parameter in turn,
// coloured by trial number, so one sees both where the good values lie and where the sampler spent its trials.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { StudyTrial } from '../../../../shared';
import type { ParamDimension } from './paramDimensions';
import { extent } from './logTicks';
import { gridLayout, subplotGrid } from './subplotGrid';

export function sliceFigure(
  trials: readonly StudyTrial[],
  dims: readonly ParamDimension[],
  objectiveLabel: string,
  cloud: 'scattergl' | 'scatter',
): { data: PlotlyData[]; layout: PlotlyLayout; height: number } {
  const rows = trials.filter((t) => t.state === 'complete' && t.values && Number.isFinite(t.values[0]));
  const grid = subplotGrid(dims.length, 4);
  const numbers = rows.map((t) => t.number);
  const data: PlotlyData[] = dims.map((dim, i) => ({
    type: cloud,
    mode: 'markers',
    name: dim.name,
    x: rows.map((t) => (dim.kind === 'category' ? String(t.params[dim.name]) : t.params[dim.name])),
    y: rows.map((t) => t.values![0]),
    customdata: numbers,
    xaxis: grid.xref(i),
    yaxis: grid.yref(i),
    marker: {
      size: 5,
      color: numbers,
      colorscale: 'Blues',
      cmin: 0,
      cmax: Math.max(1, ...numbers),
      opacity: 0.8,
      showscale: i === 0,
      colorbar: { title: { text: 'Trial', side: 'right' }, thickness: 10, len: 0.8 },
    },
    hovertemplate: `Trial %{customdata}<br>${dim.name} %{x}<br>${objectiveLabel} %{y:.4f}<extra></extra>`,
  }));
  const height = 70 + grid.rows * 220;
  const layout = {
    ...gridLayout(
      grid,
      dims.map((d) => d.name),
      objectiveLabel,
      dims.map((d) => (d.kind === 'category' ? 'category' : d.kind)),
      dims.map((d) => (d.low !== null && d.high !== null ? [d.low, d.high] : extent(rows.map((t) => Number(t.params[d.name]))))),
    ),
    height,
    margin: { l: 64, r: 24, t: 16, b: 48 },
    hovermode: 'closest',
  } as PlotlyLayout;
  return { data, layout, height };
}
