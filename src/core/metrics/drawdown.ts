// Depth and duration of drawdowns of an equity curve in one pass: the deepest fall from a running peak, where it
// started, bottomed and recovered, and the longest time spent below a previous peak.

export interface DrawdownStats {
  /**
   * Deepest drawdown as a signed fraction, 0 or negative: `min over i of (equity[i] / max(equity[0..i]) − 1)`.
   * −0.25 means the curve fell 25% below its running peak. NaN when undefined (see {@link drawdownStats}).
   */
  readonly maxDrawdown: number;
  /** Index of the running peak the deepest drawdown fell from; −1 when there is no drawdown or it is NaN. */
  readonly peakIndex: number;
  /** Index where the deepest drawdown bottomed; −1 when there is no drawdown. */
  readonly troughIndex: number;
  /** First index after the trough where equity is back at or above that peak; −1 when never (or no drawdown). */
  readonly recoveryIndex: number;
  /**
   * Longest drawdown duration in bars: for each episode, `recovery − peak` (bar-to-bar steps from the peak to the
   * first bar at or above it again) or, if the curve never gets back, `(n − 1) − peak` (to the last bar). 0 when
   * the curve never falls below a previous peak. The longest episode need not be the deepest.
   */
  readonly maxDurationBars: number;
}

const UNDEFINED_DRAWDOWN: DrawdownStats = Object.freeze({
  maxDrawdown: NaN,
  peakIndex: -1,
  troughIndex: -1,
  recoveryIndex: -1,
  maxDurationBars: NaN,
});

/**
 * Drawdown statistics of `equity` (account value per bar) in one pass, no allocation.
 *
 * A bar at exactly the running peak counts as recovered (and starts a new episode), so a flat curve has no
 * drawdown: maxDrawdown 0, duration 0. Equity may go to zero or below (a blown-up leveraged account): the
 * drawdown is then −1 or deeper, as the formula says.
 *
 * Undefined (NaN depth and duration, indices −1) when there are fewer than 2 points (no time has passed), when
 * equity[0] is not a positive finite number (the ratio to the peak is meaningless), or when any value is NaN.
 */
export function drawdownStats(equity: Float64Array): DrawdownStats {
  const n = equity.length;
  if (n < 2) return UNDEFINED_DRAWDOWN;
  let peak = equity[0];
  if (!(peak > 0 && peak < Infinity)) return UNDEFINED_DRAWDOWN;
  let peakIndex = 0;
  let underwater = false;
  let maxDrawdown = 0;
  let ddPeak = -1;
  let ddTrough = -1;
  let ddRecovery = -1;
  let maxDuration = 0;
  for (let i = 1; i < n; i++) {
    const e = equity[i];
    if (e >= peak) {
      if (underwater) {
        if (i - peakIndex > maxDuration) maxDuration = i - peakIndex;
        if (peakIndex === ddPeak) ddRecovery = i;
        underwater = false;
      }
      peak = e;
      peakIndex = i;
    } else if (e < peak) {
      underwater = true;
      const dd = e / peak - 1;
      if (dd < maxDrawdown) {
        maxDrawdown = dd;
        ddPeak = peakIndex;
        ddTrough = i;
        ddRecovery = -1;
      }
    } else {
      return UNDEFINED_DRAWDOWN;
    }
  }
  if (underwater && n - 1 - peakIndex > maxDuration) maxDuration = n - 1 - peakIndex;
  return {
    maxDrawdown,
    peakIndex: ddPeak,
    troughIndex: ddTrough,
    recoveryIndex: ddRecovery,
    maxDurationBars: maxDuration,
  };
}
