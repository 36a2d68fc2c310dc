// The ask/tell study: hands out parameter sets to evaluate (ask, askBatch), records what came back (tell),
// and reports the trials and the best ones. No I/O and no clock: storage persists getState() (trials plus the
// sampler's state) and passes it back as `resume`, and the same seed with the same calls gives the same trials.
import type { ParamConstraint, ParamValue } from '../../strategies/paramSpec';
import { checkDirections, type Direction } from '../objectives/direction';
import { paretoFront } from '../objectives/paretoFront';
import { createSampler, type SamplerSpec } from '../samplers/createSampler';
import type { RelativeSample, Sampler, SamplingContext, TrialSnapshot } from '../samplers/sampler';
import type { ParamDistribution } from '../space/distribution';
import { SearchSpace } from '../space/searchSpace';
import { freezeTrial, type FrozenTrial } from './frozenTrial';
import { proposePoint } from './proposePoint';
import { restoreTrials } from './restoreTrials';
import type { StudyState } from './studyState';
import { resolveTellResult, type TellResult } from './tellResult';

export interface StudyOptions {
  /** A built space, or its parameters (then `constraints` complete it). */
  readonly space: SearchSpace | readonly ParamDistribution[];
  /** One per objective. */
  readonly directions: readonly Direction[];
  /** 'random' | 'sobol' | 'tpe' | 'gp', with options as { name: 'gp', nStartup: 10 }, or a Sampler object. */
  readonly sampler: SamplerSpec;
  /** Seeds a named sampler; a Sampler object carries its own seed. */
  readonly seed: number;
  /** Added to the space's own constraints. */
  readonly constraints?: readonly ParamConstraint[];
  /** A saved getState(): the study continues exactly where it stopped. */
  readonly resume?: StudyState;
}

export interface AskedTrial {
  readonly number: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export class Study {
  readonly space: SearchSpace;
  readonly directions: readonly Direction[];
  readonly sampler: Sampler;
  private readonly frozen: FrozenTrial[] = [];
  private readonly snapshots: TrialSnapshot[] = [];
  private readonly keys = new Set<string>();

  /** @throws SearchSpaceError for a bad space; Error for bad directions, a sampler that cannot serve the study, or a resume state that does not fit. */
  constructor(options: StudyOptions) {
    checkDirections(options.directions);
    this.directions = Object.freeze([...options.directions]);
    this.space = buildSpace(options.space, options.constraints ?? []);
    this.sampler = createSampler(options.sampler, options.seed);
    this.sampler.check?.(this.space, this.directions);
    if (options.resume !== undefined) {
      for (const t of restoreTrials(options.resume.trials, this.space, this.directions)) {
        this.frozen.push(t.frozen);
        this.snapshots.push(t.snapshot);
        this.keys.add(this.space.codec.keyInternal(t.snapshot.internal));
      }
      if (options.resume.sampler !== null && options.resume.sampler !== undefined) this.sampler.setState(options.resume.sampler);
    }
  }

  /** A new running trial with a feasible parameter set. */
  ask(): AskedTrial {
    return this.askBatch(1)[0];
  }

  /**
   * `q` new running trials at once, for `q` idle workers. Each is proposed knowing the others are running, so
   * the batch holds no repeated point (while the space has others left).
   */
  askBatch(q: number): AskedTrial[] {
    if (!Number.isInteger(q) || q < 1) throw new RangeError(`askBatch needs a positive integer count, not ${q}`);
    let joint: readonly RelativeSample[] = [];
    if (q > 1 && this.sampler.sampleRelativeBatch !== undefined) {
      const context = this.context();
      const names = this.sampler.inferRelativeSpace(context);
      if (names.length > 0) joint = this.sampler.sampleRelativeBatch(context, names, q);
    }
    const asked: AskedTrial[] = [];
    for (let i = 0; i < q; i++) {
      const internal = proposePoint(this.sampler, this.context(), this.keys, joint[i]);
      asked.push(this.addRunning(internal));
    }
    return asked;
  }

  /**
   * Finishes trial `number` with its objective values (a number for one objective) or as failed. A NaN or
   * infinite value finishes it as failed, naming the value (see tellResult.ts).
   * @throws Error for an unknown trial, a trial already finished, or the wrong number of values.
   */
  tell(number: number, result: TellResult): FrozenTrial {
    const current = this.frozen[number];
    if (!Number.isInteger(number) || current === undefined) {
      const range = this.frozen.length === 0 ? 'it has no trials yet' : `its trials are 0..${this.frozen.length - 1}`;
      throw new Error(`this study has no trial ${number}; ${range}`);
    }
    if (current.state !== 'running') throw new Error(`trial ${number} is already ${current.state}; finished trials cannot change`);
    const outcome = resolveTellResult(number, result, this.directions);
    const trial = freezeTrial({ ...current, ...outcome });
    const snapshot: TrialSnapshot = Object.freeze({ ...this.snapshots[number], state: outcome.state, values: trial.values });
    this.frozen[number] = trial;
    this.snapshots[number] = snapshot;
    this.sampler.afterTrial?.(this.context(), snapshot);
    return trial;
  }

  /** Every trial, in number order. */
  trials(): readonly FrozenTrial[] {
    return Object.freeze([...this.frozen]);
  }

  trial(number: number): FrozenTrial | undefined {
    return this.frozen[number];
  }

  /** The Pareto set of the complete trials: those no other complete trial dominates, given the directions. With one objective, every trial tied for the best value. */
  bestTrials(): FrozenTrial[] {
    const complete = this.frozen.filter((t) => t.state === 'complete');
    return paretoFront(complete.map((t) => t.values!), this.directions).map((i) => complete[i]);
  }

  /** The best complete trial of a single-objective study (the earliest on ties), or undefined before any. */
  bestTrial(): FrozenTrial | undefined {
    if (this.directions.length !== 1) throw new Error(`bestTrial is for one objective; this study has ${this.directions.length}, use bestTrials() for the Pareto set`);
    return this.bestTrials()[0];
  }

  /** Trials and sampler state as JSON data; pass it back as createStudy's `resume` to continue. */
  getState(): StudyState {
    return { trials: this.trials(), sampler: this.sampler.getState() };
  }

  private context(): SamplingContext {
    return Object.freeze({ space: this.space, directions: this.directions, trials: Object.freeze([...this.snapshots]) });
  }

  private addRunning(internal: number[]): AskedTrial {
    const number = this.frozen.length;
    const params = this.space.toExternal(internal);
    this.frozen.push(freezeTrial({ number, state: 'running', params, values: null, failReason: null }));
    this.snapshots.push(Object.freeze({ number, state: 'running', internal: Object.freeze(internal), values: null }));
    this.keys.add(this.space.codec.keyInternal(internal));
    return Object.freeze({ number, params });
  }
}

/** A study over `space` (see StudyOptions). */
export function createStudy(options: StudyOptions): Study {
  return new Study(options);
}

function buildSpace(space: SearchSpace | readonly ParamDistribution[], constraints: readonly ParamConstraint[]): SearchSpace {
  if (space instanceof SearchSpace) return constraints.length === 0 ? space : new SearchSpace(space.params, [...space.constraints, ...constraints]);
  return new SearchSpace(space, constraints);
}
