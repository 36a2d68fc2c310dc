import type { RelayoutEvent } from 'plotly.js-strict-dist-min';
import { fromPlotlyDate } from './plotlyDate';

export interface TimeRange {
  from: number;
  to: number;
}

/**
 * What a plotly_relayout event means for the x axis: a new visible range (box zoom, pan and scroll zoom report
 * "xaxis.range[0]"/"[1]", the range slider reports "xaxis.range"), back to the whole series ("xaxis.autorange"
 * from a double click or the reset button), or nothing that concerns x (resizes, y-only changes).
 */
export function relayoutRange(event: RelayoutEvent): TimeRange | 'all' | null {
  if (event['xaxis.autorange'] === true) return 'all';
  let lo: unknown = event['xaxis.range[0]'];
  let hi: unknown = event['xaxis.range[1]'];
  const pair = event['xaxis.range'];
  if (Array.isArray(pair) && pair.length === 2) [lo, hi] = pair;
  if (lo === undefined || hi === undefined) return null;
  const from = fromPlotlyDate(lo);
  const to = fromPlotlyDate(hi);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}
