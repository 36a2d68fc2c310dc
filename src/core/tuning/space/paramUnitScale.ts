// Each parameter's own map to [0, 1], the scale samplers draw on: uniform u gives a log-uniform value for a log
// parameter and equal odds for every grid value of an int, stepped float or categorical. Grids are padded by
// half a step at both ends (as Optuna's _SearchSpaceTransform and the GP literature do, e.g. Garrido-Merchán &
// Hernández-Lobato 2020, "Dealing with categorical and integer-valued variables in Bayesian optimization with
// Gaussian processes"), so each grid value owns a cell of the unit interval and rounding picks the nearest one.
import { gridSize, gridValue, type ParamDistribution } from './distribution';

/** The unit interval [a, b] that maps to grid value `v` (for ints and stepped floats), or null when continuous. */
export function unitCell(dist: ParamDistribution, v: number): readonly [number, number] | null {
  if (dist.type === 'categorical') {
    const k = dist.choices.length;
    return [v / k, (v + 1) / k];
  }
  if (dist.step === null) return null;
  if (dist.log) {
    const { lo, span } = logPadded(dist.low, dist.high);
    return [(Math.log(v - 0.5) - lo) / span, (Math.log(v + 0.5) - lo) / span];
  }
  const k = Math.round((v - dist.low) / dist.step);
  const n = gridSize(dist);
  return [k / n, (k + 1) / n];
}

/** Where internal value `v` sits in [0, 1]: the centre of its cell on a linear grid, its log position for a log one. */
export function toUnit(dist: ParamDistribution, v: number): number {
  if (dist.type === 'categorical') return (v + 0.5) / dist.choices.length;
  if (dist.log) {
    const { lo, span } = dist.step === null ? { lo: Math.log(dist.low), span: Math.log(dist.high) - Math.log(dist.low) } : logPadded(dist.low, dist.high);
    return clip01((Math.log(v) - lo) / span);
  }
  if (dist.step === null) return clip01((v - dist.low) / (dist.high - dist.low));
  return clip01((Math.round((v - dist.low) / dist.step) + 0.5) / gridSize(dist));
}

/** The internal value at unit position `u` (clipped to [0, 1]): always a valid value of the distribution. */
export function fromUnit(dist: ParamDistribution, u: number): number {
  const x = clip01(u);
  if (dist.type === 'categorical') return Math.min(dist.choices.length - 1, Math.floor(x * dist.choices.length));
  // The ends exactly, which exp(log(low)) and low + (high - low) need not give.
  if (dist.step === null && (x === 0 || x === 1)) return x === 0 ? dist.low : dist.high;
  if (dist.log) {
    if (dist.step === null) return clipTo(Math.exp(Math.log(dist.low) + x * (Math.log(dist.high) - Math.log(dist.low))), dist.low, dist.high);
    const { lo, span } = logPadded(dist.low, dist.high);
    return clipTo(Math.round(Math.exp(lo + x * span)), dist.low, dist.high);
  }
  if (dist.step === null) return clipTo(dist.low + x * (dist.high - dist.low), dist.low, dist.high);
  const n = gridSize(dist);
  return gridValue(dist, Math.min(n - 1, Math.floor(x * n)));
}

/** A log int's range in log space, widened by half a unit each side so low and high get full cells. */
function logPadded(low: number, high: number): { lo: number; span: number } {
  const lo = Math.log(low - 0.5);
  return { lo, span: Math.log(high + 0.5) - lo };
}

function clip01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isNaN(x) ? 0.5 : x;
}

function clipTo(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}
