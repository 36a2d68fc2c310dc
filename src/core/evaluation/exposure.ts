// Position as a signed fraction of equity, from the engine's position in units: what exposure and turnover read.
import type { BarSeries } from '../data/bars';
import type { BacktestResult } from '../backtest';

/** exposure[t] = position[t] × close[t] / equity[t]; writes into `out` when given (no allocation). */
export function exposureOf(bars: BarSeries, result: BacktestResult, out: Float64Array = new Float64Array(result.length)): Float64Array {
  const { position, equity } = result;
  const close = bars.close;
  for (let t = 0; t < result.length; t++) {
    const units = position[t];
    out[t] = units === 0 ? 0 : (units * close[t]) / equity[t];
  }
  return out;
}
