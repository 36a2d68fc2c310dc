import { useMemo } from 'react';
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { StudyTrial } from '../../../shared';
import { PlotlyChart } from '../charts/PlotlyChart';
import { chartTheme } from '../charts/chartTheme';
import { pointCloudType } from '../charts/webglSupport';
import { axisStyle, baseLayout } from '../profile/figures/baseLayout';

interface HistoryChartProps {
  trials: StudyTrial[];
  /** The first objective: the one drawn. */
  objective: { metric: string; label: string; direction: 'maximize' | 'minimize' };
  studyId: string;
}

/**
 * Trial number → objective value of every completed trial, with the best-so-far line. `cloud` is the trace type:
 * WebGL (scattergl, from plotly's CSP-safe bundle) keeps 10,000 trials fluid under zoom and pan; SVG where WebGL
 * cannot draw.
 */
export function historyFigure(trials: StudyTrial[], direction: 'maximize' | 'minimize', cloud: 'scattergl' | 'scatter' = 'scattergl'): PlotlyData[] {
  const x: number[] = [];
  const y: number[] = [];
  const bestX: number[] = [];
  const bestY: number[] = [];
  let best: number | null = null;
  for (const t of trials) {
    if (t.state !== 'complete' || !t.values || t.values.length === 0) continue;
    const v = t.values[0];
    if (!Number.isFinite(v)) continue;
    x.push(t.number);
    y.push(v);
    if (best === null || (direction === 'maximize' ? v > best : v < best)) best = v;
    bestX.push(t.number);
    bestY.push(best);
  }
  return [
    {
      type: cloud,
      mode: 'markers',
      name: 'Trial',
      x,
      y,
      marker: { color: 'rgba(54, 87, 214, 0.55)', size: 7, line: { color: chartTheme.line, width: 1 } },
      hovertemplate: 'Trial %{x}<br>%{y:.4f}<extra></extra>',
    },
    {
      type: cloud,
      mode: 'lines',
      name: 'Best so far',
      x: bestX,
      y: bestY,
      line: { color: chartTheme.up, width: 2, shape: 'hv' },
      hovertemplate: 'Best after trial %{x}<br>%{y:.4f}<extra></extra>',
    },
  ] as PlotlyData[];
}

export function HistoryChart({ trials, objective, studyId }: HistoryChartProps) {
  const cloud = pointCloudType();
  const data = useMemo(() => historyFigure(trials, objective.direction, cloud), [trials, objective.direction, cloud]);
  const layout = useMemo(
    () =>
      baseLayout({
        height: 300,
        margin: { l: 56, r: 16, t: 12, b: 40 },
        // Zoom survives the redraws of a running study.
        uirevision: studyId,
        showlegend: true,
        legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
        xaxis: { title: { text: 'Trial' }, ...axisStyle },
        yaxis: { title: { text: objective.label }, ...axisStyle },
        hovermode: 'closest',
      } as PlotlyLayout),
    [studyId, objective.label],
  );
  const points = (data[0].x as number[]).length;
  return (
    <div className="history-chart-frame" data-testid="history-chart-frame" data-renderer={cloud === 'scattergl' ? 'webgl' : 'svg'} data-points={points}>
      <PlotlyChart data={data} layout={layout} className="history-chart" ariaLabel={`Optimisation history: ${objective.label} per trial and the best so far`} testId="history-chart" />
      {cloud === 'scatter' ? <p className="muted chart-note">WebGL is not available here, so the chart draws with SVG (slower beyond a few thousand trials).</p> : null}
    </div>
  );
}
