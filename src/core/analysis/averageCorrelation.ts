// The average pairwise Pearson correlation of the trials' return series, the ρ̄ of the implied number of
// independent trials (effectiveTrials.ts; Bailey, Borwein, López de Prado & Zhu 2014). With many trials a seeded
// uniform sample of pairs (with replacement) estimates it: the mean of maxPairs correlations has a standard error
// below 1/√maxPairs (each |ρ| <= 1), under 0.01 at the default 20 000 pairs.
import { Rng } from '../random';

export interface AverageCorrelationOptions {
  /** Sample this many pairs when there are more (default 20 000). */
  readonly maxPairs?: number;
  /** Seed of the pair sample (default 0). */
  readonly seed?: number;
}

export const DEFAULT_MAX_CORRELATION_PAIRS = 20_000;

/**
 * Mean Pearson correlation over pairs of columns (one column per trial, all the same length, finite values).
 * Columns without variance have no correlation and are left out; NaN when fewer than two columns vary.
 * Throws a RangeError naming the column for a length mismatch or a non-finite value.
 */
export function averageCorrelation(columns: readonly Float64Array[], options: AverageCorrelationOptions = {}): number {
  const maxPairs = Math.max(1, Math.floor(options.maxPairs ?? DEFAULT_MAX_CORRELATION_PAIRS));
  if (columns.length === 0) return NaN;
  const length = columns[0].length;
  // Each varying column centred and scaled to unit norm, so a correlation is one dot product.
  const unit: Float64Array[] = [];
  columns.forEach((col, c) => {
    if (col.length !== length) throw new RangeError(`averageCorrelation: column ${c} has ${col.length} values, column 0 has ${length}`);
    let mean = 0;
    for (let i = 0; i < length; i++) {
      if (!Number.isFinite(col[i])) throw new RangeError(`averageCorrelation: column ${c}, row ${i}: ${col[i]} is not finite`);
      mean += col[i];
    }
    mean /= length;
    let ss = 0;
    for (let i = 0; i < length; i++) ss += (col[i] - mean) * (col[i] - mean);
    if (!(ss > 0)) return;
    const z = new Float64Array(length);
    const inv = 1 / Math.sqrt(ss);
    for (let i = 0; i < length; i++) z[i] = (col[i] - mean) * inv;
    unit.push(z);
  });
  const m = unit.length;
  if (m < 2) return NaN;
  const pairs = (m * (m - 1)) / 2;
  let sum = 0;
  if (pairs <= maxPairs) {
    for (let a = 1; a < m; a++) for (let b = 0; b < a; b++) sum += dot(unit[a], unit[b], length);
    return sum / pairs;
  }
  const rng = new Rng(options.seed ?? 0);
  for (let k = 0; k < maxPairs; k++) {
    const a = rng.nextInt(m);
    let b = rng.nextInt(m - 1);
    if (b >= a) b++;
    sum += dot(unit[a], unit[b], length);
  }
  return sum / maxPairs;
}

function dot(x: Float64Array, y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}
