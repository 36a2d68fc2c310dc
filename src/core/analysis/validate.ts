// Argument checks shared by the analysis functions, each throwing a RangeError that names the argument.

/** Throws unless `value` is a finite number. */
export function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, not ${value}`);
}

/** Throws unless `value` is a finite number >= `min`. */
export function requireAtLeast(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a finite number >= ${min}, not ${value}`);
}

/** Throws unless `value` is strictly between 0 and 1. */
export function requireProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must lie strictly between 0 and 1, not ${value}`);
}
