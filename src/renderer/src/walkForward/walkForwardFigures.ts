// The walk-forward chart's figures: the stitched out-of-sample equity above a timeline of the windows (in-sample
// and out-of-sample bars per window, so purge and embargo gaps show), the in- against out-of-sample objective per
// window, and the chosen value of each numeric parameter per window (drift).
import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { WalkForwardSummary } from '../../../shared';
import { chartTheme } from '../charts/chartTheme';
import { toPlotlyDate } from '../charts/plotlyDate';
import { axisStyle, baseLayout, topLegend } from '../profile/figures/baseLayout';

export const IS_COLOUR = '#3657d6';
export const OOS_COLOUR = '#14946b';
const IS_FILL = 'rgba(54, 87, 214, 0.55)';
const OOS_FILL = 'rgba(20, 148, 107, 0.75)';
const OOS_SHADE = 'rgba(20, 148, 107, 0.07)';
const DRIFT_COLOURS = ['#3657d6', '#d2463c', '#b7791f', '#7b4fd6', '#14946b', '#0e7c86'];

/** Where the equity and the timeline sit, as fractions of the plot height. */
const EQUITY_DOMAIN = [0.34, 1] as const;
const TIMELINE_DOMAIN = [0, 0.24] as const;

/**
 * Top: the stitched out-of-sample equity, each window's test part shaded and its start marked. Bottom: one row per
 * window, its in-sample bar (what the study tuned on, after the purge) and its out-of-sample bar (what it was
 * tested on), on the same time axis, so the walk forward and the gaps left by purge and embargo are visible.
 */
export function walkForwardFigure(run: WalkForwardSummary, daily: boolean): { data: PlotlyData[]; layout: PlotlyLayout } {
  const windows = run.windows;
  const shapes: Record<string, unknown>[] = [];
  const hoverX: string[] = [];
  const hoverY: number[] = [];
  const hoverText: string[] = [];
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, daily ? 10 : 16).replace('T', ' ');
  const rowHalf = 0.32;
  for (const w of windows) {
    const row = w.index + 1;
    const oosStart = toPlotlyDate(w.outOfSample.fromTime);
    const oosEnd = toPlotlyDate(w.outOfSample.toTime);
    shapes.push(
      { type: 'rect', xref: 'x', yref: 'paper', x0: oosStart, x1: oosEnd, y0: EQUITY_DOMAIN[0], y1: EQUITY_DOMAIN[1], fillcolor: w.index % 2 === 0 ? OOS_SHADE : 'rgba(20, 148, 107, 0.12)', line: { width: 0 }, layer: 'below' },
      { type: 'line', xref: 'x', yref: 'paper', x0: oosStart, x1: oosStart, y0: TIMELINE_DOMAIN[0], y1: EQUITY_DOMAIN[1], line: { color: 'rgba(20, 148, 107, 0.45)', width: 1, dash: 'dot' }, layer: 'below' },
      { type: 'rect', xref: 'x', yref: 'y2', x0: toPlotlyDate(w.inSample.fromTime), x1: toPlotlyDate(w.inSample.toTime), y0: row - rowHalf, y1: row + rowHalf, fillcolor: IS_FILL, line: { width: 0 } },
      { type: 'rect', xref: 'x', yref: 'y2', x0: oosStart, x1: oosEnd, y0: row - rowHalf, y1: row + rowHalf, fillcolor: OOS_FILL, line: { width: 0 } },
    );
    const mid = (a: number, b: number) => toPlotlyDate(a + (b - a) / 2);
    hoverX.push(mid(w.inSample.fromTime, w.inSample.toTime), mid(w.outOfSample.fromTime, w.outOfSample.toTime));
    hoverY.push(row, row);
    hoverText.push(
      `Window ${row} in sample<br>bars ${w.inSample.fromBar}–${w.inSample.toBar - 1}<br>${fmt(w.inSample.fromTime)} → ${fmt(w.inSample.toTime)}`,
      `Window ${row} out of sample<br>bars ${w.outOfSample.fromBar}–${w.outOfSample.toBar - 1}<br>${fmt(w.outOfSample.fromTime)} → ${fmt(w.outOfSample.toTime)}`,
    );
  }
  const data: PlotlyData[] = [];
  if (run.stitched) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'Stitched out-of-sample equity',
      x: run.stitched.time.map(toPlotlyDate),
      y: run.stitched.equity,
      line: { color: chartTheme.line, width: 1.6 },
      hovertemplate: '%{x}<br>Equity %{y:,.0f}<extra></extra>',
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'Initial capital',
      x: [toPlotlyDate(run.stitched.time[0]), toPlotlyDate(run.stitched.time[run.stitched.time.length - 1])],
      y: [run.stitched.initialCapital, run.stitched.initialCapital],
      line: { color: chartTheme.muted, width: 1, dash: 'dash' },
      hoverinfo: 'skip',
    });
  }
  data.push(
    { type: 'scatter', mode: 'markers', name: 'In sample (tuned on)', x: [null], y: [null], yaxis: 'y2', marker: { color: IS_FILL, symbol: 'square', size: 12 }, hoverinfo: 'skip' },
    { type: 'scatter', mode: 'markers', name: 'Out of sample (tested on)', x: [null], y: [null], yaxis: 'y2', marker: { color: OOS_FILL, symbol: 'square', size: 12 }, hoverinfo: 'skip' },
    { type: 'scatter', mode: 'markers', name: 'windows', x: hoverX, y: hoverY, yaxis: 'y2', marker: { size: 14, opacity: 0 }, text: hoverText, hovertemplate: '%{text}<extra></extra>', showlegend: false },
  );
  const n = windows.length;
  const layout = baseLayout({
    height: 460,
    margin: { l: 72, r: 16, t: 8, b: 36 },
    showlegend: true,
    legend: topLegend,
    hovermode: 'closest',
    uirevision: run.id,
    shapes,
    xaxis: { ...axisStyle, type: 'date', hoverformat: daily ? '%Y-%m-%d' : '%Y-%m-%d %H:%M', anchor: 'y2' },
    yaxis: { ...axisStyle, domain: EQUITY_DOMAIN, title: { text: 'Equity' }, tickformat: ',.0f', rangemode: 'normal' },
    yaxis2: {
      ...axisStyle,
      domain: TIMELINE_DOMAIN,
      range: [n + 0.7, 0.3],
      tickvals: windows.map((w) => w.index + 1),
      ticktext: windows.map((w) => `W${w.index + 1}`),
      showgrid: false,
      fixedrange: true,
      title: { text: 'Windows' },
    },
  } as PlotlyLayout);
  return { data, layout };
}

/** In- against out-of-sample objective of each window's chosen parameters, WFE in the hover. */
export function windowBarsFigure(run: WalkForwardSummary, objectiveLabel: string): { data: PlotlyData[]; layout: PlotlyLayout } {
  const done = run.windows.filter((w) => w.inSamplePerformance && w.outOfSamplePerformance);
  const x = done.map((w) => `W${w.index + 1}`);
  const wfe = done.map((w) => (w.efficiency === null ? 'n/a' : w.efficiency.toFixed(2)));
  const data: PlotlyData[] = [
    {
      type: 'bar',
      name: 'In sample',
      x,
      y: done.map((w) => w.inSamplePerformance!.objective),
      marker: { color: IS_COLOUR },
      customdata: wfe,
      hovertemplate: `%{x} in sample<br>${objectiveLabel} %{y:.3f}<br>WFE %{customdata}<extra></extra>`,
    },
    {
      type: 'bar',
      name: 'Out of sample',
      x,
      y: done.map((w) => w.outOfSamplePerformance!.objective),
      marker: { color: OOS_COLOUR },
      customdata: wfe,
      hovertemplate: `%{x} out of sample<br>${objectiveLabel} %{y:.3f}<br>WFE %{customdata}<extra></extra>`,
    },
  ];
  const layout = baseLayout({
    height: 300,
    margin: { l: 56, r: 16, t: 8, b: 36 },
    barmode: 'group',
    bargap: 0.3,
    showlegend: true,
    legend: topLegend,
    hovermode: 'closest',
    xaxis: { ...axisStyle, type: 'category' },
    yaxis: { ...axisStyle, title: { text: objectiveLabel }, zeroline: true, zerolinecolor: chartTheme.axis },
  } as PlotlyLayout);
  return { data, layout };
}

/** One small panel per numeric parameter: the value each window chose, with the mean as a dashed line. */
export function driftFigure(run: WalkForwardSummary): { data: PlotlyData[]; layout: PlotlyLayout } | null {
  const numeric = run.drift.filter((d) => d.numeric && d.values.length > 0);
  if (numeric.length === 0) return null;
  const data: PlotlyData[] = [];
  const layout: Record<string, unknown> = {};
  const gap = 0.08;
  const height = (1 - gap * (numeric.length - 1)) / numeric.length;
  numeric.forEach((d, i) => {
    const axis = i === 0 ? '' : String(i + 1);
    const colour = DRIFT_COLOURS[i % DRIFT_COLOURS.length];
    const x = d.values.map((_, k) => k + 1);
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: d.name,
      x,
      y: d.values,
      yaxis: `y${axis}`,
      line: { color: colour, width: 2 },
      marker: { color: colour, size: 7 },
      hovertemplate: `Window %{x}<br>${d.name} = %{y}<extra></extra>`,
    });
    if (d.mean !== null) {
      data.push({ type: 'scatter', mode: 'lines', name: `${d.name} mean`, x: [1, d.values.length], y: [d.mean, d.mean], yaxis: `y${axis}`, line: { color: colour, width: 1, dash: 'dash' }, hoverinfo: 'skip', showlegend: false });
    }
    const top = 1 - i * (height + gap);
    const cv = d.coefficientOfVariation === null ? '' : ` (CV ${d.coefficientOfVariation.toFixed(2)})`;
    layout[`yaxis${axis}`] = { ...axisStyle, domain: [top - height, top], title: { text: `${d.name}${cv}`, font: { size: 11 } }, anchor: 'x' };
  });
  return {
    data,
    layout: baseLayout({
      height: Math.max(220, 130 * numeric.length + 40),
      margin: { l: 72, r: 16, t: 8, b: 36 },
      hovermode: 'closest',
      // Ticks and title under the lowest panel, where the x axis is read.
      xaxis: { ...axisStyle, title: { text: 'Window' }, tickmode: 'linear', dtick: 1, anchor: numeric.length === 1 ? 'y' : `y${numeric.length}` },
      ...layout,
    } as PlotlyLayout),
  };
}
