import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { PerformanceProfile } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { axisStyle, baseLayout, topLegend } from './baseLayout';

const CURVE_POINTS = 120;

function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/**
 * The normal density of the same mean and std, scaled to counts: count × bin width × pdf(x), so its area matches the
 * histogram's.
 */
function normalCurve(d: PerformanceProfile['distribution'], width: number): { x: number[]; y: number[] } | null {
  const { mean, std, count, edges } = d;
  if (mean === null || std === null || !(std > 0) || edges.length < 2) return null;
  const lo = Math.min(edges[0], mean - 4 * std);
  const hi = Math.max(edges[edges.length - 1], mean + 4 * std);
  const x: number[] = [];
  const y: number[] = [];
  const scale = (count * width) / (std * Math.sqrt(2 * Math.PI));
  for (let i = 0; i <= CURVE_POINTS; i++) {
    const v = lo + ((hi - lo) * i) / CURVE_POINTS;
    x.push(v);
    y.push(scale * Math.exp(-(((v - mean) / std) ** 2) / 2));
  }
  return { x, y };
}

/** Histogram of bar returns with the normal curve of the same mean and standard deviation over it. */
export function histogramFigure(d: PerformanceProfile['distribution']): { data: PlotlyData[]; layout: PlotlyLayout } {
  const centers: number[] = [];
  const widths: number[] = [];
  const ranges: string[] = [];
  for (let k = 0; k < d.counts.length; k++) {
    centers.push((d.edges[k] + d.edges[k + 1]) / 2);
    widths.push(d.edges[k + 1] - d.edges[k]);
    ranges.push(`${percent(d.edges[k])} to ${percent(d.edges[k + 1])}`);
  }
  const data: PlotlyData[] = [
    {
      type: 'bar',
      name: 'Bars',
      x: centers,
      y: d.counts,
      width: widths,
      customdata: ranges,
      marker: { color: 'rgba(54, 87, 214, 0.55)', line: { color: chartTheme.line, width: 0.5 } },
      hovertemplate: '%{customdata}: %{y:,} bars<extra></extra>',
    },
  ];
  const curve = normalCurve(d, widths[0] ?? 0);
  if (curve) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'Normal (same mean and std)',
      x: curve.x,
      y: curve.y,
      line: { color: chartTheme.down, width: 1.5 },
      hoverinfo: 'skip',
    });
  }
  const layout = baseLayout({
    showlegend: true,
    legend: topLegend,
    margin: { l: 56, r: 16, t: 24, b: 36 },
    hovermode: 'closest',
    bargap: 0,
    xaxis: { ...axisStyle, tickformat: '.1%', ...(d.edges.length > 1 ? { range: [d.edges[0], d.edges[d.edges.length - 1]] } : {}) },
    yaxis: { ...axisStyle, title: { text: 'bars', font: { size: 11, color: chartTheme.muted } }, rangemode: 'tozero' },
  });
  return { data, layout };
}
