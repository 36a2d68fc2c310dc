// The Sampler interface, in Optuna's shape (BaseSampler): a sampler names the parameters it samples jointly
// (the relative search space), proposes them together, and falls back to sampling any others independently.
// It sees the study only through frozen snapshots of its trials, never a handle it could change, and keeps
// all of its own state (random generator, counters) in getState() so a study restored from storage continues
// the exact sequence it would have produced uninterrupted.
import type { Direction } from '../objectives/direction';
import type { ParamDistribution } from '../space/distribution';
import type { SearchSpace } from '../space/searchSpace';

export type TrialState = 'running' | 'complete' | 'failed' | 'pruned';

/** What a sampler sees of one trial. Frozen. */
export interface TrialSnapshot {
  readonly number: number;
  readonly state: TrialState;
  /** Internal values in parameter order: a float or int is itself, a categorical the index of its choice. */
  readonly internal: readonly number[];
  /** The objective values as told (maximised ones not negated), one per direction; null unless complete. */
  readonly values: readonly number[] | null;
}

/** Everything a sampler may read when proposing a point. Frozen; trials in number order, running ones included. */
export interface SamplingContext {
  readonly space: SearchSpace;
  readonly directions: readonly Direction[];
  readonly trials: readonly TrialSnapshot[];
}

/** A sampler's state as plain JSON data. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Internal values of the relative-space parameters, by name. */
export type RelativeSample = Readonly<Record<string, number>>;

export interface Sampler {
  /** 'random', 'sobol', 'tpe', 'gp' or a custom name; stored with the state so a mismatch is caught. */
  readonly name: string;
  /** Throws a clear error when the sampler cannot serve this study (too many parameters, several objectives...). */
  check?(space: SearchSpace, directions: readonly Direction[]): void;
  /** Names of the parameters to sample jointly now; [] to sample every parameter independently. */
  inferRelativeSpace(context: SamplingContext): readonly string[];
  /**
   * Internal values for (some of) `relativeSpace`, jointly; a parameter left out is sampled independently.
   * Should honour the space's constraints; the study rejects and re-asks otherwise.
   */
  sampleRelative(context: SamplingContext, relativeSpace: readonly string[]): RelativeSample;
  /**
   * `q` joint proposals at once, for a batch of idle workers. Optional: without it the study asks one at a
   * time, each seeing the earlier ones as running trials.
   */
  sampleRelativeBatch?(context: SamplingContext, relativeSpace: readonly string[], q: number): RelativeSample[];
  /** One internal value of `distribution`, ignoring the other parameters. */
  sampleIndependent(context: SamplingContext, name: string, distribution: ParamDistribution): number;
  /** Called after a trial finishes (complete or failed), with the context including it. */
  afterTrial?(context: SamplingContext, trial: TrialSnapshot): void;
  /** Everything needed to continue the same sequence, as JSON data. */
  getState(): JsonValue;
  /** @throws Error when `state` is not a state of this kind of sampler. */
  setState(state: JsonValue): void;
}
