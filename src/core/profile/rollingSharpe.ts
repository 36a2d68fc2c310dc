// Annualised Sharpe ratio of a trailing window of bar returns, evaluated only at each bucket's last bar: the
// chart shows one point per bucket, so each point costs one exact two-pass window rather than a running sum.

import { returnMoments } from '../metrics/returnMoments';
import type { RollingSharpe } from './performanceProfile';

/** Default window: about a quarter of a year of bars, at least MIN_ROLLING_WINDOW. */
export const MIN_ROLLING_WINDOW = 20;

export function defaultRollingWindow(periodsPerYear: number): number {
  return Math.max(MIN_ROLLING_WINDOW, Math.round(periodsPerYear / 4));
}

export interface RollingSharpeInput {
  readonly time: Float64Array;
  readonly returns: Float64Array;
  readonly window: number;
  readonly periodsPerYear: number;
  /** Per-bar risk-free rate subtracted from the mean (see riskFreeRatePerPeriod). */
  readonly riskFreePerPeriod: number;
  /** From bucketEnds(n, maxPoints). */
  readonly ends: Int32Array;
}

/**
 * value at bar t = `(mean(r) − rf_p) / sd(r) × √periodsPerYear` over r = returns[t − window + 1 .. t], sd with
 * ddof = 1, as the sharpe metric. returns[0] is not a bar-to-bar move (see BacktestResult.returns), so windows
 * start at returns[1]: the first defined value is at t = window. null before that, for zero volatility (a
 * window spent flat) and for non-finite results. Evaluating whole windows (returnMoments) instead of updating
 * running sums keeps a flat window's volatility exactly 0 rather than rounding noise.
 *
 * @throws RangeError if window is not an integer ≥ 2.
 */
export function rollingSharpe(input: RollingSharpeInput): RollingSharpe {
  const { time, returns, window, periodsPerYear, riskFreePerPeriod, ends } = input;
  if (!Number.isInteger(window) || window < 2) throw new RangeError(`rollingWindow must be an integer >= 2, not ${window}`);
  const annualise = Math.sqrt(periodsPerYear);
  const out: RollingSharpe = { window, time: [], value: [] };
  for (let b = 0; b < ends.length; b++) {
    const t = ends[b] - 1;
    out.time.push(time[t]);
    if (t < window) {
      out.value.push(null);
      continue;
    }
    const { mean, std } = returnMoments(returns.subarray(t - window + 1, t + 1));
    const value = std > 0 ? ((mean - riskFreePerPeriod) / std) * annualise : NaN;
    out.value.push(Number.isFinite(value) ? value : null);
  }
  return out;
}
