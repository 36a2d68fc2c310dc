// The three kinds of tunable parameter as small frozen value objects, each carrying its name so every error
// about it can say which parameter is wrong. Samplers see numbers only: a float or int is its own value, a
// categorical is the index of its choice (see toInternal / toExternal in searchSpace.ts).
import type { ParamValue } from '../../strategies/paramSpec';

export interface FloatParam {
  readonly type: 'float';
  readonly name: string;
  /** Inclusive bounds. */
  readonly low: number;
  readonly high: number;
  /** Sampled uniformly in log(value); needs low > 0. */
  readonly log: boolean;
  /** Grid spacing from low, or null for a continuous range. Never combined with log (Optuna's rule). */
  readonly step: number | null;
}

export interface IntParam {
  readonly type: 'int';
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Grid spacing from low; 1 unless given, and 1 whenever log is set. */
  readonly step: number;
}

export interface CategoricalParam {
  readonly type: 'categorical';
  readonly name: string;
  readonly choices: readonly ParamValue[];
}

export type ParamDistribution = FloatParam | IntParam | CategoricalParam;

/** Number of allowed values on a grid (int, stepped float, categorical), or Infinity for a continuous float. */
export function gridSize(dist: ParamDistribution): number {
  if (dist.type === 'categorical') return dist.choices.length;
  if (dist.step === null) return Infinity;
  return Math.round((dist.high - dist.low) / dist.step) + 1;
}

/** low + k × step, tidied to 15 significant digits so a 0.1 grid holds 0.3 and not 0.30000000000000004. */
export function gridValue(dist: FloatParam | IntParam, k: number): number {
  const step = dist.step ?? 0;
  return Math.min(dist.high, Number((dist.low + k * step).toPrecision(15)));
}
