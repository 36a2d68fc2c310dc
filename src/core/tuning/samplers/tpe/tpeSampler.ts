// The Tree-structured Parzen Estimator sampler, multivariate: after nStartup random trials, split the complete
// trials into good and bad (splitTrials), fit a Parzen density to each (l and g), draw nEiCandidates points
// from l and propose the feasible one maximising l(x)/g(x), which Bergstra et al. 2011 show maximises expected
// improvement under the TPE model. Failed trials are ignored, as in Optuna. Defaults follow Optuna 3.x.
import { Rng } from '../../../random/rng';
import type { ParamDistribution } from '../../space/distribution';
import { fromUnit } from '../../space/paramUnitScale';
import type { JsonValue, RelativeSample, Sampler, SamplingContext } from '../sampler';
import { readRngState, readSamplerState } from '../samplerState';
import { ParzenEstimator } from './parzenEstimator';
import { splitTrials } from './splitTrials';
import { defaultWeights, resolveTpeOptions, type ResolvedTpeOptions, type TpeOptions } from './tpeOptions';

/** Rounds of candidates drawn when constraints reject them all, before leaving the point to the fallback. */
const CANDIDATE_ROUNDS = 20;

export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  readonly options: ResolvedTpeOptions;
  private readonly rng: Rng;

  constructor(options: TpeOptions) {
    this.options = resolveTpeOptions(options);
    this.rng = new Rng(options.seed);
  }

  inferRelativeSpace(context: SamplingContext): readonly string[] {
    const complete = context.trials.filter((t) => t.state === 'complete').length;
    return complete < this.options.nStartup ? [] : context.space.names;
  }

  sampleRelative(context: SamplingContext, relativeSpace: readonly string[]): RelativeSample {
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

  sampleIndependent(_context: SamplingContext, _name: string, distribution: ParamDistribution): number {
    return fromUnit(distribution, this.rng.nextFloat());
  }

  getState(): JsonValue {
    return { sampler: this.name, rng: this.rng.getState() };
  }

  setState(state: JsonValue): void {
    this.rng.setState(readRngState(readSamplerState(state, this.name), 'rng'));
  }
}

export function tpeSampler(options: TpeOptions): TpeSampler {
  return new TpeSampler(options);
}
