// Stitching, walk-forward efficiency and parameter drift on hand-computed numbers.

import { describe, expect, it } from 'vitest';
import { parameterDrift, stitchOutOfSample, walkForwardEfficiency, walkForwardReport } from '../../../../src/core/validation';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('stitchOutOfSample', () => {
  it('compounds across windows from the initial capital', () => {
    // 100 → ×1.1 = 110 → ×0.95 = 104.5 | next window → ×1.2 = 125.4 → ×0.9 = 112.86
    const { returns, equity, windowStarts } = stitchOutOfSample([f64(0.1, -0.05), f64(), f64(0.2, -0.1)], 100);
    expect(Array.from(returns)).toEqual([0.1, -0.05, 0.2, -0.1]);
    expect(equity).toHaveLength(5);
    [100, 110, 104.5, 125.4, 112.86].forEach((v, i) => expect(equity[i]).toBeCloseTo(v, 10));
    expect(windowStarts).toEqual([0, 2, 2]);
  });

  it('rejects a non-positive capital', () => {
    expect(() => stitchOutOfSample([f64(0.1)], 0)).toThrow(/initialCapital/);
  });
});

describe('walkForwardEfficiency', () => {
  it('is OOS / IS per window and mean OOS / mean IS overall, NaN for IS ≤ 0', () => {
    const result = walkForwardEfficiency([
      { inSampleAnnualised: 0.2, outOfSampleAnnualised: 0.1 },
      { inSampleAnnualised: 0.1, outOfSampleAnnualised: 0.15 },
      { inSampleAnnualised: -0.05, outOfSampleAnnualised: 0.02 },
      { inSampleAnnualised: 0, outOfSampleAnnualised: 0.1 },
      { inSampleAnnualised: NaN, outOfSampleAnnualised: 0.3 },
    ]);
    expect(result.perWindow[0]).toBeCloseTo(0.5, 12);
    expect(result.perWindow[1]).toBeCloseTo(1.5, 12);
    expect(result.perWindow[2]).toBeNaN();
    expect(result.perWindow[3]).toBeNaN();
    expect(result.perWindow[4]).toBeNaN();
    // Finite windows 0..3: mean IS = 0.25 / 4 = 0.0625, mean OOS = 0.37 / 4 = 0.0925 → 1.48.
    expect(result.overall).toBeCloseTo(1.48, 12);
  });

  it('is NaN overall when the mean in-sample return is not positive or there is no window', () => {
    expect(walkForwardEfficiency([{ inSampleAnnualised: -0.1, outOfSampleAnnualised: 0.05 }]).overall).toBeNaN();
    expect(walkForwardEfficiency([]).overall).toBeNaN();
  });
});

describe('parameterDrift', () => {
  it('lists values per window and the coefficient of variation of numeric parameters', () => {
    const drift = parameterDrift([
      { fast: 10, kind: 'ema' },
      { fast: 20, kind: 'sma' },
      { fast: 30, kind: 'ema', stop: 0.02 },
    ]);
    expect(drift.map((d) => d.name)).toEqual(['fast', 'kind', 'stop']);
    const [fast, kind, stop] = drift;
    expect(fast.values).toEqual([10, 20, 30]);
    expect(fast.numeric).toBe(true);
    expect(fast.mean).toBeCloseTo(20, 12);
    expect(fast.std).toBeCloseTo(10, 12);
    expect(fast.coefficientOfVariation).toBeCloseTo(0.5, 12);
    expect(kind.values).toEqual(['ema', 'sma', 'ema']);
    expect(kind.numeric).toBe(false);
    expect(kind.coefficientOfVariation).toBeNaN();
    expect(stop.values).toEqual([undefined, undefined, 0.02]);
    expect(stop.numeric).toBe(false);
  });

  it('gives a CV of 0 for a constant parameter and NaN for a single window', () => {
    expect(parameterDrift([{ n: 5 }, { n: 5 }])[0].coefficientOfVariation).toBe(0);
    expect(parameterDrift([{ n: 5 }])[0].coefficientOfVariation).toBeNaN();
  });
});

describe('walkForwardReport', () => {
  it('stitches, annualises the stitched curve and summarises efficiency and drift', () => {
    const report = walkForwardReport(
      [
        { outOfSampleReturns: f64(0.1), inSampleAnnualised: 0.2, outOfSampleAnnualised: 0.1, parameters: { n: 1 } },
        { outOfSampleReturns: f64(0.1), inSampleAnnualised: 0.2, outOfSampleAnnualised: 0.1, parameters: { n: 3 } },
      ],
      { initialCapital: 100, periodsPerYear: 1 },
    );
    // 100 → 110 → 121 over 2 yearly bars: CAGR 10%.
    expect(report.stitched.equity[2]).toBeCloseTo(121, 10);
    expect(report.stitchedCagr).toBeCloseTo(0.1, 12);
    expect(report.efficiency.overall).toBeCloseTo(0.5, 12);
    expect(report.drift[0].coefficientOfVariation).toBeCloseTo(Math.SQRT2 / 2, 12);
    expect(() => walkForwardReport([], { initialCapital: 100, periodsPerYear: 0 })).toThrow(/periodsPerYear/);
  });
});
