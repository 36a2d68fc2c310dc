// tradeStats: counts, win rate, profit factor, average win/loss and expectancy of hand-built trade lists, with
// break-even trades, no trades, no losers and bad input.

import { describe, expect, it } from 'vitest';
import { tradeStats } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

// Conventions: win = pnl > 0, loss = pnl < 0, break-even counts only in the total; profit factor = gross profit /
// |gross loss| (as in TradeStation's strategy performance report and vectorbt's profit_factor); average loss is
// signed (negative).
describe('tradeStats', () => {
  it('summarises a trade list with a break-even trade', () => {
    // pnl [30, −10, 20, −20, 0]: wins 2 (50), losses 2 (−30), 5 trades.
    // win rate 2/5 = 0.4; PF 50/30 = 1.666…; avg win 25; avg loss −15; expectancy 20/5 = 4.
    // returns [0.03, −0.01, 0.02, −0.02, 0] → mean 0.02/5 = 0.004.
    const s = tradeStats({ pnl: f64(30, -10, 20, -20, 0), returns: f64(0.03, -0.01, 0.02, -0.02, 0) });
    expect(s).toMatchObject({ count: 5, wins: 2, losses: 2, grossProfit: 50, grossLoss: -30 });
    expect(s.winRate).toBe(0.4);
    expect(s.profitFactor).toBeCloseTo(5 / 3, 15);
    expect(s.averageWin).toBe(25);
    expect(s.averageLoss).toBe(-15);
    expect(s.expectancy).toBe(4);
    expect(s.expectancyReturn).toBeCloseTo(0.004, 15);
  });

  it('gives count 0 and NaN ratios for no trades', () => {
    const s = tradeStats({ pnl: new Float64Array(0), returns: new Float64Array(0) });
    expect(s.count).toBe(0);
    for (const v of [s.winRate, s.profitFactor, s.averageWin, s.averageLoss, s.expectancy, s.expectancyReturn]) {
      expect(v).toBeNaN();
    }
  });

  it('gives NaN (not Infinity) profit factor and average loss when no trade lost', () => {
    const s = tradeStats({ pnl: f64(5, 10) });
    expect(s.winRate).toBe(1);
    expect(s.profitFactor).toBeNaN();
    expect(s.averageLoss).toBeNaN();
    expect(s.averageWin).toBe(7.5);
    expect(s.expectancyReturn).toBeNaN(); // no per-trade returns given
  });

  it('gives profit factor 0 when no trade won', () => {
    const s = tradeStats({ pnl: f64(-5, -10) });
    expect(s.profitFactor).toBe(0);
    expect(s.winRate).toBe(0);
    expect(s.averageWin).toBeNaN();
    expect(s.averageLoss).toBe(-7.5);
  });

  it('makes every pnl statistic NaN when a pnl is NaN, instead of dropping the trade', () => {
    const s = tradeStats({ pnl: f64(5, NaN, -1) });
    expect(s.count).toBe(3);
    expect(s.winRate).toBeNaN();
    expect(s.expectancy).toBeNaN();
  });

  it('throws when trade returns and pnl have different lengths', () => {
    expect(() => tradeStats({ pnl: f64(1, 2), returns: f64(0.1) })).toThrow(/trades.returns has 1 elements/);
  });
});
