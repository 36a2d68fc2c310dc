// How metrics are annualised and parameterised (bars per year, risk-free rate, VaR level, thresholds), the
// defaults, and the conversion of an annual risk-free rate to a per-bar one.

export interface MetricOptions {
  /**
   * Bars per year, for annualising: 252 for daily equities, 365 for daily crypto, 12 for monthly,
   * 252 × 13 = 3276 for 30-minute bars of a 6.5-hour session. Normally the dataset's detected frequency; the user
   * may override it. Required, because no default fits every dataset. Must be a positive finite number.
   */
  readonly periodsPerYear: number;
  /** Annual risk-free rate as a fraction (0.03 = 3%), converted per bar (see riskFreeRatePerPeriod). Default 0. */
  readonly riskFreeRateAnnual?: number;
  /** Confidence level of VaR and CVaR: 0.95 looks at the worst 5% of bars. In (0, 1); default 0.95. */
  readonly varLevel?: number;
  /** Omega ratio threshold L as a per-bar return. Default 0. */
  readonly omegaThreshold?: number;
  /** Sortino target (minimum acceptable return) T as a per-bar return. Default 0. */
  readonly sortinoTarget?: number;
  /**
   * Optional buffer of at least returns.length elements for the quantile metrics to work in, so a tuning loop can
   * compute them for every trial without allocating. Its contents are overwritten.
   */
  readonly scratch?: Float64Array;
}

export interface ResolvedMetricOptions {
  readonly periodsPerYear: number;
  readonly riskFreeRateAnnual: number;
  /** `riskFreeRatePerPeriod(riskFreeRateAnnual, periodsPerYear)`. */
  readonly riskFreePerPeriod: number;
  readonly varLevel: number;
  readonly omegaThreshold: number;
  readonly sortinoTarget: number;
  readonly scratch: Float64Array | undefined;
}

export const DEFAULT_VAR_LEVEL = 0.95;

/**
 * Per-bar risk-free rate from an annual one by geometric de-compounding: `(1 + rfAnnual)^(1 / periodsPerYear) − 1`.
 * Compounding it over a year gives back exactly rfAnnual, which the simple `rfAnnual / periodsPerYear` does not.
 */
export function riskFreeRatePerPeriod(riskFreeRateAnnual: number, periodsPerYear: number): number {
  return Math.pow(1 + riskFreeRateAnnual, 1 / periodsPerYear) - 1;
}

/**
 * Options with defaults filled in.
 *
 * @throws RangeError for options no metric could use: periodsPerYear not positive and finite, riskFreeRateAnnual
 * not finite or ≤ −1, varLevel outside (0, 1), a non-finite threshold. These are caller bugs, unlike short data.
 */
export function resolveMetricOptions(options: MetricOptions): ResolvedMetricOptions {
  const { periodsPerYear } = options;
  const riskFreeRateAnnual = options.riskFreeRateAnnual ?? 0;
  const varLevel = options.varLevel ?? DEFAULT_VAR_LEVEL;
  const omegaThreshold = options.omegaThreshold ?? 0;
  const sortinoTarget = options.sortinoTarget ?? 0;
  if (!(periodsPerYear > 0 && periodsPerYear < Infinity)) {
    throw new RangeError(`metrics: periodsPerYear must be a positive finite number, got ${String(periodsPerYear)}`);
  }
  if (!(riskFreeRateAnnual > -1 && riskFreeRateAnnual < Infinity)) {
    throw new RangeError(`metrics: riskFreeRateAnnual must be a finite number > -1, got ${String(riskFreeRateAnnual)}`);
  }
  if (!(varLevel > 0 && varLevel < 1)) {
    throw new RangeError(`metrics: varLevel must be in (0, 1), got ${String(varLevel)}`);
  }
  if (!Number.isFinite(omegaThreshold)) {
    throw new RangeError(`metrics: omegaThreshold must be a finite per-bar return, got ${String(omegaThreshold)}`);
  }
  if (!Number.isFinite(sortinoTarget)) {
    throw new RangeError(`metrics: sortinoTarget must be a finite per-bar return, got ${String(sortinoTarget)}`);
  }
  return {
    periodsPerYear,
    riskFreeRateAnnual,
    riskFreePerPeriod: riskFreeRatePerPeriod(riskFreeRateAnnual, periodsPerYear),
    varLevel,
    omegaThreshold,
    sortinoTarget,
    scratch: options.scratch,
  };
}
