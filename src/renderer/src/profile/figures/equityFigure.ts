import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { PerformanceProfile } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle, baseLayout, timeAxis, topLegend } from './baseLayout';
import { isDailyTimes, plotlyDates } from './timeScale';

/** Strategy equity against buy-and-hold of the same capital, on a linear or log scale. */
export function equityFigure(curve: PerformanceProfile['curve'], options: { log: boolean; revision: string }): { data: PlotlyData[]; layout: PlotlyLayout } {
  const x = plotlyDates(curve.time);
  const data: PlotlyData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Buy & hold',
      x,
      y: curve.buyHold,
      line: { color: chartTheme.muted, width: 1.25 },
      hovertemplate: '%{y:,.2f}',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Strategy',
      x,
      y: curve.equity,
      line: { color: chartTheme.line, width: 1.75 },
      hovertemplate: '%{y:,.2f}',
    },
  ];
  const layout = baseLayout({
    uirevision: options.revision,
    showlegend: true,
    legend: topLegend,
    margin: { l: 72, r: 16, t: 24, b: 32 },
    hovermode: 'x unified',
    xaxis: timeAxis(isDailyTimes(curve.time)),
    yaxis: { ...axisStyle, type: options.log ? 'log' : 'linear', tickformat: ',.3~s', autorange: true },
  });
  return { data, layout };
}
