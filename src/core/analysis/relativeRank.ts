// The relative rank of one value among a column of values, as CSCV's out-of-sample rank ω.

/**
 * ω = r / (N + 1), r the rank of `values[index]` among the N `values` in ascending order (1 = lowest), with ties
 * given their AVERAGE rank: r = #{v < x} + (#{v = x} + 1)/2, x = values[index] (the count of equals includes x).
 * Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting", Journal of Computational
 * Finance 20(4) (2017), §2.3 step (e). NaN values rank below every number and tie with each other.
 */
export function relativeRank(values: Float64Array, index: number): number {
  const n = values.length;
  const x = values[index];
  let below = 0;
  let equal = 0;
  if (Number.isNaN(x)) {
    for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) equal++;
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < x || Number.isNaN(v)) below++;
      else if (v === x) equal++;
    }
  }
  return (below + (equal + 1) / 2) / (n + 1);
}
