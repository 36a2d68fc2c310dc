// Spearman's rank correlation, for how well in-sample ranks carry over out of sample.

/**
 * Spearman's ρ = Pearson correlation of the ranks, ties at their average rank (Spearman, 1904, "The proof and
 * measurement of association between two things"; the tie rule of Kendall & Gibbons, Rank Correlation Methods,
 * 1990, §3). Only pairs where both values are finite count. NaN with fewer than 3 such pairs or a constant side.
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`spearmanCorrelation: x has ${x.length} values, y has ${y.length}`);
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) keep.push(i);
  const n = keep.length;
  if (n < 3) return NaN;
  const rx = averageRanks(Float64Array.from(keep, (i) => x[i]));
  const ry = averageRanks(Float64Array.from(keep, (i) => y[i]));
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i] - mean;
    const b = ry[i] - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, tied values sharing the average of the ranks they span. */
function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}
