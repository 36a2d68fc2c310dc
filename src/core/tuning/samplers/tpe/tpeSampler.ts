// The Tree-structured Parzen Estimator sampler, multivariate: after nStartup random trials, split the complete
// trials into good and bad (splitTrials), fit a Parzen density to each (l and g), draw nEiCandidates points
// from l and propose the feasible one maximising l(x)/g(x), which Bergstra et al. 2011 show maximises expected
// improvement under the TPE model. Failed trials are ignored, as in Optuna. Defaults follow Optuna 3.x.
import { RandomSampler } from '../randomSampler';
import type { RelativeSample, SamplingContext } from '../sampler';
import { ParzenEstimator } from './parzenEstimator';
import { splitTrials } from './splitTrials';
import { defaultWeights, resolveTpeOptions, type ResolvedTpeOptions, type TpeOptions } from './tpeOptions';

/** Rounds of candidates drawn when constraints reject them all, before leaving the point to the fallback. */
const CANDIDATE_ROUNDS = 20;

/** Falls back to RandomSampler's independent sampling (before nStartup, and for unplaceable points) and shares its Rng state. */
export class TpeSampler extends RandomSampler {
  override readonly name: string = 'tpe';
  readonly options: ResolvedTpeOptions;

  constructor(options: TpeOptions) {
    super({ seed: options.seed });
    this.options = resolveTpeOptions(options);
  }

  override inferRelativeSpace(context: SamplingContext): readonly string[] {
    const complete = context.trials.filter((t) => t.state === 'complete').length;
    return complete < this.options.nStartup ? [] : context.space.names;
  }

  override sampleRelative(context: SamplingContext, relativeSpace: readonly string[]): RelativeSample {
    if (relativeSpace.length === 0) return {};
    const { space, directions, trials } = context;
    const n = trials.filter((t) => t.state === 'complete').length;
    const { below, above } = splitTrials(trials, directions, this.options.gamma(n), this.options.constantLiar);
    const parzen = { priorWeight: this.options.priorWeight, considerMagicClip: this.options.considerMagicClip };
    const l = new ParzenEstimator(space, below.map((t) => t.internal), defaultWeights(below.length), parzen);
    const g = new ParzenEstimator(space, above.map((t) => t.internal), defaultWeights(above.length), parzen);
    for (let round = 0; round < CANDIDATE_ROUNDS; round++) {
      const candidates = l.sample(this.rng, this.options.nEiCandidates).filter((x) => space.isFeasibleInternal(x));
      if (candidates.length === 0) continue;
      const logL = l.logDensity(candidates);
      const logG = g.logDensity(candidates);
      let best = 0;
      for (let i = 1; i < candidates.length; i++) if (logL[i] - logG[i] > logL[best] - logG[best]) best = i;
      return Object.fromEntries(space.params.map((p, j) => [p.name, candidates[best][j]]));
    }
    return {};
  }
}

export function tpeSampler(options: TpeOptions): TpeSampler {
  return new TpeSampler(options);
}
