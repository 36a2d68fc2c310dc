// The identity of one cached indicator result: which data, which indicator, which parameters, which input.
// Serialised to one string so a Map can hold it; the encoding keeps 1 and '1' (and 'a,b' and ['a','b']) apart.

/** A parameter value as indicators take them. */
export type IndicatorParam = number | string | boolean;

export interface IndicatorKey {
  /** Identifies the exact bars the indicator reads (a content hash, plus the slice if the caller slices). */
  readonly datasetKey: string;
  /** Indicator id, e.g. 'sma'. Different shapes of output must use different ids. */
  readonly indicator: string;
  /** Positional (`[14]`) or named (`{ n: 14, k: 2 }`); named keys are sorted, so their order does not matter. */
  readonly params?: readonly IndicatorParam[] | Readonly<Record<string, IndicatorParam>>;
  /** The input column(s) or derived series, e.g. 'close' or 'high,low,close'. Default 'close'. */
  readonly input?: string;
}

function encodeParam(v: IndicatorParam): string {
  // String(-0) is '0' and String(NaN) is 'NaN', which is what we want: indicators treat -0 as 0.
  if (typeof v === 'number') return `n${String(v)}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  return JSON.stringify(v);
}

function encodeParams(params: IndicatorKey['params']): string {
  if (params === undefined) return '';
  if (Array.isArray(params)) return (params as readonly IndicatorParam[]).map(encodeParam).join(',');
  const named = params as Readonly<Record<string, IndicatorParam>>;
  return Object.keys(named)
    .sort()
    .map((k) => `${JSON.stringify(k)}=${encodeParam(named[k])}`)
    .join(',');
}

/**
 * The Map key for `key`. Fields are joined with U+0000, which JSON.stringify escapes inside strings, so no
 * choice of dataset key, id or input can make two different keys collide.
 */
export function serializeIndicatorKey(key: IndicatorKey): string {
  const shape = Array.isArray(key.params) ? '[' : '{';
  return [key.datasetKey, key.indicator, key.input ?? 'close', shape + encodeParams(key.params)].join('\u0000');
}
