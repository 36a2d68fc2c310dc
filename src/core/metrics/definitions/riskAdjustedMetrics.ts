// Metric definitions that weigh return against risk: Sharpe, Sortino, Calmar and Omega ratios.

import { cagr } from '../growth';
import { defineMetric } from '../metricDefinition';
import { ratioOrNaN } from '../ratio';

/**
 * Annualised Sharpe ratio `(mean(r) − rf_p) / sd(r) × √P`: sd with ddof = 1, P = periodsPerYear,
 * rf_p = (1 + riskFreeRateAnnual)^(1/P) − 1. (sd of r − rf_p equals sd(r) since rf_p is a constant.)
 * Sharpe (1994); √P scaling assumes serially uncorrelated returns (Lo, 2002).
 * NaN for fewer than 2 returns and for zero volatility (ratioOrNaN), never ±Infinity.
 */
export const sharpeMetric = defineMetric({
  id: 'sharpe',
  label: 'Sharpe ratio',
  unit: 'ratio',
  direction: 'maximize',
  group: 'risk_adjusted',
  description: 'Mean return above the risk-free rate per unit of volatility, annualised.',
  compute: (ctx) => {
    if (!ctx.hasReturnSample) return NaN;
    const { mean, std } = ctx.moments;
    const { riskFreePerPeriod, periodsPerYear } = ctx.options;
    return ratioOrNaN(mean - riskFreePerPeriod, std) * Math.sqrt(periodsPerYear);
  },
});

/**
 * Annualised Sortino ratio `mean(r − T) / DD × √P`, with the downside deviation over ALL n periods
 * `DD = √( Σ min(r − T, 0)² / n )`, T = sortinoTarget (default 0, per bar; not the risk-free rate).
 * Sortino & Price (1994), PerformanceAnalytics `SortinoRatio` with `DownsideDeviation(method = "full")`, times √P
 * as empyrical's `sortino_ratio`. NaN for fewer than 2 returns and when no return is below T (DD = 0).
 */
export const sortinoMetric = defineMetric({
  id: 'sortino',
  label: 'Sortino ratio',
  unit: 'ratio',
  direction: 'maximize',
  group: 'risk_adjusted',
  description: 'Mean return above the target per unit of downside deviation, annualised.',
  compute: (ctx) => {
    if (!ctx.hasReturnSample) return NaN;
    const excess = ctx.moments.mean - ctx.options.sortinoTarget;
    return ratioOrNaN(excess, ctx.downsideDeviation) * Math.sqrt(ctx.options.periodsPerYear);
  },
});

/**
 * Calmar ratio `CAGR / |max_drawdown|` over the whole backtest (not the trailing 36 months of Young's 1991
 * original). NaN when either is NaN and when there is no drawdown.
 */
export const calmarMetric = defineMetric({
  id: 'calmar',
  label: 'Calmar ratio',
  unit: 'ratio',
  direction: 'maximize',
  group: 'risk_adjusted',
  description: 'Compound annual growth rate divided by the depth of the worst drawdown.',
  compute: (ctx) =>
    ratioOrNaN(cagr(ctx.input.equity, ctx.options.periodsPerYear), Math.abs(ctx.drawdown.maxDrawdown)),
});

/**
 * Omega ratio `Σ max(r − L, 0) / Σ max(L − r, 0)` over per-bar returns, L = omegaThreshold (default 0, per bar);
 * Keating & Shadwick (2002), PerformanceAnalytics `Omega(method = "simple")`. Not annualised. NaN for fewer than
 * 2 returns and when no return is below L.
 */
export const omegaMetric = defineMetric({
  id: 'omega',
  label: 'Omega ratio',
  unit: 'ratio',
  direction: 'maximize',
  group: 'risk_adjusted',
  description: 'Sum of returns above the threshold divided by the sum of shortfalls below it.',
  compute: (ctx) => {
    if (!ctx.hasReturnSample) return NaN;
    const { gains, losses } = ctx.omegaParts;
    return ratioOrNaN(gains, losses);
  },
});
