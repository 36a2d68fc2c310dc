// Constructor of the float distribution: a continuous range, on a log scale or on a grid of steps.
import { checkBounds, checkName, checkStepValue, STEP_TOLERANCE } from './boundsChecks';
import type { FloatParam } from './distribution';
import { SearchSpaceError } from './searchSpaceError';

export interface FloatParamOptions {
  readonly log?: boolean;
  readonly step?: number;
}

/**
 * A real-valued parameter in [low, high]. With `step`, only low, low + step, ..., high are allowed, and the step
 * must divide the range exactly (to 1e-9 relative), so the top of the range is always reachable.
 *
 * @throws SearchSpaceError naming the parameter: low >= high, non-finite bounds, a log range touching zero or
 *   below, a bad step, a step that does not divide the range, or log combined with step.
 */
export function floatParam(name: string, low: number, high: number, options: FloatParamOptions = {}): FloatParam {
  checkName(name);
  const where = `float parameter '${name}'`;
  const log = options.log === true;
  checkBounds(where, name, low, high, log);
  let step: number | null = null;
  if (options.step !== undefined) {
    checkStepValue(where, name, options.step);
    if (log) throw new SearchSpaceError('step', name, `${where}: step cannot be combined with log; drop one of them`);
    const k = (high - low) / options.step;
    if (Math.abs(k - Math.round(k)) > STEP_TOLERANCE * Math.max(1, k)) {
      const top = low + Math.floor(k) * options.step;
      throw new SearchSpaceError(
        'step',
        name,
        `${where}: step ${options.step} does not divide the range [${low}, ${high}] (the grid from ${low} stops at ${Number(top.toPrecision(12))}); use high = ${Number(top.toPrecision(12))} or ${Number((top + options.step).toPrecision(12))}, or another step`,
      );
    }
    step = options.step;
  }
  return Object.freeze({ type: 'float', name, low, high, log, step });
}
