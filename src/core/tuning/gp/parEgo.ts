// ParEGO: turns several objectives into one per suggestion, so the single-objective GP can propose points that
// spread along the Pareto front. Each objective is normalised to [0,1] over the observed values, a weight vector is
// drawn from the simplex, and the augmented Chebyshev function
//     f_λ(x) = max_j (λ_j · f_j(x)) + ρ · Σ_j λ_j · f_j(x),   ρ = 0.05
// is minimised. Reference: J. Knowles, "ParEGO: A Hybrid Algorithm With On-Line Landscape Approximation for
// Expensive Multiobjective Optimization Problems", IEEE Trans. Evol. Comput. 10(1) (2006) 50–66, eq. 2.
// Knowles draws λ from a finite lattice on the simplex; here λ is uniform on the continuous simplex (as in Optuna
// and BoTorch's sample_simplex), by normalising i.i.d. exponential draws.

export const PAREGO_RHO = 0.05;

/**
 * Augmented Chebyshev scalarisation of `values` (n rows × m objectives, all to MINIMISE) with weights λ (length m):
 * each objective is rescaled to [0,1] by its min and max over the rows (an objective with max = min becomes 0),
 * then f_λ = max_j λ_j f_j + ρ Σ_j λ_j f_j. Returns n values, to minimise.
 */
export function parEgoScalarize(values: readonly Float64Array[], weights: Float64Array, rho: number = PAREGO_RHO): Float64Array {
  const n = values.length;
  const m = weights.length;
  const lo = new Float64Array(m).fill(Infinity);
  const hi = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    if (values[i].length !== m) throw new RangeError(`row ${i} has ${values[i].length} objectives, expected ${m}`);
    for (let j = 0; j < m; j++) {
      const v = values[i][j];
      if (!Number.isFinite(v)) throw new RangeError(`values[${i}][${j}] is not finite`);
      lo[j] = Math.min(lo[j], v);
      hi[j] = Math.max(hi[j], v);
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const range = hi[j] - lo[j];
      const normalised = range > 0 ? (values[i][j] - lo[j]) / range : 0;
      const weighted = weights[j] * normalised;
      max = Math.max(max, weighted);
      sum += weighted;
    }
    out[i] = max + rho * sum;
  }
  return out;
}

/** A weight vector uniform on the simplex {λ >= 0, Σλ = 1} of dimension m: normalised Exp(1) draws. */
export function randomSimplexWeights(m: number, rng: { nextFloat(): number }): Float64Array {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`the number of objectives must be a positive integer, not ${m}`);
  const w = new Float64Array(m);
  let sum = 0;
  for (let j = 0; j < m; j++) {
    w[j] = -Math.log(1 - rng.nextFloat()); // 1 − u is in (0, 1]
    sum += w[j];
  }
  if (!(sum > 0)) return w.fill(1 / m); // every draw was exactly 0
  for (let j = 0; j < m; j++) w[j] /= sum;
  return w;
}
