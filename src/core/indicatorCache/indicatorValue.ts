// What the cache stores: one Float64Array or a named set of them (bands, MACD lines), and what each costs.
// Only the array payload is counted; Map and key overhead are small next to a series of thousands of doubles.

/**
 * A single series, or a multi-output indicator such as `{ middle, upper, lower, pctB }`. Written as a mapped
 * type over T's own keys so result interfaces (BBandsResult, MacdResult), which have no index signature, fit.
 * Without T it is the erased form the cache stores.
 */
export type IndicatorValue<T = unknown> = Float64Array | { readonly [K in keyof T]: Float64Array };

/**
 * Bytes held by `value`. Views of the same buffer region are counted once, because multi-output indicators
 * may hand back the same array under two names.
 * @throws TypeError if `value` is neither a Float64Array nor a non-empty object of Float64Arrays.
 */
export function indicatorValueBytes(value: IndicatorValue): number {
  if (value instanceof Float64Array) return value.byteLength;
  if (value === null || typeof value !== 'object') {
    throw new TypeError(`IndicatorCache: compute must return a Float64Array or an object of them, got ${String(value)}`);
  }
  const arrays: unknown[] = Object.values(value);
  if (arrays.length === 0) throw new TypeError('IndicatorCache: compute returned an object with no arrays');
  const seen = new Set<Float64Array>();
  let bytes = 0;
  for (const a of arrays) {
    if (!(a instanceof Float64Array)) {
      throw new TypeError('IndicatorCache: every field of a multi-output value must be a Float64Array');
    }
    if (!seen.has(a)) {
      seen.add(a);
      bytes += a.byteLength;
    }
  }
  return bytes;
}
