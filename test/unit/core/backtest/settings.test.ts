// Validation: every bad setting or input fails with a message that names it.

import { describe, expect, it } from 'vitest';
import {
  bpsCostModel,
  createBacktestBuffers,
  fixedFractionSizing,
  isResolvedBacktestSettings,
  resolveBacktestSettings,
  simulate,
  volTargetSizing,
  type BacktestOptions,
} from '../../../../src/core/backtest';
import { bars, f64 } from './helpers';

describe('cost model settings', () => {
  it.each([
    [{ commissionBps: -1 }, /bpsCostModel: commissionBps must be a finite number >= 0, got -1/],
    [{ commissionBps: NaN }, /commissionBps .* got NaN/],
    [{ commissionPerTrade: -0.5 }, /commissionPerTrade/],
    [{ slippageBps: -2 }, /slippageBps/],
    [{ slippageBps: 10_000 }, /slippageBps must be a number in \[0, 10000\)/],
    [{ borrowRateAnnual: Infinity }, /borrowRateAnnual/],
    [{ commisionBps: 1 }, /unknown setting 'commisionBps'/],
  ])('%o is rejected', (options, message) => {
    expect(() => bpsCostModel(options as never)).toThrow(message);
  });
});

describe('sizing settings', () => {
  it.each([
    [() => fixedFractionSizing({ fraction: 1.5 }), /fixedFractionSizing: fraction must be a number in \(0, 1\], got 1.5/],
    [() => fixedFractionSizing({ fraction: 0 }), /fraction/],
    [() => fixedFractionSizing({ fraction: NaN }), /fraction .* got NaN/],
    [() => volTargetSizing({ targetVolAnnual: -0.1, lookback: 20, maxLeverage: 1 }), /targetVolAnnual/],
    [() => volTargetSizing({ targetVolAnnual: 0.1, lookback: 1, maxLeverage: 1 }), /lookback must be an integer >= 2/],
    [() => volTargetSizing({ targetVolAnnual: 0.1, lookback: 20, maxLeverage: NaN }), /maxLeverage/],
  ])('%# is rejected', (make, message) => {
    expect(make).toThrow(message);
  });
});

describe('backtest settings', () => {
  it.each<[BacktestOptions, RegExp]>([
    [{ initialCapital: 0 }, /backtest settings: initialCapital must be a finite number > 0, got 0/],
    [{ initialCapital: NaN }, /initialCapital/],
    [{ fill: 'open' as never }, /fill must be one of 'nextOpen', 'close', got open/],
    [{ direction: 'long' as never }, /direction/],
    [{ rebalance: 'weekly' as never }, /rebalance/],
    [{ stopLossPct: NaN }, /stopLossPct must be a number in \[0, 100\), got NaN/],
    [{ stopLossPct: -5 }, /stopLossPct/],
    [{ stopLossPct: 100 }, /stopLossPct/],
    [{ takeProfitPct: -1 }, /takeProfitPct/],
    [{ trailingStopPct: 150 }, /trailingStopPct/],
    [{ periodsPerYear: 0 }, /periodsPerYear/],
    [{ commissionBps: 1 } as never, /unknown setting 'commissionBps'/],
    [{ costModel: {} as never }, /costModel must implement CostModel/],
    [{ sizing: {} as never }, /sizing must implement PositionSizing/],
  ])('%o is rejected', (options, message) => {
    expect(() => resolveBacktestSettings(options)).toThrow(message);
  });

  it('resolves once: a resolved object is returned as is and frozen', () => {
    const s = resolveBacktestSettings({ fill: 'close' });
    expect(isResolvedBacktestSettings(s)).toBe(true);
    expect(resolveBacktestSettings(s)).toBe(s);
    expect(Object.isFrozen(s)).toBe(true);
    expect(s).toMatchObject({ fill: 'close', direction: 'longShort', rebalance: 'onTargetChange', initialCapital: 100_000, periodsPerYear: 252 });
  });

  it('simulate validates its settings too', () => {
    expect(() => simulate({ bars: bars({ close: [1, 2] }), targets: f64(0, 0), settings: { fill: 'close', stopLossPct: NaN } })).toThrow(/stopLossPct/);
  });
});

describe('simulate inputs', () => {
  const b = bars({ close: [100, 101, 102, 103] });
  const settings = { fill: 'close' } as const;

  it('targets must match the bars', () => {
    expect(() => simulate({ bars: b, targets: f64(0, 0, 0), settings })).toThrow(/targets has length 3 but bars has 4/);
    expect(() => simulate({ bars: b, targets: [0, 0, 0, 0] as never, settings })).toThrow(/targets must be a Float64Array/);
  });

  it('infinite targets are refused with their index', () => {
    expect(() => simulate({ bars: b, targets: f64(0, 1, Infinity, 0), settings })).toThrow(/targets\[2\] is Infinity/);
    expect(() => simulate({ bars: b, targets: f64(0, 1, 1, -Infinity), settings })).toThrow(/targets\[3\] is -Infinity/);
    expect(() => simulate({ bars: b, targets: f64(0, 1, Infinity, 0), settings: { ...settings, stopLossPct: 5 } })).toThrow(/targets\[2\]/);
  });

  it('bad closes are refused with their index', () => {
    expect(() => simulate({ bars: bars({ close: [100, NaN, 102, 103] }), targets: f64(0, 0, 0, 0), settings })).toThrow(/close\[1\] is NaN/);
    expect(() => simulate({ bars: bars({ close: [100, 101, 0, 103] }), targets: f64(0, 0, 0, 0), settings: { ...settings, stopLossPct: 5 } })).toThrow(/close\[2\] is 0/);
  });

  it('an empty series is refused', () => {
    expect(() => simulate({ bars: bars({ close: [] }), targets: f64(), settings })).toThrow(/at least 1 bar/);
  });

  it('buffers must be long enough', () => {
    expect(() => simulate({ bars: b, targets: f64(0, 0, 0, 0), settings, buffers: createBacktestBuffers(3) })).toThrow(/buffers hold 3 bars/);
  });
});
