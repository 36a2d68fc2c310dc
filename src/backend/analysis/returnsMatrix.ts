// Packs the stored float32 returns of a study's complete trials into one column-major Float64 buffer (T rows × N
// trial columns), ready to be transferred to the analytics worker without copying JS arrays.
import type { ReturnsMatrix } from './analysisWorkerApi';

export function packReturns(
  trialNumbers: readonly number[],
  stored: readonly { number: number; returns: Float32Array }[],
): { matrix: ReturnsMatrix; columnOf: number[] } {
  const byNumber = new Map(stored.map((s) => [s.number, s.returns]));
  // The in-sample length is the same for every trial; a trial with another length (should not happen) is left out.
  const rows = stored.length === 0 ? 0 : stored[0].returns.length;
  const columnOf: number[] = [];
  let columns = 0;
  for (const n of trialNumbers) {
    const r = byNumber.get(n);
    columnOf.push(r && r.length === rows ? columns++ : -1);
  }
  const data = new Float64Array(rows * columns);
  trialNumbers.forEach((n, i) => {
    const c = columnOf[i];
    if (c >= 0) data.set(byNumber.get(n)!, c * rows);
  });
  return { matrix: { buffer: data.buffer, rows, columns }, columnOf };
}
