// Mean, sample standard deviation and the third and fourth moments of a return series in two passes, shared by
// volatility, Sharpe, skewness and kurtosis here and by the Probabilistic Sharpe Ratio later.

export interface ReturnMoments {
  /** Number of returns. */
  readonly n: number;
  /** Arithmetic mean `Σ r / n`. NaN when n = 0 or any return is NaN; ±Infinity passes through. */
  readonly mean: number;
  /** Sample standard deviation `√(Σ (r − mean)² / (n − 1))` (ddof = 1). NaN when n < 2; 0 for a constant series. */
  readonly std: number;
  /** Moment skewness `g1 = m3 / m2^(3/2)`, with `mk = Σ (r − mean)^k / n`. NaN when n < 2 or m2 = 0. */
  readonly skewness: number;
  /** Moment (NOT excess) kurtosis `b2 = m4 / m2²`; 3 for a normal distribution. NaN when n < 2 or m2 = 0. */
  readonly kurtosis: number;
  /** `kurtosis − 3`. */
  readonly excessKurtosis: number;
}

/**
 * Moments of `returns`, in two passes and without allocating.
 *
 * Conventions: `std` uses the n − 1 divisor (numpy `std(ddof=1)`, R `sd`, pandas `std`). Skewness and kurtosis
 * are the plain moment ratios with the population divisor n in every moment: PerformanceAnalytics'
 * defaults `skewness(method = "moment")` and `kurtosis(method = "excess")` (+3 for `kurtosis`), scipy's
 * `stats.skew` / `stats.kurtosis(fisher=False)` with their default `bias=True`. These are the γ3 and γ4 that
 * Bailey & López de Prado's Probabilistic Sharpe Ratio takes; the small-sample "adjusted" forms (Excel SKEW and
 * KURT, pandas `skew`/`kurt`) differ by factors that tend to 1 as n grows.
 *
 * Numerics: the variance is Chan, Golub & LeVeque's corrected two-pass formula `Σd²/n − (Σd/n)²`, d = deviations
 * from the first-pass mean, which removes the rounding error of that mean. Besides accuracy, it gives a constant
 * series std exactly 0: its deviations from a rounded mean are all equal and the correction cancels them, where the
 * plain two-pass formula leaves a spread of ~1e-18, and so a Sharpe ratio of ~1e16 instead of NaN.
 */
export function returnMoments(returns: Float64Array): ReturnMoments {
  const n = returns.length;
  if (n === 0) return undefinedMoments(0, NaN);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i];
  const firstMean = sum / n;
  if (!Number.isFinite(firstMean)) return undefinedMoments(n, firstMean);

  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - firstMean;
    const d2 = d * d;
    s1 += d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const delta = s1 / n;
  const mean = firstMean + delta;
  const m2 = s2 / n - delta * delta;
  // Shifting m3 and m4 to the corrected mean changes them only below rounding (delta is a few ulps of the mean).
  const m3 = s3 / n;
  const m4 = s4 / n;
  const std = n >= 2 ? Math.sqrt(Math.max(m2, 0) * (n / (n - 1))) : NaN;
  if (!(m2 > 0)) return { n, mean, std, skewness: NaN, kurtosis: NaN, excessKurtosis: NaN };
  const kurtosis = m4 / (m2 * m2);
  return {
    n,
    mean,
    std,
    skewness: m3 / (m2 * Math.sqrt(m2)),
    kurtosis,
    excessKurtosis: kurtosis - 3,
  };
}

function undefinedMoments(n: number, mean: number): ReturnMoments {
  return { n, mean, std: NaN, skewness: NaN, kurtosis: NaN, excessKurtosis: NaN };
}
