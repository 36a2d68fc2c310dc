// Argument parsers for commander options the commands share: each returns the parsed value or throws commander's
// InvalidArgumentError, which commander reports with the option's name.
import { InvalidArgumentError } from 'commander';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseSampler(value: string): 'random' | 'sobol' | 'tpe' | 'gp' {
  if (value !== 'random' && value !== 'sobol' && value !== 'tpe' && value !== 'gp') throw new InvalidArgumentError('expected random, sobol, tpe or gp.');
  return value;
}

export function parseFill(value: string): 'open' | 'close' {
  if (value !== 'open' && value !== 'close') throw new InvalidArgumentError('expected "open" or "close".');
  return value;
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number > 0.');
  return n;
}

export function parsePositiveOrZero(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number >= 0.');
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1.');
  return n;
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0.');
  return n;
}
