// Property-style checks on random OHLC series, random targets and random settings (seeded, so failures
// reproduce): equity reconciles with the trade list, the fast loop equals the general loop, buffers reuse gives
// the same results, and positions respect the direction.

import { describe, expect, it } from 'vitest';
import {
  allInSizing,
  bpsCostModel,
  createBacktestBuffers,
  fixedFractionSizing,
  simulate,
  volTargetSizing,
  zeroCostModel,
  type BacktestOptions,
  type BacktestResult,
  type PositionSizing,
} from '../../../../src/core/backtest';
import { bars as makeBars, expectConsistent, randomOhlc, randomTargets, seeded } from './helpers';

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function randomSettings(rnd: () => number): BacktestOptions {
  const costModel = rnd() < 0.2
    ? zeroCostModel
    : bpsCostModel({ commissionBps: rnd() * 20, commissionPerTrade: rnd() < 0.5 ? 0 : rnd() * 5, slippageBps: rnd() * 10, borrowRateAnnual: rnd() * 0.1 });
  const sizing = pick(rnd, [
    allInSizing(),
    fixedFractionSizing({ fraction: 0.25 + rnd() * 0.75 }),
    volTargetSizing({ targetVolAnnual: 0.1 + rnd() * 0.2, lookback: 2 + Math.floor(rnd() * 30), maxLeverage: 0.5 + rnd() * 2 }),
  ]);
  const stops = rnd() < 0.5;
  return {
    initialCapital: 1000 + rnd() * 1e6,
    fill: pick(rnd, ['close', 'nextOpen'] as const),
    direction: pick(rnd, ['longOnly', 'shortOnly', 'longShort'] as const),
    rebalance: rnd() < 0.25 ? 'everyBar' : 'onTargetChange',
    costModel,
    sizing,
    stopLossPct: stops && rnd() < 0.7 ? rnd() * 8 : 0,
    takeProfitPct: stops && rnd() < 0.7 ? rnd() * 10 : 0,
    trailingStopPct: stops && rnd() < 0.7 ? rnd() * 8 : 0,
  };
}

/** The same sizing without constantScale, which forces the general loop. */
function general(sizing: PositionSizing): PositionSizing {
  return { kind: `${sizing.kind} (general)`, constantScale: undefined, exposure: sizing.exposure.bind(sizing) };
}

function expectSameResult(a: BacktestResult, b: BacktestResult): void {
  expect(Array.from(a.equity)).toEqual(Array.from(b.equity));
  expect(Array.from(a.position)).toEqual(Array.from(b.position));
  expect(Array.from(a.returns)).toEqual(Array.from(b.returns));
  expect(a.totals).toEqual(b.totals);
  for (const column of ['entryIndex', 'exitIndex', 'entryTime', 'exitTime', 'entryPrice', 'exitPrice', 'size', 'pnl', 'costs', 'barsHeld', 'exitReason'] as const) {
    expect(Array.from(a.trades[column]), column).toEqual(Array.from(b.trades[column]));
  }
}

describe('random series, targets and settings', () => {
  it('equity = initialCapital + sum of trade pnl, totals add up, returns compound to equity', () => {
    const rnd = seeded(20240601);
    let tradesSeen = 0;
    let stopsSeen = 0;
    for (let run = 0; run < 400; run++) {
      const n = run % 50 === 0 ? 5000 + Math.floor(rnd() * 5000) : 2 + Math.floor(rnd() * 300);
      const b = rnd() < 0.8 ? randomOhlc(n, rnd) : makeBars({ close: Array.from(randomOhlc(n, rnd).close) });
      const drawn = randomSettings(rnd);
      const settings: BacktestOptions = b.open === undefined ? { ...drawn, fill: 'close' } : drawn;
      const targets = randomTargets(n, rnd, [-1, -0.5, 0, 0.5, 1, 2, NaN]);
      const r = simulate({ bars: b, targets, settings });
      expectConsistent(r, settings.initialCapital!);
      if (settings.direction === 'longOnly') expect(Math.min(...r.position)).toBeGreaterThanOrEqual(0);
      if (settings.direction === 'shortOnly') expect(Math.max(...r.position)).toBeLessThanOrEqual(0);
      tradesSeen += r.trades.count;
      for (const code of r.trades.exitReason) if (code >= 1 && code <= 3) stopsSeen++;
    }
    // The loop exercised what it claims to.
    expect(tradesSeen).toBeGreaterThan(2000);
    expect(stopsSeen).toBeGreaterThan(100);
  });

  it('the fast loop gives bit-for-bit the results of the general loop', () => {
    const rnd = seeded(77);
    for (let run = 0; run < 150; run++) {
      // Long series cross the loops' chunk boundaries (4096 bars).
      const n = run % 10 === 0 ? 4096 * 2 + Math.floor(rnd() * 3) - 1 : 2 + Math.floor(rnd() * 200);
      const b = randomOhlc(n, rnd);
      const settings: BacktestOptions = {
        ...randomSettings(rnd),
        sizing: rnd() < 0.5 ? allInSizing() : fixedFractionSizing({ fraction: 0.5 }),
        rebalance: 'onTargetChange',
        stopLossPct: 0,
        takeProfitPct: 0,
        trailingStopPct: 0,
      };
      const targets = randomTargets(n, rnd, [-1, -0.5, 0, 0.5, 1, NaN]);
      const fast = simulate({ bars: b, targets, settings });
      const slow = simulate({ bars: b, targets, settings: { ...settings, sizing: general(settings.sizing!) } });
      expectSameResult(fast, slow);
    }
  });

  it('reused buffers give the same results as fresh ones, also for a shorter series', () => {
    const rnd = seeded(123);
    const buffers = createBacktestBuffers(600);
    for (let run = 0; run < 40; run++) {
      const n = run % 2 === 0 ? 600 : 1 + Math.floor(rnd() * 599);
      const b = randomOhlc(n, rnd);
      const settings = randomSettings(rnd);
      const targets = randomTargets(n, rnd, [-1, 0, 1, NaN]);
      const fresh = simulate({ bars: b, targets, settings });
      const reused = simulate({ bars: b, targets, settings, buffers });
      expectSameResult(reused, fresh);
      if (n === 600) expect(reused.equity).toBe(buffers.equity);
      // Once the trade log fits, repeating the run reuses the same columns: no allocation.
      const columns = buffers.trades.pnl;
      simulate({ bars: b, targets, settings, buffers });
      expect(buffers.trades.pnl).toBe(columns);
    }
  });
});
