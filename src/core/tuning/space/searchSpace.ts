// The validated search space of a study: its parameters in a fixed order, the constraints between them, and
// the conversions between user values and the all-number internal points samplers work on.
import type { ParamConstraint, ParamValue, ParamValues } from '../../strategies/paramSpec';
import { satisfiesConstraint } from '../../strategies/paramSpec';
import { checkConstraints } from './constraintChecks';
import type { ParamDistribution } from './distribution';
import { checkFeasibility, type FeasibilityCheckOptions } from './feasibilityCheck';
import { isValidInternal, toExternalValue, toInternalValue } from './internalValue';
import { SearchSpaceError } from './searchSpaceError';
import { UnitCubeCodec } from './unitCubeCodec';

export interface SearchSpaceOptions {
  readonly feasibilityCheck?: FeasibilityCheckOptions;
}

export class SearchSpace {
  readonly params: readonly ParamDistribution[];
  readonly constraints: readonly ParamConstraint[];
  /** Share of uniformly random points meeting every constraint (1 without constraints); sizes rejection loops. */
  readonly feasibleFraction: number;
  /** The unit-cube encoding (one-hot categoricals) the GP works in. */
  readonly codec: UnitCubeCodec;
  private readonly indexByName: ReadonlyMap<string, number>;

  /**
   * @throws SearchSpaceError: no parameters, a repeated name, a constraint naming an unknown parameter, or
   *   constraints no random point satisfies (see checkFeasibility).
   */
  constructor(params: readonly ParamDistribution[], constraints: readonly ParamConstraint[] = [], options: SearchSpaceOptions = {}) {
    if (params.length === 0) throw new SearchSpaceError('name', '', 'a search space needs at least one parameter');
    const indexByName = new Map<string, number>();
    params.forEach((p, i) => {
      if (indexByName.has(p.name)) throw new SearchSpaceError('name', p.name, `parameter '${p.name}' is declared twice`);
      indexByName.set(p.name, i);
    });
    checkConstraints(constraints, params);
    this.params = Object.freeze([...params]);
    this.constraints = Object.freeze([...constraints]);
    this.indexByName = indexByName;
    this.feasibleFraction = checkFeasibility(this.params, this.constraints, options.feasibilityCheck);
    this.codec = new UnitCubeCodec(this);
    Object.freeze(this);
  }

  get names(): string[] {
    return this.params.map((p) => p.name);
  }

  /** Position of a parameter in internal points, or -1. */
  indexOf(name: string): number {
    return this.indexByName.get(name) ?? -1;
  }

  /**
   * The internal point of a full set of user values, in parameter order.
   * @throws SearchSpaceError naming the parameter: missing, unknown, or a value outside its distribution.
   */
  toInternal(params: ParamValues): number[] {
    for (const name of Object.keys(params)) {
      if (!this.indexByName.has(name)) throw new SearchSpaceError('value', name, `unknown parameter '${name}'; parameters: ${this.names.join(', ')}`);
    }
    return this.params.map((p) => {
      if (!(p.name in params)) throw new SearchSpaceError('value', p.name, `parameter '${p.name}' is missing`);
      return toInternalValue(p, params[p.name]);
    });
  }

  /** User values of an internal point, as a frozen object in parameter order. */
  toExternal(internal: readonly number[]): Readonly<Record<string, ParamValue>> {
    const out: Record<string, ParamValue> = {};
    this.params.forEach((p, i) => (out[p.name] = toExternalValue(p, internal[i])));
    return Object.freeze(out);
  }

  /** True when every coordinate is a value its distribution allows (constraints aside). */
  isValidInternal(internal: readonly number[]): boolean {
    return internal.length === this.params.length && this.params.every((p, i) => isValidInternal(p, internal[i]));
  }

  isFeasible(params: ParamValues): boolean {
    return this.constraints.every((c) => satisfiesConstraint(c, params));
  }

  isFeasibleInternal(internal: readonly number[]): boolean {
    return this.constraints.length === 0 || this.isFeasible(this.toExternal(internal));
  }
}

/** A validated search space; see SearchSpace's constructor for what is rejected. */
export function createSearchSpace(params: readonly ParamDistribution[], constraints: readonly ParamConstraint[] = [], options: SearchSpaceOptions = {}): SearchSpace {
  return new SearchSpace(params, constraints, options);
}
