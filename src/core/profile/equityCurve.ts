// The equity panel's three series (equity, buy-and-hold, drawdown) in one pass over the bars, decimated to
// at most one point per bucket: last equity and buy-and-hold of the bucket, deepest drawdown in it.

import type { ProfileCurve } from './performanceProfile';

export interface EquityCurveInput {
  readonly time: Float64Array;
  readonly close: Float64Array;
  readonly equity: Float64Array;
  readonly initialCapital: number;
  /** From bucketEnds(n, maxPoints). */
  readonly ends: Int32Array;
}

/**
 * Drawdown is `equity[t] / max(equity[0..t]) − 1`, the running peak starting at equity[0] as in drawdownStats,
 * so the minimum of the decimated drawdown equals the max_drawdown metric. Buy-and-hold is
 * `initialCapital × close[t] / close[0]`: the same capital put in at the first close and held.
 */
export function equityCurve(input: EquityCurveInput): ProfileCurve {
  const { time, close, equity, initialCapital, ends } = input;
  const out: ProfileCurve = { time: [], equity: [], buyHold: [], drawdown: [] };
  if (ends.length === 0) return out;
  const scale = initialCapital / close[0];
  let peak = equity[0];
  let start = 0;
  for (let b = 0; b < ends.length; b++) {
    const end = ends[b];
    let worst = 0;
    for (let t = start; t < end; t++) {
      const e = equity[t];
      if (e > peak) peak = e;
      const dd = e / peak - 1;
      if (dd < worst) worst = dd;
    }
    const last = end - 1;
    out.time.push(time[last]);
    out.equity.push(equity[last]);
    out.buyHold.push(scale * close[last]);
    out.drawdown.push(worst);
    start = end;
  }
  return out;
}
