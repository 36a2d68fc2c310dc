// How parameter values, domains and constraints are written in messages and listings, in one place so the
// error for a bad value and the listing of the space always describe the domain the same way.
import type { ParamSpec, ParamValue } from './paramSpec';

/** Strings quoted ('long-flat'), numbers and booleans bare, anything else by kind, as the CLI shows them. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A wrong-typed value with its type, so '10' (a string) is not mistaken for 10. */
export function formatValueWithType(value: unknown): string {
  if (typeof value === 'string') return `${formatValue(value)} (a string)`;
  if (typeof value === 'boolean') return `${formatValue(value)} (a boolean)`;
  return formatValue(value);
}

export function formatChoices(choices: readonly ParamValue[]): string {
  return choices.map(formatValue).join(', ');
}

/** 'integer in [2, 100]', 'number in [0.5, 4], step 0.5', "one of 'a', 'b'". */
export function formatDomain(spec: ParamSpec): string {
  if (spec.type === 'categorical') return `one of ${formatChoices(spec.choices)}`;
  const kind = spec.type === 'int' ? 'integer' : 'number';
  const step = spec.step !== undefined && !(spec.type === 'int' && spec.step === 1) ? `, step ${spec.step}` : '';
  return `${kind} in [${spec.low}, ${spec.high}]${step}`;
}
