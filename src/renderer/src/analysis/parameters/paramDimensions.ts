// The study's parameters as chart dimensions: how each value is placed on an axis (linear, log10 or category
// index) and labelled, so the parallel coordinates, the brush filter and the slice plots agree on one encoding.
import type { ParamValue, StudySpec, StudyTrial } from '../../../../shared';
import { oneTwoFive, tickText } from './logTicks';

export interface ParamDimension {
  name: string;
  kind: 'linear' | 'log' | 'category';
  /** Declared bounds in parameter units (null for categories or an undeclared range). */
  low: number | null;
  high: number | null;
  /** Category values in declared order (categories only). */
  choices: string[];
}

/** The tuned parameters from the study's space (fixed ones left out), in declared order. */
export function paramDimensions(space: StudySpec['space'], trials: readonly StudyTrial[]): ParamDimension[] {
  const dims: ParamDimension[] = [];
  for (const entry of space) {
    const name = typeof entry.name === 'string' ? entry.name : '';
    if (!name || 'fixed' in entry) continue;
    const choices = Array.isArray(entry.choices) ? entry.choices.map(String) : null;
    if (choices) {
      dims.push({ name, kind: 'category', low: null, high: null, choices });
      continue;
    }
    const low = typeof entry.low === 'number' ? entry.low : null;
    const high = typeof entry.high === 'number' ? entry.high : null;
    if (low !== null && high !== null && low === high) continue;
    dims.push({ name, kind: entry.log === true && low !== null && low > 0 ? 'log' : 'linear', low, high, choices: [] });
  }
  if (dims.length > 0) return dims;
  // A study whose space was not recorded: fall back to what its trials carry.
  const first = trials.find((t) => Object.keys(t.params).length > 0);
  for (const [name, v] of Object.entries(first?.params ?? {})) {
    if (typeof v === 'number') dims.push({ name, kind: 'linear', low: null, high: null, choices: [] });
    else dims.push({ name, kind: 'category', low: null, high: null, choices: [...new Set(trials.map((t) => String(t.params[name])))].sort() });
  }
  return dims;
}

/** A value's position on the dimension's axis, or null when it cannot be placed. */
export function encodeParam(dim: ParamDimension, v: ParamValue | undefined): number | null {
  if (v === undefined || v === null) return null;
  if (dim.kind === 'category') {
    const i = dim.choices.indexOf(String(v));
    return i < 0 ? null : i;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  if (dim.kind === 'log') return v > 0 ? Math.log10(v) : null;
  return v;
}

/** Axis ticks for an encoded dimension: category names, or round numbers in parameter units on a log axis. */
export function dimensionTicks(dim: ParamDimension, encoded: readonly number[]): { tickvals: number[]; ticktext: string[] } | null {
  if (dim.kind === 'category') return { tickvals: dim.choices.map((_, i) => i), ticktext: dim.choices };
  if (dim.kind !== 'log') return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of encoded) {
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  if (dim.low !== null && dim.high !== null) {
    lo = Math.min(lo, Math.log10(dim.low));
    hi = Math.max(hi, Math.log10(dim.high));
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  // 1-2-5 steps per decade, so a range within one decade still gets a few ticks.
  const values = oneTwoFive(10 ** lo, 10 ** hi);
  return values.length >= 2 ? { tickvals: values.map(Math.log10), ticktext: values.map(tickText) } : null;
}

/** Numeric dimensions only (the ones a GP surface or a slice can put on a continuous axis). */
export function numericDimensions(dims: readonly ParamDimension[]): ParamDimension[] {
  return dims.filter((d) => d.kind !== 'category');
}
