// Checks trials read back from storage against the study they are restored into, so a study whose space or
// objectives changed since is refused with a message naming the trial, rather than feeding samplers nonsense.
import type { Direction } from '../objectives/direction';
import { SearchSpaceError } from '../space/searchSpaceError';
import type { SearchSpace } from '../space/searchSpace';
import type { TrialSnapshot } from '../samplers/sampler';
import { freezeTrial, type FrozenTrial } from './frozenTrial';

const STATES = new Set(['running', 'complete', 'failed', 'pruned']);

export interface RestoredTrial {
  readonly frozen: FrozenTrial;
  readonly snapshot: TrialSnapshot;
}

/** @throws Error naming the trial: numbers not 0..n-1 in order, an unknown state, params outside the space, or values that do not fit the state and directions. */
export function restoreTrials(trials: readonly FrozenTrial[], space: SearchSpace, directions: readonly Direction[]): RestoredTrial[] {
  if (!Array.isArray(trials)) throw new Error('resume.trials must be an array of trials');
  return trials.map((t, i) => {
    const at = `restored trial ${i}`;
    if (t === null || typeof t !== 'object') throw new Error(`${at} is not an object`);
    if (t.number !== i) throw new Error(`${at} has number ${JSON.stringify(t.number)}; trials must be numbered 0, 1, 2, ... in order`);
    if (!STATES.has(t.state)) throw new Error(`${at} has unknown state ${JSON.stringify(t.state)}`);
    let internal: number[];
    try {
      internal = space.toInternal(t.params ?? {});
    } catch (e) {
      if (e instanceof SearchSpaceError) throw new Error(`${at} does not fit the search space: ${e.message}`);
      throw e;
    }
    if (t.state === 'complete') {
      const ok = Array.isArray(t.values) && t.values.length === directions.length && t.values.every((v: unknown) => typeof v === 'number' && Number.isFinite(v));
      if (!ok) throw new Error(`${at} is complete but its values ${JSON.stringify(t.values)} are not ${directions.length} finite number(s)`);
    } else if (t.values !== null && t.values !== undefined) {
      throw new Error(`${at} is ${t.state} but has values`);
    }
    const frozen = freezeTrial({
      number: i,
      state: t.state,
      params: space.toExternal(internal),
      values: t.state === 'complete' ? t.values : null,
      failReason: t.state === 'failed' ? (typeof t.failReason === 'string' ? t.failReason : 'failed') : null,
    });
    return { frozen, snapshot: Object.freeze({ number: i, state: t.state, internal: Object.freeze(internal), values: frozen.values }) };
  });
}
