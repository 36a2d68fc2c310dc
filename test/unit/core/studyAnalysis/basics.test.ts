// The small pieces of a study analysis: which trial is judged, Spearman's rank correlation with ties, and trades as
// returns on equity.
import { describe, expect, it } from 'vitest';
import { chooseTrial, spearmanCorrelation, tradeReturnsOnEquity } from '../../../../src/core/studyAnalysis';
import { tradeReshuffle } from '../../../../src/core/validation';

describe('chooseTrial', () => {
  const trials = [
    { number: 3, params: {}, values: [1.5] },
    { number: 5, params: {}, values: [2.5] },
    { number: 7, params: {}, values: [NaN] },
    { number: 9, params: {}, values: [2.5] },
  ];
  it('takes the best by the first objective in its direction, the lowest number on a tie, never NaN', () => {
    expect(trials[chooseTrial(trials, { metric: 'sharpe', direction: 'maximize' })].number).toBe(5);
    expect(trials[chooseTrial(trials, { metric: 'max_drawdown', direction: 'minimize' })].number).toBe(3);
  });
  it('takes the trial asked for, and names one that is not complete', () => {
    expect(chooseTrial(trials, { metric: 'sharpe', direction: 'maximize' }, 9)).toBe(3);
    expect(() => chooseTrial(trials, { metric: 'sharpe', direction: 'maximize' }, 4)).toThrow('trial 4 is not a complete trial');
    expect(() => chooseTrial([], { metric: 'sharpe', direction: 'maximize' })).toThrow('no complete trial');
  });
});

describe('spearmanCorrelation (Spearman 1904; ties at average ranks)', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [1, 8, 27, 64, 125])).toBeCloseTo(1, 15);
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 3, 2, 1, -10])).toBeCloseTo(-1, 15);
  });
  it('matches a hand computation with ties', () => {
    // x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4. Centred (mean 2.5): x −1.5, 0, 0, 1.5; y −1.5, 0.5, −0.5, 1.5.
    // Σxy = 2.25 + 2.25 = 4.5; Σx² = 4.5; Σy² = 2.25 + 0.25 + 0.25 + 2.25 = 5 → ρ = 4.5 / √(4.5·5) = 0.948683...
    expect(spearmanCorrelation([1, 2, 2, 3], [10, 30, 20, 40])).toBeCloseTo(4.5 / Math.sqrt(22.5), 14);
  });
  it('skips pairs with a non-finite side and is NaN with fewer than 3 pairs or a constant side', () => {
    expect(spearmanCorrelation([1, NaN, 2, 3], [1, 5, 2, 3])).toBeCloseTo(1, 15);
    expect(spearmanCorrelation([1, 2], [2, 1])).toBeNaN();
    expect(spearmanCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('tradeReturnsOnEquity', () => {
  it('turns P&L into returns on the equity each trade started from, compounding back to the same equity', () => {
    const r = tradeReturnsOnEquity(Float64Array.from([100, -50, 200]), 1000);
    expect(Array.from(r)).toEqual([0.1, -50 / 1100, 200 / 1050]);
    const reshuffled = tradeReshuffle({ kind: 'returns', returns: r }, { samples: 10, seed: 1 });
    expect(reshuffled.finalEquity).toBeCloseTo(1250 / 1000, 12);
    expect(() => tradeReturnsOnEquity(Float64Array.from([-1000, 5]), 1000)).toThrow('equity before trade 1 is 0');
  });
});
