// How much of the time a strategy is in the market and how much it trades, from its per-bar position, in one pass.

export interface PositionStats {
  /** Share of bars with a non-zero position: `#{i : position[i] ≠ 0} / n`, in [0, 1]. */
  readonly exposure: number;
  /**
   * Annualised turnover: `Σ_{i=0}^{n−1} |position[i] − position[i−1]|` with `position[−1] = 0`, divided by the
   * elapsed years `(n − 1) / periodsPerYear`. In multiples of equity per year when position is a fraction of
   * equity: going fully long and back flat once a year is 2.
   */
  readonly turnover: number;
}

/**
 * Exposure and turnover of `position` (per-bar position or exposure, e.g. 1 = fully long, −0.5 = half short).
 *
 * The account starts flat, so entering on the first bar counts as trading; a position still open on the last bar
 * is not assumed closed. Elapsed time is measured in bar-to-bar steps, (n − 1) / periodsPerYear, the same clock as
 * CAGR, so turnover and CAGR describe the same span. NaN for both when n < 2 (no time has passed) or when a
 * position is NaN.
 */
export function positionStats(position: Float64Array, periodsPerYear: number): PositionStats {
  const n = position.length;
  if (n < 2) return { exposure: NaN, turnover: NaN };
  let exposed = 0;
  let traded = 0;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const p = position[i];
    if (p !== 0) exposed++;
    traded += Math.abs(p - previous);
    previous = p;
  }
  if (Number.isNaN(traded)) return { exposure: NaN, turnover: NaN };
  return { exposure: exposed / n, turnover: traded / ((n - 1) / periodsPerYear) };
}
