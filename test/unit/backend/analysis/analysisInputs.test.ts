// What the analysis service prepares before the worker runs: the T×N returns buffer, the cache key of the options
// and the 2× costs configuration.
import { describe, expect, it } from 'vitest';
import { doubledCosts, chargesCosts } from '../../../../src/backend/analysis/doubledCosts';
import { canonicalJson, optionsHash } from '../../../../src/backend/analysis/optionsHash';
import { packReturns } from '../../../../src/backend/analysis/returnsMatrix';
import { BacktestConfig } from '../../../../src/shared';

describe('packReturns', () => {
  it('packs the trials with returns column by column into one Float64 buffer, -1 for the others', () => {
    const stored = [
      { number: 2, returns: Float32Array.from([0.5, -0.25, 0.125]) },
      { number: 0, returns: Float32Array.from([1, 2, 3]) },
      { number: 5, returns: Float32Array.from([9, 9]) }, // another length: left out
    ];
    const { matrix, columnOf } = packReturns([0, 1, 2, 5], stored);
    expect(columnOf).toEqual([0, -1, 1, -1]);
    expect(matrix).toMatchObject({ rows: 3, columns: 2 });
    expect(Array.from(new Float64Array(matrix.buffer))).toEqual([1, 2, 3, 0.5, -0.25, 0.125]);
  });
  it('is empty without stored returns', () => {
    const { matrix, columnOf } = packReturns([0, 1], []);
    expect(columnOf).toEqual([-1, -1]);
    expect(matrix.buffer.byteLength).toBe(0);
  });
});

describe('optionsHash', () => {
  it('ignores key order and undefined fields, and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
    expect(optionsHash({ partitions: 16, seed: 0 })).toBe(optionsHash({ seed: 0, partitions: 16, trial: undefined }));
    expect(optionsHash({ partitions: 16, seed: 0 })).not.toBe(optionsHash({ partitions: 16, seed: 1 }));
    expect(optionsHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('doubledCosts', () => {
  it('doubles commission, per-trade commission, slippage and borrow, and nothing else', () => {
    const config = BacktestConfig.parse({ commissionBps: 2, commissionPerTrade: 1, slippageBps: 3, borrowRateAnnual: 0.02, stopLossPct: 5 });
    expect(doubledCosts(config)).toEqual({ ...config, commissionBps: 4, commissionPerTrade: 2, slippageBps: 6, borrowRateAnnual: 0.04 });
    expect(chargesCosts(config)).toBe(true);
    expect(chargesCosts(BacktestConfig.parse({}))).toBe(false);
  });
});
