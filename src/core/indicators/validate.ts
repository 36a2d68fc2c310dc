// Argument checks shared by the indicator functions, so every one fails the same way on bad input.
// Errors name the calling function and the argument, because indicator calls sit deep inside parameter sweeps.

/** Throws unless `n` is an integer >= `min` (a window length or period). */
export function checkPeriod(fn: string, name: string, n: number, min = 1): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, got ${String(n)}`);
  }
}

/** Throws unless every input series has the same length as the first; `names` label them in the message. */
export function checkSameLength(fn: string, names: readonly string[], series: readonly Float64Array[]): void {
  const len = series[0].length;
  for (let k = 1; k < series.length; k++) {
    if (series[k].length !== len) {
      const got = series.map((s) => s.length).join(', ');
      throw new Error(`${fn}: ${names.join(', ')} must have the same length, got ${got}`);
    }
  }
}

function overlaps(a: Float64Array, b: Float64Array): boolean {
  if (a.buffer !== b.buffer) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * Throws unless each output array has length `len` and shares no memory with an input or another output.
 * The kernels read inputs (and earlier outputs) behind the write position, so overlapping views would
 * silently corrupt results rather than fail.
 */
export function checkOutputs(
  fn: string,
  len: number,
  outs: Readonly<Record<string, Float64Array>>,
  inputs: readonly Float64Array[],
): void {
  const entries = Object.entries(outs);
  for (let k = 0; k < entries.length; k++) {
    const [name, out] = entries[k];
    if (!(out instanceof Float64Array)) throw new Error(`${fn}: ${name} must be a Float64Array`);
    if (out.length !== len) {
      throw new Error(`${fn}: ${name} must have the input length ${len}, got ${out.length}`);
    }
    for (const input of inputs) {
      if (overlaps(out, input)) throw new Error(`${fn}: ${name} must not share memory with an input`);
    }
    for (let m = 0; m < k; m++) {
      if (overlaps(out, entries[m][1])) {
        throw new Error(`${fn}: ${name} must not share memory with ${entries[m][0]}`);
      }
    }
  }
}
