// Small multiples in one plotly figure (one WebGL context for all of them): axis names and the grid layout for
// n panels, wrapped into rows of at most `columns`.
import { axisStyle } from '../../profile/figures/baseLayout';
import { chartTheme } from '../../charts/chartTheme';
import { logAxis } from './logTicks';

export interface SubplotGrid {
  rows: number;
  columns: number;
  /** Trace axis references for panel i: "x", "x2"... */
  xref: (i: number) => string;
  yref: (i: number) => string;
  /** Layout keys for panel i: "xaxis", "xaxis2"... */
  xkey: (i: number) => string;
  ykey: (i: number) => string;
}

export function subplotGrid(n: number, maxColumns: number): SubplotGrid {
  const columns = Math.max(1, Math.min(n, maxColumns));
  return {
    rows: Math.max(1, Math.ceil(n / columns)),
    columns,
    xref: (i) => (i === 0 ? 'x' : `x${i + 1}`),
    yref: (i) => (i === 0 ? 'y' : `y${i + 1}`),
    xkey: (i) => (i === 0 ? 'xaxis' : `xaxis${i + 1}`),
    ykey: (i) => (i === 0 ? 'yaxis' : `yaxis${i + 1}`),
  };
}

/** The grid's layout part: each panel's axes styled alike, x titled with the panel's name, y titled in the first column. */
export function gridLayout(
  grid: SubplotGrid,
  titles: readonly string[],
  yTitle: string,
  xTypes: readonly ('linear' | 'log' | 'category')[],
  /** Each panel's x extent (used for a log axis's ticks). */
  xExtents: readonly [number, number][],
): Record<string, unknown> {
  const layout: Record<string, unknown> = {
    grid: { rows: grid.rows, columns: grid.columns, pattern: 'independent', xgap: 0.12, ygap: 0.32 },
  };
  titles.forEach((title, i) => {
    const type = xTypes[i] === 'log' ? logAxis(xExtents[i][0], xExtents[i][1]) : { type: xTypes[i] };
    layout[grid.xkey(i)] = { ...axisStyle, ...type, title: { text: title, standoff: 4, font: { size: 12, color: chartTheme.text } } };
    layout[grid.ykey(i)] = { ...axisStyle, ...(i % grid.columns === 0 ? { title: { text: yTitle, font: { size: 12 } } } : {}) };
  });
  return layout;
}
