// What the GP sampler hands the GP: complete trials as unit-cube points with one number to minimise each
// (maximised objectives negated; several objectives scalarised by ParEGO with the given weights), optionally
// failed trials at the worst observed value, and running trials as pending points.
import { toMinimised, type Direction } from '../objectives/direction';
import { parEgoScalarize } from '../gp/index';
import type { SearchSpace } from '../space/searchSpace';
import type { TrialSnapshot } from './sampler';

/** 'ignore' leaves failed trials out (Optuna's GPSampler); 'worst' adds them at the worst complete value, steering the GP away from regions that fail. */
export type FailedTrialPolicy = 'ignore' | 'worst';

export interface GpTrainingData {
  readonly X: Float64Array[];
  readonly y: Float64Array;
  readonly pending: Float64Array[];
}

/** `weights` are the ParEGO weights, required when there are several objectives. */
export function gpTrainingData(
  space: SearchSpace,
  directions: readonly Direction[],
  trials: readonly TrialSnapshot[],
  failed: FailedTrialPolicy,
  weights: Float64Array | null,
): GpTrainingData {
  const encode = (t: TrialSnapshot) => space.codec.encodeInternal(t.internal);
  const complete = trials.filter((t) => t.state === 'complete');
  const minimised = complete.map((t) => toMinimised(t.values!, directions));
  let y: Float64Array;
  if (directions.length === 1) y = Float64Array.from(minimised, (v) => v[0]);
  else y = parEgoScalarize(minimised.map((v) => Float64Array.from(v)), weights!);
  const X = complete.map(encode);
  if (failed === 'worst' && y.length > 0) {
    const failedTrials = trials.filter((t) => t.state === 'failed');
    const worst = y.reduce((m, v) => Math.max(m, v), -Infinity);
    X.push(...failedTrials.map(encode));
    y = Float64Array.from([...y, ...failedTrials.map(() => worst)]);
  }
  return { X, y, pending: trials.filter((t) => t.state === 'running').map(encode) };
}
