import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { PerformanceProfile } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle, baseLayout, timeAxis } from './baseLayout';
import { isDailyTimes, plotlyDates } from './timeScale';

/** Rolling annualised Sharpe ratio; gaps where it is undefined (warm-up, windows spent flat). */
export function rollingSharpeFigure(rolling: PerformanceProfile['rollingSharpe'], revision: string): { data: PlotlyData[]; layout: PlotlyLayout } {
  const data: PlotlyData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Rolling Sharpe',
      x: plotlyDates(rolling.time),
      y: rolling.value,
      connectgaps: false,
      line: { color: chartTheme.line, width: 1.25 },
      hovertemplate: 'Sharpe %{y:.2f}<extra></extra>',
    },
  ];
  const layout = baseLayout({
    uirevision: revision,
    xaxis: timeAxis(isDailyTimes(rolling.time)),
    yaxis: { ...axisStyle, zeroline: true, zerolinecolor: chartTheme.axis, tickformat: '.1f' },
  });
  return { data, layout };
}
