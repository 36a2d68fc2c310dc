// Conversion between what users and storage see (a parameter's own value: 12, 0.5, 'long-short') and what
// samplers see (a number: the value itself, or a categorical's index), with the validation of both directions.
import type { ParamValue } from '../../strategies/paramSpec';
import { STEP_TOLERANCE } from './boundsChecks';
import { gridValue, type ParamDistribution } from './distribution';
import { SearchSpaceError } from './searchSpaceError';

/**
 * The internal number for a user value. A stepped float a rounding error off the grid (0.30000000000000004 on
 * a 0.1 grid) is accepted and returned as the grid value, so the same point always has the same number.
 *
 * @throws SearchSpaceError (kind 'value') naming the parameter when the value is not in the distribution.
 */
export function toInternalValue(dist: ParamDistribution, value: unknown): number {
  const at = `${dist.type} parameter '${dist.name}'`;
  if (dist.type === 'categorical') {
    const index = dist.choices.indexOf(value as ParamValue);
    if (index < 0) throw new SearchSpaceError('value', dist.name, `${at} must be one of ${dist.choices.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(value)}`);
    return index;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || (dist.type === 'int' && !Number.isInteger(value))) {
    throw new SearchSpaceError('value', dist.name, `${at} must be ${dist.type === 'int' ? 'an integer' : 'a finite number'}; got ${JSON.stringify(value)}`);
  }
  if (value < dist.low || value > dist.high) {
    throw new SearchSpaceError('value', dist.name, `${at} must be in [${dist.low}, ${dist.high}]; got ${value}`);
  }
  if (dist.step === null) return value;
  const k = (value - dist.low) / dist.step;
  const nearest = Math.round(k);
  if (Math.abs(k - nearest) > STEP_TOLERANCE * Math.max(1, Math.abs(k))) {
    throw new SearchSpaceError('value', dist.name, `${at} must be on the grid ${dist.low}, ${gridValue(dist, 1)}, ... (step ${dist.step}); got ${value}`);
  }
  return gridValue(dist, nearest);
}

/** The user value for an internal number (assumed valid: it came from toInternalValue or a sampler). */
export function toExternalValue(dist: ParamDistribution, internal: number): ParamValue {
  return dist.type === 'categorical' ? dist.choices[internal] : internal;
}

/** True when `internal` is exactly a value the distribution allows; the study's check on what samplers return. */
export function isValidInternal(dist: ParamDistribution, internal: number): boolean {
  if (typeof internal !== 'number' || !Number.isFinite(internal)) return false;
  if (dist.type === 'categorical') return Number.isInteger(internal) && internal >= 0 && internal < dist.choices.length;
  if (internal < dist.low || internal > dist.high) return false;
  if (dist.type === 'int' && !Number.isInteger(internal)) return false;
  if (dist.step === null) return true;
  const k = (internal - dist.low) / dist.step;
  return Math.abs(k - Math.round(k)) <= STEP_TOLERANCE * Math.max(1, Math.abs(k));
}
