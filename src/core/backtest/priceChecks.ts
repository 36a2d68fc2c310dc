// Validation of the close column, done once per Float64Array rather than once per run: a tuning run simulates the
// same closes thousands of times, and a check inside the bar loop costs about a tenth of the loop.

const validatedCloses = new WeakSet<Float64Array>();

/**
 * Throws, naming the first bad index, unless every close is finite and > 0. Remembers arrays that passed, so
 * later calls with the same array are free; an array whose contents are changed after passing is not re-checked
 * (series are immutable by convention; build a new array for new data).
 */
export function checkCloses(close: Float64Array): void {
  if (validatedCloses.has(close)) return;
  for (let i = 0; i < close.length; i++) {
    const c = close[i];
    if (!(c > 0 && c < Infinity)) {
      throw new RangeError(`simulate: bars.close[${i}] is ${c}; closes must be finite and > 0`);
    }
  }
  validatedCloses.add(close);
}
