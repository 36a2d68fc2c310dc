// The output shapes of the profile builder: what the performance-profile view draws and the trade table it lists.
// Plain arrays (they travel as JSON), structurally identical to the zod schemas in src/shared/backtestSchemas.ts.

import type { ChartSeries } from '../data/decimate';

/** Equity, buy-and-hold equity and drawdown, decimated to at most maxPoints buckets (one point per bucket). */
export interface ProfileCurve {
  /** Time of each bucket's last bar, epoch ms UTC. */
  time: number[];
  /** The bucket's last equity. */
  equity: number[];
  /** initialCapital × close[t] / close[0] at the bucket's last bar. */
  buyHold: number[];
  /** The bucket's deepest drawdown from the running peak of equity, a fraction ≤ 0 (so the worst one survives). */
  drawdown: number[];
}

/** Annualised Sharpe ratio of the trailing `window` bar returns, at each bucket's last bar; null where undefined. */
export interface RollingSharpe {
  window: number;
  time: number[];
  value: (number | null)[];
}

/** The compounded return of one UTC calendar month. */
export interface MonthlyReturn {
  year: number;
  /** 1-12. */
  month: number;
  ret: number;
}

/** Histogram of per-bar returns with the mean and sample std of the same returns (for a normal overlay). */
export interface ReturnDistribution {
  /** counts.length + 1 bin edges, ascending; empty when there are no returns. */
  edges: number[];
  counts: number[];
  mean: number | null;
  std: number | null;
  /** Returns in the histogram: sum(counts). */
  count: number;
}

export interface PerformanceProfile {
  curve: ProfileCurve;
  rollingSharpe: RollingSharpe;
  monthly: MonthlyReturn[];
  distribution: ReturnDistribution;
  price: ChartSeries;
}

/** The trade log as plain arrays for display, one element per trade. */
export interface TradeTable {
  entryTime: number[];
  exitTime: number[];
  entryPrice: number[];
  exitPrice: number[];
  size: number[];
  pnl: number[];
  /** pnl / |size × entryPrice|, a fraction; null when the entry notional is 0. */
  returnPct: (number | null)[];
  costs: number[];
  barsHeld: number[];
  /** 'signal', 'stopLoss', 'takeProfit', 'trailingStop' or 'endOfData'. */
  exitReason: string[];
}
