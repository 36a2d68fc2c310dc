// Walk-forward efficiency: how much of the annualised in-sample performance survives out of sample, per window
// and over the whole walk-forward.

export interface WindowPerformance {
  /** Annualised in-sample return of the window's chosen parameters (e.g. CAGR of the in-sample run). */
  readonly inSampleAnnualised: number;
  /** Annualised out-of-sample return of the same parameters on the window's test part. */
  readonly outOfSampleAnnualised: number;
}

export interface WalkForwardEfficiency {
  /** `WFE_k` per window, NaN where undefined. */
  readonly perWindow: Float64Array;
  /** Overall WFE, NaN where undefined. */
  readonly overall: number;
}

/**
 * Walk-forward efficiency (Pardo, The Evaluation and Optimization of Trading Strategies, 2nd ed., 2008, ch. 11):
 * `WFE_k = OOS_k / IS_k`, the annualised out-of-sample return over the annualised in-sample return of window k.
 * 1 means the test period earned at the training rate; Pardo reads values below about 0.5 as a sign of overfitting.
 *
 * Overall: `WFE = mean_k(OOS_k) / mean_k(IS_k)` over the windows where both are finite (a ratio of averages, not an
 * average of ratios, so one window with a tiny in-sample return cannot dominate).
 *
 * Undefined (NaN): whenever the denominator is ≤ 0 or not finite, or a numerator is not finite. A ratio against a
 * losing or flat in-sample has no "share retained" meaning (its sign would flip the reading), so it is not reported.
 * Overall is NaN with no usable window.
 */
export function walkForwardEfficiency(windows: readonly WindowPerformance[]): WalkForwardEfficiency {
  const perWindow = new Float64Array(windows.length);
  let sumIs = 0;
  let sumOos = 0;
  let used = 0;
  for (let k = 0; k < windows.length; k++) {
    const { inSampleAnnualised: is, outOfSampleAnnualised: oos } = windows[k];
    perWindow[k] = efficiencyRatio(oos, is);
    if (Number.isFinite(is) && Number.isFinite(oos)) {
      sumIs += is;
      sumOos += oos;
      used++;
    }
  }
  const overall = used === 0 ? NaN : efficiencyRatio(sumOos / used, sumIs / used);
  return { perWindow, overall };
}

/** `oos / is`, NaN unless `is` is positive and finite and `oos` finite. */
function efficiencyRatio(oos: number, is: number): number {
  if (!(is > 0 && is < Infinity) || !Number.isFinite(oos)) return NaN;
  return oos / is;
}
