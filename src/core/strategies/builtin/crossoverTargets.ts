// Targets from two lines, shared by the crossover-style built-ins (SMA, EMA, MACD): stateless, so bar t's
// target depends only on the two values at t.

/**
 * +1 where `fast[t] > slow[t]`; where `fast[t] < slow[t]`, -1 if `short` else 0; 0 where they are equal (no
 * signal) or either is NaN (warm-up).
 */
export function crossoverTargets(fast: Float64Array, slow: Float64Array, short: boolean): Float64Array {
  const out = new Float64Array(fast.length);
  const bearish = short ? -1 : 0;
  for (let t = 0; t < out.length; t++) {
    const f = fast[t];
    const s = slow[t];
    // NaN compares false both ways, so warm-up bars fall through to 0.
    out[t] = f > s ? 1 : f < s ? bearish : 0;
  }
  return out;
}
