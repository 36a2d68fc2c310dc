// resolveMetricOptions and riskFreeRatePerPeriod: defaults, geometric de-compounding of the annual risk-free rate,
// and rejection of options no metric could use.

import { describe, expect, it } from 'vitest';
import { resolveMetricOptions, riskFreeRatePerPeriod } from '../../../../src/core/metrics';

describe('riskFreeRatePerPeriod', () => {
  it('de-compounds geometrically: (1 + rf)^(1/P) − 1', () => {
    // 21% a year over 2 periods: √1.21 − 1 = 0.1 (simple division would give 0.105).
    expect(riskFreeRatePerPeriod(0.21, 2)).toBeCloseTo(0.1, 15);
    // Compounding the per-period rate over a year gives back the annual rate.
    expect(Math.pow(1 + riskFreeRatePerPeriod(0.05, 252), 252) - 1).toBeCloseTo(0.05, 13);
    expect(riskFreeRatePerPeriod(0, 252)).toBe(0);
  });
});

describe('resolveMetricOptions', () => {
  it('fills the defaults: rf 0, VaR level 0.95, Omega threshold 0, Sortino target 0', () => {
    expect(resolveMetricOptions({ periodsPerYear: 252 })).toEqual({
      periodsPerYear: 252,
      riskFreeRateAnnual: 0,
      riskFreePerPeriod: 0,
      varLevel: 0.95,
      omegaThreshold: 0,
      sortinoTarget: 0,
      scratch: undefined,
    });
  });

  it('rejects unusable options with a RangeError naming the option', () => {
    for (const periodsPerYear of [0, -12, NaN, Infinity]) {
      expect(() => resolveMetricOptions({ periodsPerYear })).toThrow(/periodsPerYear/);
    }
    expect(() => resolveMetricOptions({ periodsPerYear: 12, riskFreeRateAnnual: -1 })).toThrow(/riskFreeRateAnnual/);
    expect(() => resolveMetricOptions({ periodsPerYear: 12, varLevel: 1 })).toThrow(/varLevel/);
    expect(() => resolveMetricOptions({ periodsPerYear: 12, varLevel: 0 })).toThrow(RangeError);
    expect(() => resolveMetricOptions({ periodsPerYear: 12, omegaThreshold: NaN })).toThrow(/omegaThreshold/);
    expect(() => resolveMetricOptions({ periodsPerYear: 12, sortinoTarget: Infinity })).toThrow(/sortinoTarget/);
  });
});
