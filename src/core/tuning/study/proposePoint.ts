// How the study turns a sampler's proposals into a point it will hand out: relative sample, independent
// fallback for whatever the sampler left out, then checks. A point is never handed out if it breaks a
// constraint, and not if it repeats an existing trial (running, finished or failed) while other points remain
// likely; after a few joint tries the study falls back to independent sampling alone, which over enough
// attempts is rejection sampling of the feasible region (whose size the space measured when it was built).
import type { RelativeSample, Sampler, SamplingContext } from '../samplers/sampler';
import { isValidInternal } from '../space/internalValue';

/** Joint proposals tried before falling back to independent sampling of every parameter. */
const RELATIVE_ATTEMPTS = 5;
/** Proposals that may be refused for repeating an existing trial; after that a repeat is accepted (small grids run out). */
const DEDUP_ATTEMPTS = 20;
const MIN_ATTEMPTS = 1000;
/** Attempts per feasible point expected from uniform sampling. */
const ATTEMPTS_PER_EXPECTED = 100;

/**
 * An internal point that is valid and feasible. `first` is a joint proposal already made (from a batch).
 * `seen` holds the dedup keys of existing trials.
 * @throws Error when the sampler returns a value outside its distribution (a sampler bug), or when no feasible
 *   point turned up within the attempt budget.
 */
export function proposePoint(sampler: Sampler, context: SamplingContext, seen: ReadonlySet<string>, first?: RelativeSample): number[] {
  const { space } = context;
  const budget = Math.max(MIN_ATTEMPTS, Math.ceil(ATTEMPTS_PER_EXPECTED / space.feasibleFraction));
  for (let attempt = 0; attempt < budget; attempt++) {
    let relative: RelativeSample = {};
    if (attempt === 0 && first !== undefined) relative = first;
    else if (attempt < RELATIVE_ATTEMPTS) {
      const names = sampler.inferRelativeSpace(context);
      if (names.length > 0) relative = sampler.sampleRelative(context, names);
    }
    const internal = space.params.map((p) => (p.name in relative ? relative[p.name] : sampler.sampleIndependent(context, p.name, p)));
    const invalid = space.params.findIndex((p, j) => !isValidInternal(p, internal[j]));
    if (invalid >= 0) {
      const p = space.params[invalid];
      throw new Error(`sampler '${sampler.name}' proposed ${String(internal[invalid])} for ${p.type} parameter '${p.name}', which is not one of its values`);
    }
    if (!space.isFeasibleInternal(internal)) continue;
    if (attempt < DEDUP_ATTEMPTS && seen.has(space.codec.keyInternal(internal))) continue;
    return internal;
  }
  const texts = space.constraints.map((c) => `'${c.text}'`).join(', ');
  throw new Error(`sampler '${sampler.name}' found no point meeting the constraints ${texts} in ${budget} attempts`);
}
