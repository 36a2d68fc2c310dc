// The look every profile chart shares (fonts, colours, margins, axes), so each figure only states what is its own.
import type { PlotlyLayout } from 'plotly.js-strict-dist-min';
import { chartTheme } from '../../charts/chartTheme';

export const axisStyle = {
  gridcolor: chartTheme.grid,
  linecolor: chartTheme.axis,
  zeroline: false,
} as const;

/** A date axis; hover shows the date alone for daily or coarser data. */
export function timeAxis(daily: boolean): Record<string, unknown> {
  return { ...axisStyle, type: 'date', hoverformat: daily ? '%Y-%m-%d' : '%Y-%m-%d %H:%M' };
}

export function baseLayout(layout: PlotlyLayout): PlotlyLayout {
  return {
    autosize: true,
    margin: { l: 64, r: 16, t: 8, b: 32 },
    paper_bgcolor: chartTheme.background,
    plot_bgcolor: chartTheme.background,
    font: { family: chartTheme.font, size: 12, color: chartTheme.text },
    showlegend: false,
    hovermode: 'x',
    dragmode: 'zoom',
    ...layout,
  };
}

/** A horizontal legend above the plot area, out of the data's way. */
export const topLegend = { orientation: 'h', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', bgcolor: 'rgba(0,0,0,0)' } as const;
