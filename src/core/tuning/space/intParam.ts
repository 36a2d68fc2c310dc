// Constructor of the int distribution: whole numbers in [low, high], on a log scale or on a grid of steps.
import { checkBounds, checkName, checkStepValue } from './boundsChecks';
import type { IntParam } from './distribution';
import { SearchSpaceError } from './searchSpaceError';

export interface IntParamOptions {
  readonly log?: boolean;
  /** Defaults to 1. */
  readonly step?: number;
}

/**
 * An integer parameter: low, low + step, ..., high. The step must divide high - low, so high is on the grid.
 * log needs step 1 (Optuna's rule: a log scale over a coarse grid would leave most cells empty).
 *
 * @throws SearchSpaceError naming the parameter: non-integer bounds or step, low >= high, a log range touching
 *   zero or below, a step that does not divide the range (saying where the grid stops), or log with step > 1.
 */
export function intParam(name: string, low: number, high: number, options: IntParamOptions = {}): IntParam {
  checkName(name);
  const where = `int parameter '${name}'`;
  const log = options.log === true;
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
    throw new SearchSpaceError('range', name, `${where}: low and high must be integers, got low ${low} and high ${high}`);
  }
  checkBounds(where, name, low, high, log);
  const step = options.step ?? 1;
  checkStepValue(where, name, step);
  if (!Number.isSafeInteger(step)) throw new SearchSpaceError('step', name, `${where}: step must be a whole number, got ${step}`);
  if (log && step !== 1) throw new SearchSpaceError('step', name, `${where}: a log scale needs step 1, got step ${step}; drop log or the step`);
  const rest = (high - low) % step;
  if (rest !== 0) {
    const top = high - rest;
    throw new SearchSpaceError(
      'step',
      name,
      `${where}: step ${step} does not divide the range ${low}..${high} (high - low = ${high - low} is not a multiple of ${step}, so the grid ${low}, ${low + step}, ... stops at ${top}); use high = ${top} or ${top + step}`,
    );
  }
  return Object.freeze({ type: 'int', name, low, high, log, step });
}
