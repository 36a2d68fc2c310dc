// Partial dependence of the GP surrogate on one numeric parameter: J. H. Friedman, "Greedy Function Approximation:
// A Gradient Boosting Machine", Annals of Statistics 29(5) (2001), §8.2: PD(x) = (1/B)·Σ_b μ(x, z_b), the GP
// posterior mean with the parameter set to x and the other coordinates taken from B background points, here a
// seeded random subset of the study's trials (the empirical distribution Friedman averages over).
// The band is PD ± the background average of the posterior sd: by Minkowski's inequality sd((1/B)·Σ f_b) <=
// (1/B)·Σ sd(f_b), so it bounds the sd of the averaged latent function from above (it is the band of a typical
// single configuration, not of the average). The sd costs a triangular solve per point (posteriorSurface.ts), so it
// is averaged over the first `sdBackground` background points only (default 16); the mean uses all of them.
import { Rng } from '../random';
import { parameterAxis } from './parameterAxis';
import type { StudySurrogate } from './studySurrogate';

export interface PartialDependenceOptions {
  /** Points along the parameter's range (default 40). */
  readonly points?: number;
  /** Background trials averaged over (default 100, at most the number of trials). */
  readonly background?: number;
  /** Background trials the sd band is averaged over (default 16, at most `background`). */
  readonly sdBackground?: number;
  readonly seed?: number;
}

export interface PartialDependence {
  /** Parameter values (geometric for log parameters). */
  readonly x: Float64Array;
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export function partialDependence(s: StudySurrogate, param: string, options: PartialDependenceOptions = {}): PartialDependence {
  const count = Math.floor(options.points ?? 40);
  const axis = parameterAxis(s.space, param, count, 'partial dependence');
  const d = s.dims;
  const total = s.points.length;
  const b = Math.max(1, Math.min(total, Math.floor(options.background ?? 100)));
  const bSd = Math.max(1, Math.min(b, Math.floor(options.sdBackground ?? 16)));
  // Partial Fisher–Yates over the trials: the first b are the background, the first bSd of those carry the sd.
  const order = Array.from({ length: total }, (_, i) => i);
  const rng = new Rng(options.seed ?? 0);
  for (let i = 0; i < b; i++) {
    const j = i + rng.nextInt(total - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const flat = new Float64Array(count * b * d);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < b; i++) {
      const o = (k * b + i) * d;
      flat.set(s.points[order[i]], o);
      flat[o + axis.dim] = axis.units[k];
    }
  }
  const means = s.predictMeanFlat(flat, count * b);
  const sdFlat = new Float64Array(count * bSd * d);
  for (let k = 0; k < count; k++) sdFlat.set(flat.subarray(k * b * d, (k * b + bSd) * d), k * bSd * d);
  const sds = s.predictFlat(sdFlat, count * bSd).sd;
  const mean = new Float64Array(count);
  const lower = new Float64Array(count);
  const upper = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let m = 0;
    for (let i = 0; i < b; i++) m += means[k * b + i];
    m /= b;
    let sd = 0;
    for (let i = 0; i < bSd; i++) sd += sds[k * bSd + i];
    sd /= bSd;
    mean[k] = m;
    lower[k] = m - sd;
    upper[k] = m + sd;
  }
  return { x: axis.values, mean, lower, upper };
}
