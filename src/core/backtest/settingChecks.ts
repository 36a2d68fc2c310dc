// Checks for numeric backtest settings, shared by the settings, cost model, sizing and stop factories so every
// bad value fails the same way: the message names the owner and the setting, because runs sit inside sweeps.

/** Throws unless `value` is a finite number >= 0. */
export function requireNonNegative(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${owner}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${owner}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a number with `min <= value < maxExclusive` (or `<= max` when `maxInclusive`). */
export function requireInRange(
  owner: string,
  name: string,
  value: unknown,
  range: { min: number; max: number; minInclusive: boolean; maxInclusive: boolean },
): number {
  const { min, max, minInclusive, maxInclusive } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minInclusive ? value >= min : value > min) &&
    (maxInclusive ? value <= max : value < max);
  if (!ok) {
    const interval = `${minInclusive ? '[' : '('}${min}, ${max}${maxInclusive ? ']' : ')'}`;
    throw new RangeError(`${owner}: ${name} must be a number in ${interval}, got ${String(value)}`);
  }
  return value as number;
}

/** Throws unless `value` is an integer >= `min`. */
export function requireInteger(owner: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${owner}: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is one of `choices`. */
export function requireChoice<T extends string>(owner: string, name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new RangeError(`${owner}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

/** Throws when `options` has a key outside `known`, so a misspelt setting is not silently ignored. */
export function rejectUnknownKeys(owner: string, options: object, known: readonly string[]): void {
  for (const key in options) {
    if (Object.prototype.hasOwnProperty.call(options, key) && !known.includes(key)) {
      throw new RangeError(`${owner}: unknown setting '${key}' (known: ${known.join(', ')})`);
    }
  }
}
