// The search space of a strategy's declared parameters and constraints, so tuning a strategy needs no
// translation by callers: ParamSpec's int/float/categorical map one to one onto the distributions here.
import type { ParamConstraint, ParamSpec, ParamValues } from '../../strategies/paramSpec';
import type { Strategy } from '../../strategies/strategy';
import { categoricalParam } from './categoricalParam';
import type { ParamDistribution } from './distribution';
import { floatParam } from './floatParam';
import { intParam } from './intParam';
import { SearchSpace, type SearchSpaceOptions } from './searchSpace';

/** The distribution of one declared parameter (an int without step gets step 1; defaults are not used). */
export function distributionFromSpec(spec: ParamSpec): ParamDistribution {
  if (spec.type === 'categorical') return categoricalParam(spec.name, spec.choices);
  const options = { log: spec.log === true, ...(spec.step !== undefined ? { step: spec.step } : {}) };
  return spec.type === 'int' ? intParam(spec.name, spec.low, spec.high, options) : floatParam(spec.name, spec.low, spec.high, options);
}

/**
 * The space of `params` under `constraints`, from the declarations a strategy makes.
 * @throws SearchSpaceError naming the parameter when a declaration cannot be tuned (for example a step that
 *   does not divide the range, which validateParams allows but a sampler cannot use).
 */
export function searchSpaceFromSpecs<P extends ParamValues>(
  params: readonly ParamSpec[],
  constraints: readonly ParamConstraint<P>[] = [],
  options: SearchSpaceOptions = {},
): SearchSpace {
  return new SearchSpace(params.map(distributionFromSpec), constraints as readonly ParamConstraint[], options);
}

/** The search space of every declared parameter of `strategy`, with its constraints. */
export function searchSpaceFromStrategy<P extends ParamValues>(strategy: Strategy<P>, options: SearchSpaceOptions = {}): SearchSpace {
  return searchSpaceFromSpecs(strategy.params, strategy.constraints ?? [], options);
}
