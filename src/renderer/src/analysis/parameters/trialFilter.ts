// The brush on the parallel coordinates as a filter over trials: per dimension (a parameter name, or the
// objective), the encoded ranges a trial must fall into (any of them); dimensions without ranges do not filter.
import type { StudyTrial } from '../../../../shared';
import { encodeParam, type ParamDimension } from './paramDimensions';

/** The key of the objective's axis in a filter (parameter names cannot start with a space). */
export const OBJECTIVE_KEY = ' objective';

export type TrialFilter = Readonly<Record<string, readonly (readonly [number, number])[]>>;

export const NO_FILTER: TrialFilter = {};

export function filterIsActive(filter: TrialFilter): boolean {
  return Object.values(filter).some((ranges) => ranges.length > 0);
}

function inRanges(v: number | null, ranges: readonly (readonly [number, number])[]): boolean {
  if (v === null) return false;
  for (const [lo, hi] of ranges) if (v >= lo && v <= hi) return true;
  return false;
}

/** The trials matching every constrained dimension (all trials when nothing is constrained). */
export function applyTrialFilter(trials: StudyTrial[], filter: TrialFilter, dims: readonly ParamDimension[]): StudyTrial[] {
  if (!filterIsActive(filter)) return trials;
  const checks: ((t: StudyTrial) => boolean)[] = [];
  for (const [key, ranges] of Object.entries(filter)) {
    if (ranges.length === 0) continue;
    if (key === OBJECTIVE_KEY) {
      checks.push((t) => {
        const v = t.state === 'complete' ? t.values?.[0] : undefined;
        return inRanges(v !== undefined && Number.isFinite(v) ? v : null, ranges);
      });
      continue;
    }
    const dim = dims.find((d) => d.name === key);
    // A filter on a parameter the study does not have cannot be met (rather than silently ignored).
    if (!dim) return [];
    checks.push((t) => inRanges(encodeParam(dim, t.params[key]), ranges));
  }
  return trials.filter((t) => checks.every((check) => check(t)));
}

/**
 * Reads a parcoords constraintrange (one [lo, hi] pair, or a list of pairs when several ranges are brushed on
 * one axis) into the filter's shape; anything else means "no constraint".
 */
export function parseConstraintRange(raw: unknown): [number, number][] {
  if (!Array.isArray(raw) || raw.length === 0) return [];
  const pair = (p: unknown): [number, number] | null =>
    Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number' ? [Math.min(p[0], p[1]), Math.max(p[0], p[1])] : null;
  const single = pair(raw);
  if (single) return [single];
  return raw.map(pair).filter((p): p is [number, number] => p !== null);
}
