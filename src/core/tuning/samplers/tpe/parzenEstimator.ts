// The multivariate Parzen estimator of TPE: a weighted mixture with one product kernel per observation plus a
// flat prior component. Numeric parameters get a truncated normal on their unit scale (log parameters in log
// space), with Scott's-rule bandwidth shared by all observations, 0.2 · n^(−1/(d+4)), clipped to
// [1/min(100, components + 1), 1] ("magic clip"); categoricals get a kernel that puts weight 1 on the
// observed choice plus priorWeight / components on every choice. References: J. Bergstra, R. Bardenet,
// Y. Bengio, B. Kégl, "Algorithms for hyper-parameter optimization", NeurIPS 2011; S. Falkner, A. Klein,
// F. Hutter, "BOHB: robust and efficient hyperparameter optimization at scale", ICML 2018 (multivariate
// kernels); Optuna 3.x optuna/samplers/_tpe/parzen_estimator.py (constants and defaults).
import type { Rng } from '../../../random/rng';
import { fromUnit, toUnit, unitCell } from '../../space/paramUnitScale';
import type { SearchSpace } from '../../space/searchSpace';
import { logUnitMass, logUnitTruncNormalCell, logUnitTruncNormalPdf, sampleUnitTruncNormal } from './truncatedNormal';

export interface ParzenOptions {
  readonly priorWeight: number;
  readonly considerMagicClip: boolean;
}

const SIGMA0_MAGNITUDE = 0.2;
const MIN_SIGMA_COMPONENTS_CAP = 100;

export class ParzenEstimator {
  private readonly space: SearchSpace;
  /** Normalised mixture weights, observations first, prior last. */
  private readonly logWeights: Float64Array;
  private readonly weights: Float64Array;
  /** Per parameter: kernel centres (unit scale) for numerics, choice probabilities per component for categoricals. */
  private readonly mus: Float64Array[] = [];
  private readonly sigmas: Float64Array[] = [];
  /** Per numeric parameter and component, log of the kernel's mass on [0, 1]. */
  private readonly logNormalisers: Float64Array[] = [];
  private readonly choiceProbs: Float64Array[][] = [];

  /** `observations` are internal points; `weights` one per observation (older ones first, as Optuna orders them). */
  constructor(space: SearchSpace, observations: readonly (readonly number[])[], weights: readonly number[], options: ParzenOptions) {
    this.space = space;
    const n = observations.length;
    const components = n + 1;
    const w = new Float64Array(components);
    for (let k = 0; k < n; k++) w[k] = weights[k];
    w[n] = options.priorWeight;
    const total = w.reduce((s, x) => s + x, 0);
    this.weights = w.map((x) => x / total);
    this.logWeights = this.weights.map(Math.log);
    const d = space.params.length;
    space.params.forEach((p, j) => {
      if (p.type === 'categorical') {
        const kChoices = p.choices.length;
        const rows: Float64Array[] = [];
        for (let k = 0; k < components; k++) {
          const row = new Float64Array(kChoices).fill(options.priorWeight / components);
          if (k < n) row[observations[k][j]] += 1;
          const sum = row.reduce((s, x) => s + x, 0);
          rows.push(row.map((x) => x / sum));
        }
        this.choiceProbs[j] = rows;
        return;
      }
      const mu = new Float64Array(components);
      const sigma = new Float64Array(components);
      const minSigma = options.considerMagicClip ? 1 / Math.min(MIN_SIGMA_COMPONENTS_CAP, 1 + components) : 1e-12;
      const shared = Math.min(1, Math.max(minSigma, SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1 / (d + 4))));
      for (let k = 0; k < n; k++) {
        mu[k] = toUnit(p, observations[k][j]);
        sigma[k] = shared;
      }
      mu[n] = 0.5;
      sigma[n] = 1;
      this.mus[j] = mu;
      this.sigmas[j] = sigma;
      this.logNormalisers[j] = mu.map((m, k) => logUnitMass(m, sigma[k]));
    });
  }

  /** `count` internal points drawn from the mixture: a component by weight, then each parameter from its kernel. */
  sample(rng: Rng, count: number): number[][] {
    const out: number[][] = [];
    for (let c = 0; c < count; c++) {
      const k = pickIndex(this.weights, rng.nextFloat());
      out.push(
        this.space.params.map((p, j) => {
          if (p.type === 'categorical') return pickIndex(this.choiceProbs[j][k], rng.nextFloat());
          return fromUnit(p, sampleUnitTruncNormal(this.mus[j][k], this.sigmas[j][k], rng));
        }),
      );
    }
    return out;
  }

  /** log density (log probability for discrete parameters) of each internal point under the mixture. */
  logDensity(points: readonly (readonly number[])[]): Float64Array {
    const components = this.weights.length;
    const out = new Float64Array(points.length);
    const terms = new Float64Array(components);
    points.forEach((x, i) => {
      terms.set(this.logWeights);
      this.space.params.forEach((p, j) => {
        if (p.type === 'categorical') {
          for (let k = 0; k < components; k++) terms[k] += Math.log(this.choiceProbs[j][k][x[j]]);
          return;
        }
        const cell = unitCell(p, x[j]);
        const mu = this.mus[j];
        const sigma = this.sigmas[j];
        const logZ = this.logNormalisers[j];
        if (cell === null) {
          const u = toUnit(p, x[j]);
          for (let k = 0; k < components; k++) terms[k] += logUnitTruncNormalPdf(u, mu[k], sigma[k], logZ[k]);
        } else {
          const a = Math.max(0, cell[0]);
          const b = Math.min(1, cell[1]);
          for (let k = 0; k < components; k++) terms[k] += logUnitTruncNormalCell(a, b, mu[k], sigma[k], logZ[k]);
        }
      });
      out[i] = logSumExp(terms);
    });
    return out;
  }
}

/** Index i with cumulative probability first exceeding u (the last index if rounding leaves u above the total). */
function pickIndex(probs: ArrayLike<number>, u: number): number {
  let acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i];
    if (u < acc) return i;
  }
  return probs.length - 1;
}

function logSumExp(xs: Float64Array): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - max);
  return max + Math.log(sum);
}
