import type { PlotlyData, PlotlyLayout } from 'plotly.js-strict-dist-min';
import type { PerformanceProfile } from '../../../../shared';
import { chartTheme } from '../../charts/chartTheme';
import { baseLayout } from './baseLayout';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function percentLabel(ret: number): string {
  const p = ret * 100;
  const text = p.toFixed(Math.abs(p) >= 10 ? 0 : 1);
  // A tiny loss rounds to "-0.0"; it reads as flat.
  return `${Number(text) === 0 ? text.replace('-', '') : text}%`;
}

/** Rows per year (top to bottom in time order), at this height each, so the labels stay readable. */
export const HEATMAP_ROW_HEIGHT = 26;

/** Years × months of compounded monthly returns, red below zero, green above, white at zero, each cell labelled. */
export function monthlyFigure(monthly: PerformanceProfile['monthly']): { data: PlotlyData[]; layout: PlotlyLayout; years: number } {
  const years = [...new Set(monthly.map((m) => m.year))].sort((a, b) => a - b);
  const row = new Map(years.map((y, i) => [y, i]));
  const z: (number | null)[][] = years.map(() => new Array<number | null>(12).fill(null));
  const text: string[][] = years.map(() => new Array<string>(12).fill(''));
  let extreme = 0;
  for (const m of monthly) {
    const r = row.get(m.year)!;
    z[r][m.month - 1] = m.ret;
    text[r][m.month - 1] = percentLabel(m.ret);
    extreme = Math.max(extreme, Math.abs(m.ret));
  }
  const bound = extreme || 0.01;
  const data: PlotlyData[] = [
    {
      type: 'heatmap',
      x: MONTHS,
      y: years.map(String),
      z,
      text,
      texttemplate: '%{text}',
      textfont: { size: 10.5 },
      hovertemplate: '%{x} %{y}: %{z:.2%}<extra></extra>',
      colorscale: [
        [0, chartTheme.down],
        [0.5, '#ffffff'],
        [1, chartTheme.up],
      ],
      zmin: -bound,
      zmax: bound,
      zmid: 0,
      showscale: false,
      xgap: 1,
      ygap: 1,
      hoverongaps: false,
    },
  ];
  const layout = baseLayout({
    margin: { l: 48, r: 8, t: 24, b: 8 },
    hovermode: 'closest',
    dragmode: false,
    xaxis: { side: 'top', fixedrange: true, showgrid: false, linecolor: chartTheme.axis },
    yaxis: { type: 'category', autorange: 'reversed', fixedrange: true, showgrid: false, linecolor: chartTheme.axis },
  });
  return { data, layout, years: years.length };
}
