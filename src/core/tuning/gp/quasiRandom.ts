// Quasi-random points in the unit cube for the acquisition optimiser's raw candidates: the R_d additive recurrence
// x_i = frac(s + i·α) with α_j = φ_d^−(j+1), φ_d the positive root of x^(d+1) = x + 1 (the generalised golden
// ratio), randomised by a uniform shift s drawn from the seeded rng (a Cranley–Patterson rotation, so different
// suggestions use different point sets yet each set stays evenly spread).
// References: M. Roberts, "The Unreasonable Effectiveness of Quasirandom Sequences" (2018),
// https://extremelearning.com.au/unreasonable-effectiveness-of-quasirandom-sequences/ ; R. Cranley &
// T. N. L. Patterson, "Randomization of number theoretic methods for multiple integration", SIAM J. Numer. Anal. 13
// (1976) 904–914.

/** φ_d: the positive root of x^(d+1) = x + 1, by Newton's method from 2. */
export function generalisedGoldenRatio(d: number): number {
  let x = 2;
  for (let it = 0; it < 60; it++) {
    const f = Math.pow(x, d + 1) - x - 1;
    const df = (d + 1) * Math.pow(x, d) - 1;
    const next = x - f / df;
    if (Math.abs(next - x) < 1e-16) return next;
    x = next;
  }
  return x;
}

/** `count` points of the randomly shifted R_d sequence in [0,1)^d, as a flat count×d array. */
export function shiftedRdSequence(count: number, d: number, rng: { nextFloat(): number }): Float64Array {
  const phi = generalisedGoldenRatio(d);
  const alpha = new Float64Array(d);
  const shift = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    alpha[j] = Math.pow(1 / phi, j + 1) % 1;
    shift[j] = rng.nextFloat();
  }
  const out = new Float64Array(count * d);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) {
      const v = shift[j] + (i + 1) * alpha[j];
      out[i * d + j] = v - Math.floor(v);
    }
  }
  return out;
}
