// The 32 direction numbers V_1..V_32 of one Sobol dimension as uint32 binary fractions (V_k's most significant
// bit is 2^-1), by the recurrence of Bratley & Fox, "Algorithm 659", ACM TOMS 14 (1988), in the form of Joe &
// Kuo's reference program sobol.cc: V_k = V_{k-s} xor (V_{k-s} >> s) xor the a-selected V_{k-i}.
import { JOE_KUO_ROWS } from './joeKuoDirectionNumbers';

export const SOBOL_BITS = 32;

/** V[k] for k = 0..31 (V[0] is V_1). `dimension` is 0-based: 0 is van der Corput, d >= 1 uses row d - 1. */
export function directionVectors(dimension: number): Uint32Array {
  const v = new Uint32Array(SOBOL_BITS);
  if (dimension === 0) {
    for (let k = 0; k < SOBOL_BITS; k++) v[k] = 2 ** (SOBOL_BITS - 1 - k);
    return v;
  }
  const [s, a, m] = JOE_KUO_ROWS[dimension - 1];
  for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (SOBOL_BITS - 1 - k);
  for (let k = s; k < SOBOL_BITS; k++) {
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i];
    v[k] = x >>> 0;
  }
  return v;
}
