// Checks shared by the float and int constructors, so both reject a bad name or range with the same words.
import { SearchSpaceError } from './searchSpaceError';

/** Relative slack when asking whether a float step divides a range: 0.1 × 3 is 0.30000000000000004. */
export const STEP_TOLERANCE = 1e-9;

export function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SearchSpaceError('name', String(name), `a parameter needs a non-empty name, got ${JSON.stringify(name)}`);
  }
}

/** low < high, both finite, and for a log range low > 0 (log(0) is -Infinity, log of a negative NaN). */
export function checkBounds(where: string, name: string, low: number, high: number, log: boolean): void {
  if (typeof low !== 'number' || !Number.isFinite(low) || typeof high !== 'number' || !Number.isFinite(high)) {
    throw new SearchSpaceError('range', name, `${where}: low and high must be finite numbers, got low ${low} and high ${high}`);
  }
  if (low >= high) {
    throw new SearchSpaceError('range', name, `${where}: low must be below high, got low ${low} >= high ${high}`);
  }
  if (log && low <= 0) {
    throw new SearchSpaceError('log', name, `${where}: a log range must be above zero, got low ${low}; use low > 0 or drop log`);
  }
}

export function checkStepValue(where: string, name: string, step: number): void {
  if (typeof step !== 'number' || !Number.isFinite(step) || step <= 0) {
    throw new SearchSpaceError('step', name, `${where}: step must be a positive number, got ${step}`);
  }
}
