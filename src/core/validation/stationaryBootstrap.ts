// The stationary block bootstrap of Politis & Romano (1994): resamples a time series in blocks of random,
// geometrically distributed length that wrap around the end, preserving short-range dependence.
import type { Rng } from '../random';

/**
 * Default mean block length `⌈T^(1/3)⌉` for a series of length T (at least 1). T^(1/3) is the rate of the optimal
 * mean block length for variance-type statistics (Politis & White, 2004, "Automatic block-length selection for the
 * dependent bootstrap"); their data-driven constant is not estimated here.
 */
export function defaultMeanBlock(length: number): number {
  return Math.max(1, Math.ceil(Math.cbrt(length)));
}

/**
 * Fills `out` with one stationary-bootstrap resample of `source` (Politis & Romano, 1994, "The Stationary
 * Bootstrap", JASA 89(428)): `out[0] = x[I]` with `I ~ U{0..T−1}`; then for each next position, with probability
 * `p = 1 / meanBlock` a new block starts at a fresh uniform index, otherwise the block continues at
 * `(previous + 1) mod T` (wrapping around). Block lengths are therefore Geometric(p) with mean `1 / p = meanBlock`
 * (the last block is cut at `out.length`), and the resample is stationary. `meanBlock = 1` is the iid bootstrap.
 * Allocates nothing; `out` may be any length. Returns the number of blocks started.
 *
 * @throws RangeError for an empty source or meanBlock < 1.
 */
export function stationaryBootstrapResample(source: Float64Array, out: Float64Array, meanBlock: number, rng: Rng): number {
  const n = source.length;
  if (n === 0) throw new RangeError('stationaryBootstrapResample: source must not be empty');
  if (!(meanBlock >= 1 && meanBlock < Infinity)) {
    throw new RangeError(`stationaryBootstrapResample: meanBlock must be a finite number ≥ 1, got ${String(meanBlock)}`);
  }
  const p = 1 / meanBlock;
  let blocks = 0;
  let index = 0;
  for (let t = 0; t < out.length; t++) {
    if (t === 0 || rng.nextFloat() < p) {
      index = rng.nextInt(n);
      blocks++;
    } else {
      index = index + 1 === n ? 0 : index + 1;
    }
    out[t] = source[index];
  }
  return blocks;
}
