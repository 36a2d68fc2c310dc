import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { PerformanceProfile } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle, baseLayout, timeAxis } from './baseLayout';
import { isDailyTimes, plotlyDates } from './timeScale';

/** The underwater chart: how far equity is below its running peak, filled down from zero. */
export function drawdownFigure(curve: PerformanceProfile['curve'], revision: string): { data: PlotlyData[]; layout: PlotlyLayout } {
  const data: PlotlyData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Drawdown',
      x: plotlyDates(curve.time),
      y: curve.drawdown,
      fill: 'tozeroy',
      fillcolor: 'rgba(210, 70, 60, 0.22)',
      line: { color: chartTheme.down, width: 1 },
      hovertemplate: 'Drawdown %{y:.2%}<extra></extra>',
    },
  ];
  let min = 0;
  for (const d of curve.drawdown) if (d < min) min = d;
  const layout = baseLayout({
    uirevision: revision,
    xaxis: timeAxis(isDailyTimes(curve.time)),
    yaxis: { ...axisStyle, tickformat: '.0%', range: [min < 0 ? min * 1.08 : -0.01, 0], fixedrange: true },
  });
  return { data, layout };
}
