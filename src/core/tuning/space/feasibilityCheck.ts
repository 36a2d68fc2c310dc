// Detects constraints no point can satisfy, by testing many uniformly random points of the space: a study over
// an empty region would otherwise spin forever in its samplers. Random testing cannot prove a region empty, so
// a feasible region smaller than about 1/samples of the space is reported as empty too; the message says so.
import type { ParamConstraint, ParamValue, ParamValues } from '../../strategies/paramSpec';
import { satisfiesConstraint } from '../../strategies/paramSpec';
import { Rng } from '../../random/rng';
import type { ParamDistribution } from './distribution';
import { fromUnit } from './paramUnitScale';
import { toExternalValue } from './internalValue';
import { SearchSpaceError } from './searchSpaceError';

export interface FeasibilityCheckOptions {
  /** Random points tested; 10,000 unless given. */
  readonly samples?: number;
  /** Seed of the points, so the verdict is the same on every run. */
  readonly seed?: number;
}

const DEFAULT_SAMPLES = 10_000;
const DEFAULT_SEED = 20_240_601;

/**
 * The fraction of random points that satisfy every constraint (1 without constraints). Samplers use it to size
 * their rejection loops.
 *
 * @throws SearchSpaceError (kind 'infeasible') quoting the constraint no point satisfied, or all of them when
 *   each holds somewhere but never all together; or (kind 'constraint') when a predicate throws.
 */
export function checkFeasibility(params: readonly ParamDistribution[], constraints: readonly ParamConstraint[], options: FeasibilityCheckOptions = {}): number {
  if (constraints.length === 0) return 1;
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  const hits = new Array<number>(constraints.length).fill(0);
  let joint = 0;
  for (let s = 0; s < samples; s++) {
    const point: Record<string, ParamValue> = {};
    for (const p of params) point[p.name] = toExternalValue(p, fromUnit(p, rng.nextFloat()));
    let all = true;
    constraints.forEach((c, i) => {
      if (test(c, point)) hits[i]++;
      else all = false;
    });
    if (all) joint++;
  }
  const count = samples.toLocaleString('en-US');
  const never = constraints.findIndex((_, i) => hits[i] === 0);
  if (never >= 0) {
    const text = constraints[never].text;
    throw new SearchSpaceError('infeasible', text, `constraint '${text}' cannot be satisfied: none of ${count} random points of the space meets it; check its direction and the parameter ranges`);
  }
  if (joint === 0) {
    const texts = constraints.map((c) => `'${c.text}'`).join(', ');
    throw new SearchSpaceError('infeasible', texts, `constraints ${texts} cannot all hold at once: each holds somewhere, but none of ${count} random points meets them together`);
  }
  return joint / samples;
}

function test(c: ParamConstraint, point: ParamValues): boolean {
  try {
    return satisfiesConstraint(c, point);
  } catch (e) {
    throw new SearchSpaceError('constraint', c.text, `constraint '${c.text}' threw while being tested: ${e instanceof Error ? e.message : String(e)}`);
  }
}
