import { useMemo } from 'react';
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import { paretoFront } from '../../../core/tuning/objectives/paretoFront';
import type { StudyTrial } from '../../../shared';
import { PlotlyChart } from '../charts/PlotlyChart';
import { chartTheme } from '../charts/chartTheme';
import { axisStyle, baseLayout } from '../profile/figures/baseLayout';

export interface ParetoObjective {
  metric: string;
  label: string;
  direction: 'maximize' | 'minimize';
}

interface ParetoChartProps {
  trials: StudyTrial[];
  /** The study's objectives; the first two are drawn. */
  objectives: ParetoObjective[];
  studyId: string;
}

export interface ParetoPoints {
  /** Every complete trial with finite values of the first two objectives. */
  all: { number: number; x: number; y: number }[];
  /** Its Pareto set over those two objectives, sorted by the first objective (then the second), for the line. */
  front: { number: number; x: number; y: number }[];
}

/** The complete trials as points of the first two objectives, and their Pareto set. */
export function paretoPoints(trials: StudyTrial[], objectives: readonly ParetoObjective[]): ParetoPoints {
  const all: ParetoPoints['all'] = [];
  for (const t of trials) {
    if (t.state !== 'complete' || !t.values || t.values.length < 2) continue;
    const [x, y] = t.values;
    if (Number.isFinite(x) && Number.isFinite(y)) all.push({ number: t.number, x, y });
  }
  const directions = [objectives[0].direction, objectives[1].direction];
  const front = paretoFront(
    all.map((p) => [p.x, p.y]),
    directions,
  )
    .map((i) => all[i])
    .sort((a, b) => a.x - b.x || a.y - b.y);
  return { all, front };
}

function axisTitle(o: ParetoObjective): string {
  return `${o.label} (${o.direction === 'maximize' ? 'higher' : 'lower'} is better)`;
}

/** The Pareto front figure: every complete trial, and the Pareto set highlighted and joined. SVG traces only (no WebGL under the CSP). */
export function paretoFigure(points: ParetoPoints, objectives: readonly ParetoObjective[]): PlotlyData[] {
  const onFront = new Set(points.front.map((p) => p.number));
  const others = points.all.filter((p) => !onFront.has(p.number));
  const hover = `Trial %{customdata}<br>${objectives[0].label} %{x:.4f}<br>${objectives[1].label} %{y:.4f}`;
  return [
    {
      type: 'scatter',
      mode: 'markers',
      name: 'Trial',
      x: others.map((p) => p.x),
      y: others.map((p) => p.y),
      customdata: others.map((p) => p.number),
      marker: { color: 'rgba(122, 131, 148, 0.45)', size: 7, line: { color: chartTheme.muted, width: 1 } },
      hovertemplate: `${hover}<extra></extra>`,
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: `Pareto set (${points.front.length})`,
      x: points.front.map((p) => p.x),
      y: points.front.map((p) => p.y),
      customdata: points.front.map((p) => p.number),
      // A staircase through the attained corners (each corner is dominated by a point of the set): along the
      // second objective first when the first is maximised (x ascending, the better x comes later), else along the first.
      line: { color: chartTheme.down, width: 2, shape: objectives[0].direction === 'maximize' ? 'vh' : 'hv' },
      marker: { color: chartTheme.down, size: 9, line: { color: '#ffffff', width: 1 } },
      hovertemplate: `${hover}<extra>Pareto set</extra>`,
    },
  ] as PlotlyData[];
}

/** The first two objectives of every complete trial, the Pareto set highlighted (studies with two objectives or more). */
export function ParetoChart({ trials, objectives, studyId }: ParetoChartProps) {
  const points = useMemo(() => paretoPoints(trials, objectives), [trials, objectives]);
  const data = useMemo(() => paretoFigure(points, objectives), [points, objectives]);
  const layout = useMemo(
    () =>
      baseLayout({
        height: 360,
        margin: { l: 64, r: 16, t: 12, b: 48 },
        // Zoom survives the redraws of a running study.
        uirevision: studyId,
        showlegend: true,
        legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
        xaxis: { title: { text: axisTitle(objectives[0]) }, ...axisStyle },
        yaxis: { title: { text: axisTitle(objectives[1]) }, ...axisStyle },
        hovermode: 'closest',
      } as PlotlyLayout),
    [studyId, objectives],
  );
  return (
    <div data-testid="pareto-front" data-points={points.all.length} data-front={points.front.length}>
      <PlotlyChart
        data={data}
        layout={layout}
        className="pareto-chart"
        ariaLabel={`Pareto front: ${objectives[0].label} against ${objectives[1].label} for every completed trial, the Pareto set highlighted`}
        testId="pareto-chart"
      />
    </div>
  );
}
