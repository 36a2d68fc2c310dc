import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { ChartSeries } from '../../../shared';
import { chartTheme } from './chartTheme';
import { toPlotlyDate } from './plotlyDate';
import type { TimeRange } from './relayoutRange';
import { visibleExtent } from './visibleExtent';

interface PriceFigureOptions {
  /** Keeps the user's zoom across updates of the same dataset (plotly's uirevision). */
  revision: string;
  /** The visible range, or null for the whole series. */
  range: TimeRange | null;
  /** Bars a day or more apart: hover shows the date only. */
  daily: boolean;
}

function hasVolume(series: ChartSeries): boolean {
  return series.volume !== undefined && series.volume.some((v) => v > 0);
}

function maxVolume(series: ChartSeries): number {
  let max = 0;
  for (const v of series.volume ?? []) if (v > max) max = v;
  return max;
}

export function priceFigure(series: ChartSeries, options: PriceFigureOptions): { data: PlotlyData[]; layout: PlotlyLayout } {
  const x = series.time.map(toPlotlyDate);
  const volume = hasVolume(series);
  const ohlc = series.kind === 'ohlc' && series.open && series.high && series.low;
  const hoverformat = options.daily ? '%Y-%m-%d' : '%Y-%m-%d %H:%M';

  const price: PlotlyData = ohlc
    ? {
        type: 'candlestick',
        name: 'Price',
        x,
        open: series.open,
        high: series.high,
        low: series.low,
        close: series.close,
        increasing: { line: { color: chartTheme.up, width: 1 }, fillcolor: chartTheme.up },
        decreasing: { line: { color: chartTheme.down, width: 1 }, fillcolor: chartTheme.down },
        whiskerwidth: 0,
        yaxis: 'y',
      }
    : {
        type: 'scatter',
        mode: 'lines',
        name: 'Close',
        x,
        y: series.close,
        line: { color: chartTheme.line, width: 1.5 },
        hovertemplate: '%{y:,.6~g}<extra></extra>',
        yaxis: 'y',
      };
  const data: PlotlyData[] = [price];
  if (volume) {
    data.push({
      type: 'bar',
      name: 'Volume',
      x,
      y: series.volume,
      marker: { color: chartTheme.volume },
      hovertemplate: 'Volume %{y:,.0f}<extra></extra>',
      yaxis: 'y2',
    });
  }

  const extent = options.range ? visibleExtent(series, options.range) : null;
  const axisCommon = {
    gridcolor: chartTheme.grid,
    linecolor: chartTheme.axis,
    zeroline: false,
    // y follows the visible window (see visibleExtent); letting users drag it would fight that.
    fixedrange: true,
  };

  const layout: PlotlyLayout = {
    uirevision: options.revision,
    autosize: true,
    margin: { l: 64, r: 16, t: 8, b: 8 },
    paper_bgcolor: chartTheme.background,
    plot_bgcolor: chartTheme.background,
    font: { family: chartTheme.font, size: 12, color: chartTheme.text },
    showlegend: false,
    hovermode: 'x',
    dragmode: 'zoom',
    bargap: 0,
    xaxis: {
      type: 'date',
      anchor: volume ? 'y2' : 'y',
      hoverformat,
      gridcolor: chartTheme.grid,
      linecolor: chartTheme.axis,
      ...(options.range
        ? { range: [toPlotlyDate(options.range.from), toPlotlyDate(options.range.to)], autorange: false }
        : { autorange: true }),
      rangeslider: {
        visible: true,
        thickness: 0.09,
        bgcolor: chartTheme.sliderBackground,
        bordercolor: chartTheme.axis,
        borderwidth: 1,
        // The slider is the overview: it must not inherit the zoomed y ranges of the main plot. Volume is kept out
        // of it (plotly cannot exclude a trace, so its scale is made so large the bars have no height).
        yaxis: { rangemode: 'auto' },
        ...(volume ? { yaxis2: { rangemode: 'fixed', range: [0, maxVolume(series) * 1e9] } } : {}),
      },
    },
    yaxis: {
      ...axisCommon,
      domain: volume ? [0.27, 1] : [0, 1],
      ...(extent ? { range: extent.price, autorange: false } : { autorange: true }),
    },
  };
  if (volume) {
    layout.yaxis2 = {
      ...axisCommon,
      domain: [0, 0.2],
      showgrid: false,
      tickformat: '~s',
      nticks: 3,
      ...(extent && extent.volume > 0 ? { range: [0, extent.volume * 1.05], autorange: false } : { autorange: true, rangemode: 'tozero' }),
    };
  }
  return { data, layout };
}
