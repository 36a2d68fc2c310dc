import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { ChartSeries, TradeTable } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle, baseLayout, timeAxis, topLegend } from './baseLayout';
import { isDailyTimes, plotlyDates } from './timeScale';

/** More markers than this make an SVG chart sluggish; the chart then says so instead of drawing them. */
export const MAX_TRADE_MARKERS = 5000;

function priceTrace(price: ChartSeries, x: string[]): PlotlyData {
  if (price.kind === 'ohlc' && price.open && price.high && price.low) {
    return {
      type: 'candlestick',
      name: 'Price',
      x,
      open: price.open,
      high: price.high,
      low: price.low,
      close: price.close,
      increasing: { line: { color: 'rgba(20, 148, 107, 0.55)', width: 1 }, fillcolor: 'rgba(20, 148, 107, 0.35)' },
      decreasing: { line: { color: 'rgba(210, 70, 60, 0.55)', width: 1 }, fillcolor: 'rgba(210, 70, 60, 0.35)' },
      whiskerwidth: 0,
      showlegend: false,
    };
  }
  return {
    type: 'scatter',
    mode: 'lines',
    name: 'Close',
    x,
    y: price.close,
    line: { color: chartTheme.muted, width: 1.25 },
    hovertemplate: '%{y:,.6~g}<extra></extra>',
    showlegend: false,
  };
}

function markers(name: string, symbol: string, color: string, times: number[], prices: number[], size = 9, opacity = 1): PlotlyData {
  return {
    type: 'scatter',
    mode: 'markers',
    name,
    x: plotlyDates(times),
    y: prices,
    marker: { symbol, color, size, opacity, line: { width: symbol === 'x' ? 0 : 0.5, color: '#ffffff' } },
    hovertemplate: `${name} %{y:,.6~g}<extra></extra>`,
  };
}

/** The price with each trade's entry (▲ long, ▼ short) and exit (×) at its fill price. */
export function tradeFigure(price: ChartSeries, trades: TradeTable, revision: string): { data: PlotlyData[]; layout: PlotlyLayout; markersShown: boolean } {
  const x = plotlyDates(price.time);
  const data: PlotlyData[] = [priceTrace(price, x)];
  const n = trades.entryTime.length;
  const markersShown = n > 0 && n <= MAX_TRADE_MARKERS;
  if (markersShown) {
    const long = { t: [] as number[], p: [] as number[] };
    const short = { t: [] as number[], p: [] as number[] };
    for (let k = 0; k < n; k++) {
      const side = trades.size[k] >= 0 ? long : short;
      side.t.push(trades.entryTime[k]);
      side.p.push(trades.entryPrice[k]);
    }
    if (long.t.length > 0) data.push(markers('Long entry', 'triangle-up', chartTheme.up, long.t, long.p));
    if (short.t.length > 0) data.push(markers('Short entry', 'triangle-down', chartTheme.down, short.t, short.p));
    data.push(markers('Exit', 'x', chartTheme.text, trades.exitTime, trades.exitPrice, 6, 0.75));
  }
  const layout = baseLayout({
    uirevision: revision,
    showlegend: markersShown,
    legend: topLegend,
    margin: { l: 64, r: 16, t: 24, b: 32 },
    hovermode: 'closest',
    xaxis: { ...timeAxis(isDailyTimes(price.time)), rangeslider: { visible: false } },
    yaxis: { ...axisStyle, autorange: true },
  });
  return { data, layout, markersShown };
}
