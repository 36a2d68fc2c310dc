// normalQuantile (Acklam 2003 + one Halley step) against standard-normal quantiles known to 16 digits and against
// round trips through the erfc-based normalCdf.

import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../../src/core/analysis';
import { normalCdf } from '../../../../src/core/tuning/gp/specialFunctions';

describe('normalQuantile (Acklam 2003 with a Halley refinement)', () => {
  it('matches tabulated quantiles (e.g. scipy.stats.norm.ppf) to ~1e-15', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts Φ: Φ(Φ⁻¹(p)) = p to ~1e-14 relative, from the far tail to the centre (both approximation regions)', () => {
    for (const p of [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.02425, 0.03, 0.1, 0.3, 0.49, 0.5]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-13);
    }
    // Upper tail only to z = 2.5: beyond it Φ(z) rounds near 1 and Φ⁻¹ of that rounded value is ill-conditioned.
    for (const z of [-8, -3.3, -1, -0.2, 0.7, 2.5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 11);
  });

  it('is odd about 0.5 and handles the end points and invalid input', () => {
    // Dyadic p so that 1 − p is exact and the symmetry can be checked bit for bit.
    for (const p of [2 ** -20, 0.125, 0.375]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});
