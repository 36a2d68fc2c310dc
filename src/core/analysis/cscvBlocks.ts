// CSCV's one pass over the bars: split T rows into S equal contiguous blocks and sum each trial's returns and
// squared returns per block, so every later in-sample / out-of-sample statistic is a sum over blocks.

export interface CscvBlocks {
  /** Number of blocks S. */
  readonly partitions: number;
  /** Number of trials N. */
  readonly trials: number;
  /** Rows per block ⌊T / S⌋. */
  readonly blockLength: number;
  /** Leading rows left out: T mod S. */
  readonly droppedRows: number;
  /** Per-trial shift c_n (mean of the kept rows), subtracted before summing for a well-conditioned variance. */
  readonly shift: Float64Array;
  /** Block-major sums Σ (x − c_n) over block s for trial n, at s·N + n. */
  readonly sum: Float64Array;
  /** Block-major sums Σ (x − c_n)² over block s for trial n, at s·N + n. */
  readonly sumSquares: Float64Array;
}

/**
 * Block sums of a validated T × N matrix (columns = trials). The first T mod S rows (the OLDEST bars) are dropped so
 * all S blocks have ⌊T/S⌋ rows, as CSCV requires equal-sized blocks (Bailey, Borwein, López de Prado & Zhu, "The
 * Probability of Backtest Overfitting" (2017), §2.3 step (b)). Each trial is shifted by its mean c over the kept rows
 * before summing — mean and variance are shift-invariant (mean = c + Σd/m, var = (Σd² − (Σd)²/m)/(m − 1)) and the
 * shift avoids cancellation in the sum of squares. O(N·T) time.
 */
export function cscvBlocks(columns: readonly Float64Array[], partitions: number): CscvBlocks {
  const trials = columns.length;
  const rows = columns[0].length;
  const blockLength = Math.floor(rows / partitions);
  const droppedRows = rows - blockLength * partitions;
  const shift = new Float64Array(trials);
  const sum = new Float64Array(partitions * trials);
  const sumSquares = new Float64Array(partitions * trials);
  const kept = rows - droppedRows;
  for (let n = 0; n < trials; n++) {
    const col = columns[n];
    let total = 0;
    for (let t = droppedRows; t < rows; t++) total += col[t];
    const c = total / kept;
    shift[n] = c;
    let t = droppedRows;
    for (let s = 0; s < partitions; s++) {
      let s1 = 0;
      let s2 = 0;
      const end = t + blockLength;
      for (; t < end; t++) {
        const d = col[t] - c;
        s1 += d;
        s2 += d * d;
      }
      sum[s * trials + n] = s1;
      sumSquares[s * trials + n] = s2;
    }
  }
  return { partitions, trials, blockLength, droppedRows, shift, sum, sumSquares };
}
