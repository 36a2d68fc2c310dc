import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import { parEgoScalarize, PAREGO_RHO, randomSimplexWeights } from '../../../../../src/core/tuning/gp/index';

describe('ParEGO (Knowles 2006)', () => {
  it('scalarises a hand-worked two-objective example', () => {
    // Objective 1 over rows: 1, 3, 2 → normalised 0, 1, 0.5. Objective 2: 10, 6, 8 → 1, 0, 0.5.
    // λ = (0.3, 0.7), ρ = 0.05:
    //   row 0: λ·f = (0, 0.7)     → max 0.7  + 0.05·0.7  = 0.735
    //   row 1: λ·f = (0.3, 0)     → max 0.3  + 0.05·0.3  = 0.315
    //   row 2: λ·f = (0.15, 0.35) → max 0.35 + 0.05·0.5  = 0.375
    const values = [Float64Array.of(1, 10), Float64Array.of(3, 6), Float64Array.of(2, 8)];
    const s = parEgoScalarize(values, Float64Array.of(0.3, 0.7));
    expect(Array.from(s)).toEqual([expect.closeTo(0.735, 14), expect.closeTo(0.315, 14), expect.closeTo(0.375, 14)]);
    expect(PAREGO_RHO).toBe(0.05);
    // An explicit ρ is used: ρ = 0 leaves the plain weighted Chebyshev values.
    expect(Array.from(parEgoScalarize(values, Float64Array.of(0.3, 0.7), 0))).toEqual([
      expect.closeTo(0.7, 14),
      expect.closeTo(0.3, 14),
      expect.closeTo(0.35, 14),
    ]);
  });

  it('treats a constant objective as 0 and rejects ragged or non-finite rows', () => {
    const s = parEgoScalarize([Float64Array.of(5, 0), Float64Array.of(5, 2)], Float64Array.of(0.5, 0.5));
    expect(Array.from(s)).toEqual([0, expect.closeTo(0.5 + 0.05 * 0.5, 14)]);
    expect(() => parEgoScalarize([Float64Array.of(1)], Float64Array.of(0.5, 0.5))).toThrow(RangeError);
    expect(() => parEgoScalarize([Float64Array.of(1, NaN)], Float64Array.of(0.5, 0.5))).toThrow(RangeError);
  });

  it('draws weights on the simplex, uniformly (each coordinate has mean 1/m)', () => {
    const rng = new Rng(9);
    const m = 3;
    const sums = new Float64Array(m);
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const w = randomSimplexWeights(m, rng);
      expect(w.length).toBe(m);
      let total = 0;
      for (const v of w) {
        expect(v).toBeGreaterThanOrEqual(0);
        total += v;
      }
      expect(total).toBeCloseTo(1, 12);
      w.forEach((v, j) => (sums[j] += v));
    }
    for (const s of sums) expect(s / draws).toBeCloseTo(1 / m, 1);
    expect(Array.from(randomSimplexWeights(1, rng))).toEqual([1]);
    expect(() => randomSimplexWeights(0, rng)).toThrow(RangeError);
  });

  it('is deterministic for a given rng state', () => {
    expect(Array.from(randomSimplexWeights(4, new Rng(2)))).toEqual(Array.from(randomSimplexWeights(4, new Rng(2))));
  });
});
