// Random linear matrix scrambling plus a digital shift of one Sobol dimension: J. Matoušek, "On the
// L2-discrepancy for anchored boxes", J. Complexity 14 (1998) 527–556, the affine scrambling that keeps the
// (t, m, s)-net structure of Owen's nested scrambling (A. B. Owen, "Randomly permuted (t,m,s)-nets and
// (t,s)-sequences", 1995; "Variance with alternative scramblings of digital nets", ACM TOMACS 13, 2003) at the
// cost of a 32x32 bit matrix. scipy.stats.qmc.Sobol(scramble=True) does the same.
import type { Rng } from '../../random/rng';
import { SOBOL_BITS } from './directionVectors';

/** Scrambles `v` in place: each output digit r is the parity of a random lower-triangular row (unit diagonal) applied to the digits of V_k. Returns the digital shift to XOR into every point. */
export function scrambleDimension(v: Uint32Array, rng: Rng): number {
  // rows[r] selects input digits 0..r (digit r is bit 31 - r), so a digit only mixes with more significant ones.
  const rows = new Uint32Array(SOBOL_BITS);
  for (let r = 0; r < SOBOL_BITS; r++) {
    const diagonal = 2 ** (SOBOL_BITS - 1 - r);
    const above = r === 0 ? 0 : (rng.nextUint32() & ~(diagonal * 2 - 1)) >>> 0;
    rows[r] = (above | diagonal) >>> 0;
  }
  for (let k = 0; k < SOBOL_BITS; k++) {
    let out = 0;
    for (let r = 0; r < SOBOL_BITS; r++) if (parity(rows[r] & v[k])) out |= 2 ** (SOBOL_BITS - 1 - r);
    v[k] = out >>> 0;
  }
  return rng.nextUint32();
}

function parity(x: number): number {
  let y = x >>> 0;
  y ^= y >>> 16;
  y ^= y >>> 8;
  y ^= y >>> 4;
  y ^= y >>> 2;
  y ^= y >>> 1;
  return y & 1;
}
