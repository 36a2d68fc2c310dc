// Ticks for a log axis at 1-2-5 steps per decade, labelled as whole numbers (plotly's own log ticks label 20 and
// 50 as "2" and "5", which reads wrongly on a parameter axis).
import { formatDecimal } from '../../format/formatNumber';

/** The 1-2-5 values between lo and hi (both > 0), inclusive. */
export function oneTwoFive(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const out: number[] = [];
  for (let decade = Math.floor(Math.log10(lo)); decade <= Math.ceil(Math.log10(hi)); decade++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** decade;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

export function tickText(v: number): string {
  return v >= 1 ? formatDecimal(v, 0) : String(Number(v.toPrecision(2)));
}

/** Layout attributes of a log axis over [lo, hi] with 1-2-5 ticks (plotly's defaults when there are too few). */
export function logAxis(lo: number, hi: number): Record<string, unknown> {
  const tickvals = oneTwoFive(lo, hi);
  return tickvals.length >= 2 ? { type: 'log', tickmode: 'array', tickvals, ticktext: tickvals.map(tickText) } : { type: 'log' };
}

export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
