// Drawing search-space points from a Sobol sequence, one sequence dimension per parameter mapped through the
// parameter's own unit scale (so a categorical takes one dimension, not one per choice), skipping points that
// break a constraint: the design of the Sobol sampler and the GP sampler's first trials.
import type { SearchSpace } from '../space/searchSpace';
import { fromUnit } from '../space/paramUnitScale';
import { SobolSequence } from '../sobol/sobolSequence';

/** Sobol points tried per feasible point expected, before giving up on this call. */
const TRIES_PER_EXPECTED = 100;
const MAX_TRIES = 1_000_000;

/** A scrambled sequence over `space`, positioned at point `index`. */
export function sobolDesign(space: SearchSpace, seed: number, index: number): SobolSequence {
  const seq = new SobolSequence({ dimension: space.params.length, seed, scramble: true });
  seq.skipTo(index);
  return seq;
}

/** The internal point of the next feasible Sobol point, or null when none turned up within the try budget. */
export function nextFeasibleSobolPoint(seq: SobolSequence, space: SearchSpace): number[] | null {
  const tries = Math.min(MAX_TRIES, Math.ceil(TRIES_PER_EXPECTED / space.feasibleFraction));
  for (let t = 0; t < tries; t++) {
    const u = seq.next();
    const internal = space.params.map((p, i) => fromUnit(p, u[i]));
    if (space.isFeasibleInternal(internal)) return internal;
  }
  return null;
}
