// Reading back a sampler's saved state: every sampler stores a JSON object tagged with its name, and a state
// from another sampler or a damaged row is rejected with a message rather than silently restarting the sequence.
import { RNG_STATE_LENGTH } from '../../random/rng';
import type { JsonValue } from './sampler';

export type StateObject = { readonly [key: string]: JsonValue };

/** The state object of sampler `name`. @throws Error when `state` is not one. */
export function readSamplerState(state: JsonValue, name: string): StateObject {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) throw new Error(`a ${name} sampler state must be an object, got ${JSON.stringify(state)}`);
  if (state.sampler !== name) throw new Error(`this is a state of the ${JSON.stringify(state.sampler)} sampler, not of the ${name} sampler`);
  return state;
}

/** An Rng state stored under `key`. */
export function readRngState(state: StateObject, key: string): number[] {
  const value = state[key];
  if (!Array.isArray(value) || value.length !== RNG_STATE_LENGTH || !value.every((x) => typeof x === 'number')) {
    throw new Error(`sampler state field '${key}' must be an array of ${RNG_STATE_LENGTH} numbers (a saved Rng)`);
  }
  return value as number[];
}

/** A non-negative integer stored under `key`. */
export function readCount(state: StateObject, key: string): number {
  const value = state[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Error(`sampler state field '${key}' must be a non-negative integer, got ${JSON.stringify(value)}`);
  return value;
}
