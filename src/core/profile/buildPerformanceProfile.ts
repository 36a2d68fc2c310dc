// Everything the performance-profile view draws from one backtest, computed once in the back end: the decimated
// equity, buy-and-hold and drawdown curves, rolling Sharpe, monthly returns, the return histogram and the price.

import type { BacktestResult } from '../backtest/backtestResult';
import type { BarSeries } from '../data/bars';
import { decimateForChart } from '../data/decimate';
import { riskFreeRatePerPeriod } from '../metrics/metricOptions';
import { bucketEnds } from './bucketBounds';
import { equityCurve } from './equityCurve';
import { monthlyReturns } from './monthlyReturns';
import type { PerformanceProfile } from './performanceProfile';
import { returnHistogram } from './returnHistogram';
import { defaultRollingWindow, rollingSharpe } from './rollingSharpe';

export const DEFAULT_PROFILE_POINTS = 2000;

export interface PerformanceProfileInput {
  /** The bars the backtest ran on. */
  readonly bars: BarSeries;
  readonly result: BacktestResult;
  /** Bars per year, for annualising the rolling Sharpe ratio (the same value the metrics used). */
  readonly periodsPerYear: number;
  /** Most points per series (≈ the chart's width in pixels); integer ≥ 2. Default 2000. */
  readonly maxPoints?: number;
  /** Bars in the rolling-Sharpe window; default max(20, round(periodsPerYear / 4)), about a quarter. */
  readonly rollingWindow?: number;
  /** Annual risk-free rate for the rolling Sharpe ratio, as the metrics take it. Default 0. */
  readonly riskFreeRateAnnual?: number;
}

/**
 * The performance profile of one backtest. Series are decimated to at most maxPoints buckets of about equal bar
 * counts; the curve keeps each bucket's last equity and deepest drawdown, the rolling Sharpe its last value, the
 * price series follows decimateForChart. Monthly returns and the histogram use every bar. The histogram and the
 * rolling windows leave out returns[0], which is not a bar-to-bar move (0 unless costs were paid at bar 0);
 * monthly returns keep it so that they compound to the total return.
 *
 * @throws RangeError for a result of another length than the bars, periodsPerYear not positive and finite, or
 *   maxPoints / rollingWindow that are not integers ≥ 2.
 */
export function buildPerformanceProfile(input: PerformanceProfileInput): PerformanceProfile {
  const { bars, result, periodsPerYear } = input;
  const maxPoints = input.maxPoints ?? DEFAULT_PROFILE_POINTS;
  if (result.length !== bars.length) {
    throw new RangeError(`buildPerformanceProfile: the result has ${result.length} bars but the series has ${bars.length}`);
  }
  if (!(periodsPerYear > 0 && periodsPerYear < Infinity)) {
    throw new RangeError(`buildPerformanceProfile: periodsPerYear must be a positive finite number, not ${periodsPerYear}`);
  }
  const n = bars.length;
  const ends = bucketEnds(n, maxPoints);
  const window = input.rollingWindow ?? defaultRollingWindow(periodsPerYear);
  const returns = result.returns.subarray(0, n);

  return {
    curve: equityCurve({ time: bars.time, close: bars.close, equity: result.equity, initialCapital: result.totals.initialCapital, ends }),
    rollingSharpe: rollingSharpe({
      time: bars.time,
      returns,
      window,
      periodsPerYear,
      riskFreePerPeriod: riskFreeRatePerPeriod(input.riskFreeRateAnnual ?? 0, periodsPerYear),
      ends,
    }),
    monthly: monthlyReturns(bars.time, returns),
    distribution: returnHistogram(returns.subarray(1)),
    price: decimateForChart(bars, { maxPoints }),
  };
}
