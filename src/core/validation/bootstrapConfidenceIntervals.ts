// Percentile confidence intervals for a strategy's annualised Sharpe ratio and CAGR from the stationary block
// bootstrap of its per-bar returns, deterministic for a seed.
import { cagr } from '../metrics/growth';
import { quantileType7 } from '../metrics/quantile';
import { ratioOrNaN } from '../metrics/ratio';
import { returnMoments } from '../metrics/returnMoments';
import { Rng } from '../random';
import { defaultMeanBlock, stationaryBootstrapResample } from './stationaryBootstrap';

export interface BootstrapOptions {
  /** Number of bootstrap resamples. Default 2000. */
  readonly samples?: number;
  /** Two-sided confidence level in (0, 1). Default 0.95. */
  readonly level?: number;
  /** Mean block length. Default `⌈T^(1/3)⌉` ({@link defaultMeanBlock}). */
  readonly meanBlock?: number;
  /** Bars per year, for annualising. */
  readonly periodsPerYear: number;
  /** Seed of the Rng; equal seeds give identical results. */
  readonly seed: number;
}

/** Probabilities at which {@link BootstrapDistribution.quantiles} are read, in this order. */
export const BOOTSTRAP_QUANTILE_LEVELS: readonly number[] = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95]);

export interface BootstrapDistribution {
  /** The statistic on the original series. */
  readonly estimate: number;
  /** Percentile interval `[Q((1 − level)/2), Q((1 + level)/2)]` of the bootstrap values; NaN if none is defined. */
  readonly lower: number;
  readonly upper: number;
  /** Mean of the defined bootstrap values. */
  readonly mean: number;
  /** Type-7 quantiles at {@link BOOTSTRAP_QUANTILE_LEVELS}. */
  readonly quantiles: readonly number[];
  /** Resamples where the statistic was undefined (e.g. zero volatility) and left out. */
  readonly undefinedSamples: number;
}

export interface BootstrapConfidenceIntervals {
  readonly sharpe: BootstrapDistribution;
  readonly cagr: BootstrapDistribution;
  readonly meanBlock: number;
  readonly samples: number;
  readonly level: number;
}

/**
 * Stationary-bootstrap (Politis & Romano, 1994) percentile intervals (Efron & Tibshirani, An Introduction to the
 * Bootstrap, 1993, §13.3) for
 * - annualised Sharpe `mean(r) / sd(r) · √P` (sd with ddof = 1, zero risk-free rate, via metrics' returnMoments;
 *   NaN for zero volatility, as metrics' ratioOrNaN), and
 * - CAGR `(Π(1 + r))^(P / T) − 1` (metrics' cagr on the compounded curve of the resample, equity[0] = 1).
 *
 * Each of `samples` resamples has the original length T. One resample buffer and one equity buffer are reused; the
 * only other allocations are the two result arrays of length `samples`. Deterministic for `seed`.
 *
 * @throws RangeError for fewer than 2 returns, samples < 1, level outside (0, 1), periodsPerYear ≤ 0, or
 * meanBlock < 1.
 */
export function bootstrapConfidenceIntervals(returns: Float64Array, options: BootstrapOptions): BootstrapConfidenceIntervals {
  const n = returns.length;
  const samples = options.samples ?? 2000;
  const level = options.level ?? 0.95;
  const meanBlock = options.meanBlock ?? defaultMeanBlock(n);
  const { periodsPerYear } = options;
  if (n < 2) throw new RangeError(`bootstrapConfidenceIntervals: returns needs at least 2 values, got ${n}`);
  if (!Number.isSafeInteger(samples) || samples < 1) throw new RangeError(`bootstrapConfidenceIntervals: samples must be a positive integer, got ${String(samples)}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapConfidenceIntervals: level must be in (0, 1), got ${String(level)}`);
  if (!(periodsPerYear > 0 && periodsPerYear < Infinity)) {
    throw new RangeError(`bootstrapConfidenceIntervals: periodsPerYear must be a positive finite number, got ${String(periodsPerYear)}`);
  }
  const rng = new Rng(options.seed);
  const resample = new Float64Array(n);
  const equity = new Float64Array(n + 1);
  const sharpes = new Float64Array(samples);
  const cagrs = new Float64Array(samples);
  const annualise = Math.sqrt(periodsPerYear);
  // Annualised Sharpe `mean / sd · √P` and CAGR `(Π(1 + r))^(P / T) − 1` of a series of length T.
  const sharpeOf = (r: Float64Array): number => {
    const m = returnMoments(r);
    return ratioOrNaN(m.mean, m.std) * annualise;
  };
  const cagrOf = (r: Float64Array): number => {
    equity[0] = 1;
    for (let i = 0; i < n; i++) equity[i + 1] = equity[i] * (1 + r[i]);
    return cagr(equity, periodsPerYear);
  };
  for (let s = 0; s < samples; s++) {
    stationaryBootstrapResample(returns, resample, meanBlock, rng);
    sharpes[s] = sharpeOf(resample);
    cagrs[s] = cagrOf(resample);
  }
  return {
    sharpe: summarise(sharpeOf(returns), sharpes, level),
    cagr: summarise(cagrOf(returns), cagrs, level),
    meanBlock,
    samples,
    level,
  };
}

/**
 * Point estimate, percentile interval `[Q(α), Q(1 − α)]` with `α = (1 − level) / 2`, mean and type-7 quantiles
 * (Hyndman & Fan, 1996) of the defined (non-NaN) bootstrap values.
 */
function summarise(estimate: number, values: Float64Array, level: number): BootstrapDistribution {
  const defined = values.filter((v) => !Number.isNaN(v)).sort();
  const undefinedSamples = values.length - defined.length;
  let sum = 0;
  for (let i = 0; i < defined.length; i++) sum += defined[i];
  const alpha = (1 - level) / 2;
  return {
    estimate,
    lower: quantileType7(defined, alpha),
    upper: quantileType7(defined, 1 - alpha),
    mean: defined.length === 0 ? NaN : sum / defined.length,
    quantiles: BOOTSTRAP_QUANTILE_LEVELS.map((p) => quantileType7(defined, p)),
    undefinedSamples,
  };
}
