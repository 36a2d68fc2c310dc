// The Probability of Backtest Overfitting by Combinatorially Symmetric Cross-Validation (CSCV): how often the trial
// that looks best in-sample ranks in the bottom half out-of-sample, over every half/half split of S blocks.
import { binomial, firstSubset, nextSubset } from './combinations';
import { cscvBlocks } from './cscvBlocks';
import { olsLine, type OlsLine } from './olsLine';
import { relativeRank } from './relativeRank';

/** Performance statistic CSCV ranks trials by: per-period Sharpe (mean / std, ddof = 1) or the mean return. */
export type PboMetric = 'sharpe' | 'mean';

export interface PboOptions {
  /** Number of blocks S: even, 2..24 (C(24, 12) = 2,704,156 combinations). Default 16. */
  readonly partitions?: number;
  /** Default 'sharpe'. */
  readonly metric?: PboMetric;
}

export interface PboResult {
  /** Share of combinations whose logit λ <= 0 (the in-sample winner is at or below the out-of-sample median). */
  readonly pbo: number;
  /** λ = ln(ω / (1 − ω)) per combination, in Gosper order of the in-sample block masks. */
  readonly logits: Float64Array;
  /** Share of combinations where the in-sample winner's out-of-sample metric is < 0. */
  readonly probOosLoss: number;
  /** OLS line of the winner's out-of-sample metric on its in-sample metric, over combinations. */
  readonly degradation: OlsLine;
  /** Number of combinations C(S, S/2). */
  readonly combinations: number;
  /** Number of blocks S. */
  readonly partitions: number;
  /** Rows per block ⌊T / S⌋. */
  readonly blockLength: number;
  /** Leading (oldest) rows left out so the blocks are equal: T mod S. */
  readonly droppedRows: number;
  /** Per combination: the in-sample winner's index, and its in-sample and out-of-sample metric (for a scatter). */
  readonly selected: Int32Array;
  readonly inSample: Float64Array;
  readonly outOfSample: Float64Array;
}

const MAX_PARTITIONS = 24;

/**
 * Probability of Backtest Overfitting by CSCV — Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest
 * Overfitting", Journal of Computational Finance 20(4) (2017), §2.3–2.4.
 *
 * `matrix` holds N trials as columns, each a Float64Array of T per-bar returns (equal lengths). The first T mod S
 * rows are dropped and the rest split into S contiguous blocks of ⌊T/S⌋ rows. For each of the C(S, S/2) choices of
 * S/2 in-sample blocks (the rest out-of-sample): n* = argmax_n of the in-sample metric (ties: lowest index; NaN
 * never wins over a number); ω = its out-of-sample relative rank r/(N + 1), 1 = worst, ties at the average rank;
 * λ = ln(ω/(1 − ω)). PBO = #{λ <= 0} / C(S, S/2); probOosLoss = #{OOS metric of n* < 0} / C(S, S/2);
 * degradation = OLS of OOS on IS metric of n*. Sharpe = mean / std (ddof = 1) per period, NaN when the window's std
 * is 0 (ranked below every number).
 *
 * Cost: O(N·T) once for per-block sums and sums of squares, then O(N·S) per combination (no pass over the bars,
 * no allocation per combination).
 */
export function pbo(matrix: readonly Float64Array[], options: PboOptions = {}): PboResult {
  const partitions = options.partitions ?? 16;
  const metric = options.metric ?? 'sharpe';
  validate(matrix, partitions, metric);
  const blocks = cscvBlocks(matrix, partitions);
  const { trials: N, blockLength, sum, sumSquares, shift } = blocks;
  const S = partitions;
  const half = S / 2;
  const m = half * blockLength; // rows in each of the in-sample and out-of-sample halves
  const count = binomial(S, half);

  const totalSum = new Float64Array(N);
  const totalSquares = new Float64Array(N);
  for (let s = 0; s < S; s++) {
    const o = s * N;
    for (let n = 0; n < N; n++) {
      totalSum[n] += sum[o + n];
      totalSquares[n] += sumSquares[o + n];
    }
  }
  const isSum = new Float64Array(N);
  const isSquares = new Float64Array(N);
  const oosMetric = new Float64Array(N);
  const isBlocks = new Int32Array(half);
  const logits = new Float64Array(count);
  const selected = new Int32Array(count);
  const inSample = new Float64Array(count);
  const outOfSample = new Float64Array(count);
  const sharpe = metric === 'sharpe';
  let overfit = 0;
  let losses = 0;

  let mask = firstSubset(half);
  for (let k = 0; k < count; k++, mask = nextSubset(mask)) {
    let j = 0;
    for (let s = 0; s < S; s++) if (mask & (1 << s)) isBlocks[j++] = s;
    isSum.fill(0);
    isSquares.fill(0);
    for (let b = 0; b < half; b++) {
      const o = isBlocks[b] * N;
      for (let n = 0; n < N; n++) {
        isSum[n] += sum[o + n];
        isSquares[n] += sumSquares[o + n];
      }
    }
    let best = -1;
    let bestValue = NaN;
    for (let n = 0; n < N; n++) {
      const a = isSum[n];
      const v = sharpe ? windowSharpe(a, isSquares[n], m, shift[n]) : shift[n] + a / m;
      if (best < 0 || v > bestValue || (Number.isNaN(bestValue) && !Number.isNaN(v))) {
        best = n;
        bestValue = v;
      }
      const ao = totalSum[n] - a;
      oosMetric[n] = sharpe ? windowSharpe(ao, totalSquares[n] - isSquares[n], m, shift[n]) : shift[n] + ao / m;
    }
    const omega = relativeRank(oosMetric, best);
    const lambda = Math.log(omega / (1 - omega));
    logits[k] = lambda;
    selected[k] = best;
    inSample[k] = bestValue;
    outOfSample[k] = oosMetric[best];
    if (lambda <= 0) overfit++;
    if (oosMetric[best] < 0) losses++;
  }

  return {
    pbo: overfit / count,
    logits,
    probOosLoss: losses / count,
    degradation: olsLine(inSample, outOfSample),
    combinations: count,
    partitions: S,
    blockLength,
    droppedRows: blocks.droppedRows,
    selected,
    inSample,
    outOfSample,
  };
}

/**
 * Sharpe ratio mean/std of a window of m rows from its shifted sums a = Σ(x − c), q = Σ(x − c)²:
 * mean = c + a/m, std = √((q − a²/m) / (m − 1)) (ddof = 1). NaN when std is 0 (or rounds below 0).
 */
function windowSharpe(a: number, q: number, m: number, c: number): number {
  const variance = (q - (a * a) / m) / (m - 1);
  if (!(variance > 0)) return NaN;
  return (c + a / m) / Math.sqrt(variance);
}

/** Throws a RangeError (TypeError for a non-Float64Array column) naming what is wrong with pbo's arguments. */
function validate(matrix: readonly Float64Array[], partitions: number, metric: PboMetric): void {
  if (metric !== 'sharpe' && metric !== 'mean') throw new RangeError(`metric must be 'sharpe' or 'mean', not ${String(metric)}`);
  if (!Number.isInteger(partitions) || partitions < 2 || partitions > MAX_PARTITIONS || partitions % 2 !== 0) {
    throw new RangeError(`partitions must be an even integer from 2 to ${MAX_PARTITIONS}, not ${partitions}`);
  }
  if (matrix.length < 2) throw new RangeError(`pbo needs at least 2 trials (columns), got ${matrix.length}`);
  const rows = matrix[0].length;
  for (let n = 0; n < matrix.length; n++) {
    const col = matrix[n];
    if (!(col instanceof Float64Array)) throw new TypeError(`trial ${n} is not a Float64Array`);
    if (col.length !== rows) throw new RangeError(`all trials must have the same number of rows: trial 0 has ${rows}, trial ${n} has ${col.length}`);
    for (let t = 0; t < rows; t++) {
      if (!Number.isFinite(col[t])) throw new RangeError(`trial ${n} has a non-finite return ${col[t]} at row ${t}`);
    }
  }
  // Each half (S/2 blocks) needs 2 rows for a ddof = 1 standard deviation; the mean needs 1 row per block.
  const minRows = metric === 'sharpe' ? partitions * Math.ceil(4 / partitions) : partitions;
  if (rows < minRows) throw new RangeError(`${rows} rows are too few for ${partitions} partitions with metric '${metric}': need at least ${minRows}`);
}
