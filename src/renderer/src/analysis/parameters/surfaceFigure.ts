// The GP posterior mean over two parameters (the others held at one trial's values): as a filled contour with the
// trials projected on top, and as a 3-D surface of the same grid with the trials as points.
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { SurfaceReport } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle } from '../../profile/figures/baseLayout';
import { extent, logAxis } from './logTicks';

const COLORSCALE = 'Viridis';

function axisType(axis: SurfaceReport['x']): Record<string, unknown> {
  if (!axis.log) return { type: 'linear' };
  const [lo, hi] = extent(axis.values);
  return logAxis(lo, hi);
}

export function contourFigure(surface: SurfaceReport, objectiveLabel: string, cloud: 'scattergl' | 'scatter'): { data: PlotlyData[]; layout: PlotlyLayout } {
  const data: PlotlyData[] = [
    {
      type: 'contour',
      name: 'GP mean',
      x: surface.x.values,
      y: surface.y.values,
      z: surface.mean,
      colorscale: COLORSCALE,
      contours: { coloring: 'heatmap', showlines: true },
      line: { width: 0.5, color: 'rgba(255,255,255,0.5)' },
      colorbar: { title: { text: `${objectiveLabel} (GP mean)`, side: 'right' }, thickness: 12 },
      hovertemplate: `${surface.x.param} %{x:.4g}<br>${surface.y.param} %{y:.4g}<br>mean %{z:.4f}<extra></extra>`,
    },
    {
      type: cloud,
      mode: 'markers',
      name: 'Trials',
      x: surface.trials.map((t) => t.x),
      y: surface.trials.map((t) => t.y),
      customdata: surface.trials.map((t) => [t.trial, t.value]),
      marker: { size: 5, color: 'rgba(255,255,255,0.85)', line: { color: chartTheme.text, width: 1 } },
      hovertemplate: `Trial %{customdata[0]}<br>${surface.x.param} %{x:.4g}<br>${surface.y.param} %{y:.4g}<br>${objectiveLabel} %{customdata[1]:.4f}<extra></extra>`,
    },
  ];
  const layout = {
    height: 420,
    margin: { l: 64, r: 16, t: 12, b: 48 },
    showlegend: false,
    xaxis: { ...axisStyle, ...axisType(surface.x), title: { text: surface.x.param } },
    yaxis: { ...axisStyle, ...axisType(surface.y), title: { text: surface.y.param } },
    hovermode: 'closest',
  } as PlotlyLayout;
  return { data, layout };
}

export function surface3dFigure(surface: SurfaceReport, objectiveLabel: string): { data: PlotlyData[]; layout: PlotlyLayout } {
  const scene3dAxis = { backgroundcolor: chartTheme.background, gridcolor: chartTheme.grid, zerolinecolor: chartTheme.axis, showbackground: true };
  const data: PlotlyData[] = [
    {
      type: 'surface',
      name: 'GP mean',
      x: surface.x.values,
      y: surface.y.values,
      z: surface.mean,
      colorscale: COLORSCALE,
      opacity: 0.95,
      colorbar: { title: { text: `${objectiveLabel} (GP mean)`, side: 'right' }, thickness: 12 },
      hovertemplate: `${surface.x.param} %{x:.4g}<br>${surface.y.param} %{y:.4g}<br>mean %{z:.4f}<extra></extra>`,
    },
    {
      type: 'scatter3d',
      mode: 'markers',
      name: 'Trials',
      x: surface.trials.map((t) => t.x),
      y: surface.trials.map((t) => t.y),
      z: surface.trials.map((t) => t.value),
      customdata: surface.trials.map((t) => t.trial),
      marker: { size: 2.5, color: chartTheme.text, opacity: 0.7 },
      hovertemplate: `Trial %{customdata}<br>${objectiveLabel} %{z:.4f}<extra></extra>`,
    },
  ];
  const layout = {
    height: 420,
    margin: { l: 0, r: 0, t: 0, b: 0 },
    showlegend: false,
    scene: {
      xaxis: { ...scene3dAxis, ...axisType(surface.x), title: { text: surface.x.param } },
      yaxis: { ...scene3dAxis, ...axisType(surface.y), title: { text: surface.y.param } },
      zaxis: { ...scene3dAxis, title: { text: objectiveLabel } },
      camera: { eye: { x: 1.6, y: -1.6, z: 0.9 } },
      aspectmode: 'cube',
    },
  } as PlotlyLayout;
  return { data, layout };
}
