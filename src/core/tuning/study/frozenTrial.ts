// A trial as the study reports it and storage keeps it: the user's parameter values (not internal numbers),
// its state and its outcome. Frozen, and plain JSON data, so storage can write it as is and a study can be
// restored from it.
import type { ParamValue } from '../../strategies/paramSpec';
import type { TrialState } from '../samplers/sampler';

/**
 * The state machine: running -> complete | failed (pruned is reserved for early stopping). A finished trial
 * (any state but running) never changes again.
 */
export interface FrozenTrial {
  /** 0, 1, 2, ... in the order trials were asked. */
  readonly number: number;
  readonly state: TrialState;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** One value per direction, as told; null unless complete. */
  readonly values: readonly number[] | null;
  /** Why a failed trial failed (the reason told, or which value was not finite); null otherwise. */
  readonly failReason: string | null;
}

export function freezeTrial(trial: FrozenTrial): FrozenTrial {
  return Object.freeze({
    number: trial.number,
    state: trial.state,
    params: Object.isFrozen(trial.params) ? trial.params : Object.freeze({ ...trial.params }),
    values: trial.values === null ? null : Object.freeze([...trial.values]),
    failReason: trial.failReason,
  });
}
