// Reading a number a person typed: the text stays as typed in the form (so "0." or "" can be edited through),
// and is parsed and checked against its allowed range only when the request is built.

export interface NumberRule {
  min?: number;
  max?: number;
  /** Bounds that are themselves not allowed: (0, 1] is min 0 exclusive. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /** Leave empty to mean "not set" instead of asking for a value. */
  optional?: boolean;
}

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; error: string };

function bound(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** "between 2 and 100", "at least 0", "above 0 and at most 1": the allowed range in words. */
export function describeRange(rule: NumberRule): string {
  const { min, max } = rule;
  const lo = min === undefined ? null : `${rule.minExclusive ? 'above' : 'at least'} ${bound(min)}`;
  const hi = max === undefined ? null : `${rule.maxExclusive ? 'below' : 'at most'} ${bound(max)}`;
  if (lo && hi && !rule.minExclusive && !rule.maxExclusive) return `between ${bound(min!)} and ${bound(max!)}`;
  return [lo, hi].filter(Boolean).join(' and ');
}

export function parseNumber(text: string, rule: NumberRule): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return rule.optional ? { ok: true, value: undefined } : { ok: false, error: 'Enter a value.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `"${trimmed}" is not a number.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, error: 'Must be a whole number.' };
  const { min, max } = rule;
  const belowMin = min !== undefined && (rule.minExclusive ? value <= min : value < min);
  const aboveMax = max !== undefined && (rule.maxExclusive ? value >= max : value > max);
  if (belowMin || aboveMax) return { ok: false, error: `Must be ${describeRange(rule)}.` };
  return { ok: true, value };
}

/** A number as an input's text: no exponent for the values forms hold, no float noise (0.30000000000000004). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}
