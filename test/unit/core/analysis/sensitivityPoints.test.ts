// Sensitivity points: each numeric parameter moved by ±5% and ±10%, snapped, clamped, constraints respected.
import { describe, expect, it } from 'vitest';
import { sensitivityPoints } from '../../../../src/core/analysis';
import { paramOrder } from '../../../../src/core/strategies/paramSpec';
import { categoricalParam, createSearchSpace, floatParam, intParam } from '../../../../src/core/tuning/space';

describe('sensitivityPoints', () => {
  const space = createSearchSpace(
    [intParam('fast', 2, 60), intParam('slow', 10, 300), floatParam('stop', 0.01, 0.2), floatParam('bias', -1, 1), categoricalParam('mode', ['long', 'both'])],
    [paramOrder('fast', 'slow')],
  );

  it('moves each numeric parameter by the relative deltas, rounding integers, and skips categoricals', () => {
    const base = { fast: 20, slow: 100, stop: 0.1, bias: 0.5, mode: 'long' };
    const pts = sensitivityPoints(space, base);
    const of = (param: string) => pts.filter((p) => p.param === param).map((p) => p.params[param]);
    expect(of('fast')).toEqual([18, 19, 21, 22]);
    expect(of('slow')).toEqual([90, 95, 105, 110]);
    const stop = of('stop') as number[];
    [0.09, 0.095, 0.105, 0.11].forEach((v, i) => expect(stop[i]).toBeCloseTo(v, 12));
    expect(of('mode')).toEqual([]);
    expect(pts.every((p) => p.params.mode === 'long')).toBe(true);
    expect(pts.skipped).toEqual([]);
    // Everything but the moved parameter is kept.
    const p = pts.find((q) => q.param === 'slow' && q.delta === 0.1)!;
    expect(p.params).toEqual({ ...base, slow: 110 });
  });

  it('moves at least one step when the move rounds to nothing, moves 0 by a share of the range, clamps at bounds', () => {
    const pts = sensitivityPoints(space, { fast: 3, slow: 300, stop: 0.2, bias: 0, mode: 'both' }, [-0.05, 0.05]);
    const of = (param: string) => pts.filter((p) => p.param === param).map((p) => p.params[param]);
    expect(of('fast')).toEqual([2, 4]); // 3 ± 0.15 rounds to 3: one step each way
    expect(of('slow')).toEqual([285]); // +5% would leave the range: skipped
    expect(of('bias')).toEqual([-0.1, 0.1]); // 0 moves by ±5% of the range [−1, 1]
    expect(pts.skipped.map((s) => `${s.param} ${s.delta}`)).toEqual(['slow 0.05', 'stop 0.05']);
    expect(pts.skipped[0].reason).toMatch(/at its upper bound/);
  });

  it('never gives a larger move the point of a smaller one: on a coarse grid it goes one step further', () => {
    // fast = 14: −5% and −10% both round to 13 (13.3, 12.6), so −10% takes 12; likewise +10% takes 16.
    const pts = sensitivityPoints(space, { fast: 14, slow: 100, stop: 0.1, bias: 0.5, mode: 'long' });
    const fast = pts.filter((p) => p.param === 'fast');
    expect(fast.map((p) => [p.delta, p.params.fast])).toEqual([[-0.1, 12], [-0.05, 13], [0.05, 15], [0.1, 16]]);
    const small = sensitivityPoints(space, { fast: 2, slow: 100, stop: 0.1, bias: 0.5, mode: 'long' });
    expect(small.filter((p) => p.param === 'fast').map((p) => p.params.fast)).toEqual([3, 4]);
  });

  it('drops a point that breaks a constraint and says which', () => {
    const pts = sensitivityPoints(space, { fast: 50, slow: 52, stop: 0.1, bias: 0, mode: 'long' });
    expect(pts.some((p) => p.param === 'fast' && p.delta === 0.1)).toBe(false);
    const skipped = pts.skipped.filter((s) => s.param === 'fast');
    expect(skipped.map((s) => s.delta)).toEqual([0.05, 0.1]); // 52.5 → 53 and 55 are not < 52
    expect(skipped[0].reason).toBe('fast = 53 breaks the constraint fast < slow');
  });

  it('rejects a configuration outside the space, naming the parameter', () => {
    expect(() => sensitivityPoints(space, { fast: 1, slow: 100, stop: 0.1, bias: 0, mode: 'long' })).toThrow(/'fast'/);
    expect(() => sensitivityPoints(space, { fast: 20, slow: 100, stop: 0.1, bias: 0, mode: 'long' }, [0])).toThrow(/non-zero/);
  });
});
