// The distribution panel: a histogram of per-bar returns (Freedman–Diaconis bins, the square-root rule when the
// interquartile range is zero, at most MAX_BINS) and the mean and std of the same returns for a normal overlay.

import { returnMoments } from '../metrics/returnMoments';
import { selectQuantileType7 } from '../metrics/quantile';
import type { ReturnDistribution } from './performanceProfile';

export const MAX_BINS = 60;

/** Half-width of the single bin drawn when every return is the same value. */
const DEGENERATE_HALF_WIDTH = 1e-4;

/** Freedman–Diaconis: width 2 × IQR × n^(−1/3); the square-root rule (⌈√n⌉ bins) when the IQR is 0. */
function binCount(finite: Float64Array, min: number, max: number): number {
  const n = finite.length;
  const work = finite.slice();
  const q1 = selectQuantileType7(work, 0.25);
  const q3 = selectQuantileType7(work, 0.75);
  const width = (2 * (q3 - q1)) / Math.cbrt(n);
  const bins = width > 0 ? Math.ceil((max - min) / width) : Math.ceil(Math.sqrt(n));
  return Math.min(MAX_BINS, Math.max(1, bins));
}

/**
 * Histogram of `returns` (pass the bar-to-bar returns: the profile leaves out returns[0], which is not a market
 * move). Non-finite values are skipped; `count` is the number histogrammed and equals sum(counts). Bins are
 * equal-width from the minimum to the maximum, the last one closed on the right. mean and std (ddof = 1) are of
 * the same values, null when undefined (no values; fewer than 2 for std).
 */
export function returnHistogram(returns: Float64Array): ReturnDistribution {
  let finiteCount = 0;
  for (let i = 0; i < returns.length; i++) if (Number.isFinite(returns[i])) finiteCount++;
  const finite = finiteCount === returns.length ? returns : returns.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { edges: [], counts: [], mean: null, std: null, count: 0 };

  let min = finite[0];
  let max = finite[0];
  for (let i = 1; i < n; i++) {
    const r = finite[i];
    if (r < min) min = r;
    else if (r > max) max = r;
  }
  const moments = returnMoments(finite);
  const mean = Number.isFinite(moments.mean) ? moments.mean : null;
  const std = Number.isFinite(moments.std) ? moments.std : null;

  if (max === min) {
    return { edges: [min - DEGENERATE_HALF_WIDTH, max + DEGENERATE_HALF_WIDTH], counts: [n], mean, std, count: n };
  }
  const bins = binCount(finite, min, max);
  const width = (max - min) / bins;
  const edges: number[] = [];
  for (let k = 0; k < bins; k++) edges.push(min + k * width);
  edges.push(max);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const k = Math.floor((finite[i] - min) / width);
    counts[k >= bins ? bins - 1 : k]++;
  }
  return { edges, counts, mean, std, count: n };
}
