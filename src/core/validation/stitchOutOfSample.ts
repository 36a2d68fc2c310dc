// Stitching of the per-window out-of-sample returns of a walk-forward into one return series and one compounded
// equity curve, the curve a strategy re-tuned at every window would have produced.

export interface StitchedCurve {
  /** All windows' out-of-sample returns, concatenated in window order. */
  readonly returns: Float64Array;
  /** Equity per bar: `equity[0]` is the initial capital, `equity[i + 1] = equity[i]·(1 + returns[i])`. */
  readonly equity: Float64Array;
  /** Index into `returns` where each window's part starts (length = number of windows). */
  readonly windowStarts: readonly number[];
}

/**
 * Concatenates per-window out-of-sample per-bar simple returns and compounds them from `initialCapital`:
 * `E_0 = C`, `E_{i+1} = E_i·(1 + r_i)`, so `E_N = C·Π(1 + r_i)` across every window (capital carries over from one
 * window to the next; the walk-forward equity of Pardo, The Evaluation and Optimization of Trading Strategies,
 * 2nd ed., 2008, ch. 11).
 *
 * @throws RangeError when initialCapital is not a positive finite number.
 */
export function stitchOutOfSample(windowReturns: readonly Float64Array[], initialCapital: number): StitchedCurve {
  if (!(initialCapital > 0 && initialCapital < Infinity)) {
    throw new RangeError(`stitchOutOfSample: initialCapital must be a positive finite number, got ${String(initialCapital)}`);
  }
  let total = 0;
  for (const part of windowReturns) total += part.length;
  const returns = new Float64Array(total);
  const equity = new Float64Array(total + 1);
  const windowStarts: number[] = [];
  equity[0] = initialCapital;
  let offset = 0;
  for (const part of windowReturns) {
    windowStarts.push(offset);
    returns.set(part, offset);
    for (let j = 0; j < part.length; j++) equity[offset + j + 1] = equity[offset + j] * (1 + part[j]);
    offset += part.length;
  }
  return { returns, equity, windowStarts };
}
