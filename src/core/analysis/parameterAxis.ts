// Evenly spaced values of one numeric parameter and the matching unit-cube coordinates, for the surface and
// partial-dependence views: linear in the value for a linear parameter, geometric for a log one. The coordinates
// run between the encodings of `low` and `high` (toUnit, paramUnitScale.ts); since toUnit is affine in the value
// (linear parameters, grid cells included) or in its log (log parameters), equal steps in the coordinate are equal
// steps in the value or its log. Integer and stepped axes are NOT rounded: the GP is a relaxation between grid
// values, and the view shows it as such.
import type { FloatParam, IntParam, ParamDistribution } from '../tuning/space/distribution';
import { toUnit } from '../tuning/space/paramUnitScale';
import type { SearchSpace } from '../tuning/space/searchSpace';

export interface ParameterAxis {
  /** Index of the parameter in space.params. */
  readonly index: number;
  readonly dist: FloatParam | IntParam;
  /** Its cube coordinate (codec offset). */
  readonly dim: number;
  /** Values in parameter units. */
  readonly values: Float64Array;
  /** The cube coordinate of each value. */
  readonly units: Float64Array;
}

/** The numeric parameter `name` of the space; a RangeError naming it when it is unknown or categorical. */
export function numericParam(space: SearchSpace, name: string, role: string): { index: number; dist: FloatParam | IntParam } {
  const index = space.indexOf(name);
  if (index < 0) throw new RangeError(`${role}: unknown parameter '${name}'; parameters: ${space.names.join(', ')}`);
  const dist: ParamDistribution = space.params[index];
  if (dist.type === 'categorical') throw new RangeError(`${role}: parameter '${name}' is categorical; only numeric parameters have an axis`);
  return { index, dist };
}

/** `count` (>= 2) values spanning the parameter's range. */
export function parameterAxis(space: SearchSpace, name: string, count: number, role: string): ParameterAxis {
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`${role}: an axis needs an integer number of points >= 2, not ${count}`);
  const { index, dist } = numericParam(space, name, role);
  const u0 = toUnit(dist, dist.low);
  const u1 = toUnit(dist, dist.high);
  const values = new Float64Array(count);
  const units = new Float64Array(count);
  const logLow = Math.log(dist.low);
  const logHigh = Math.log(dist.high);
  for (let i = 0; i < count; i++) {
    const f = i / (count - 1);
    units[i] = u0 + (u1 - u0) * f;
    values[i] = i === count - 1 ? dist.high : dist.log ? Math.exp(logLow + (logHigh - logLow) * f) : dist.low + (dist.high - dist.low) * f;
  }
  values[0] = dist.low;
  return { index, dist, dim: space.codec.offsets[index], values, units };
}
