import { describe, expect, it } from 'vitest';
import { ExitReasonCode, simulate } from '../../../../src/core/backtest';
import { TradeLogBuilder } from '../../../../src/core/backtest/tradeLog';
import { buildTradeTable } from '../../../../src/core/profile';
import { bars } from '../backtest/helpers';
import { emptyTrades } from './profileFixtures';

describe('buildTradeTable', () => {
  it('copies the columns to plain arrays, names exit reasons and computes return on entry notional', () => {
    const log = new TradeLogBuilder();
    const rows = [
      { entryTime: 1, exitTime: 2, entryPrice: 100, exitPrice: 110, size: 10, pnl: 95, costs: 5, barsHeld: 3, reason: ExitReasonCode.signal },
      { entryTime: 3, exitTime: 4, entryPrice: 50, exitPrice: 55, size: -20, pnl: -102, costs: 2, barsHeld: 1, reason: ExitReasonCode.stopLoss },
      { entryTime: 5, exitTime: 6, entryPrice: 0, exitPrice: 0, size: 0, pnl: 0, costs: 0, barsHeld: 0, reason: ExitReasonCode.endOfData },
    ];
    for (const r of rows) {
      const k = log.appendRow();
      log.entryTime[k] = r.entryTime;
      log.exitTime[k] = r.exitTime;
      log.entryPrice[k] = r.entryPrice;
      log.exitPrice[k] = r.exitPrice;
      log.size[k] = r.size;
      log.pnl[k] = r.pnl;
      log.costs[k] = r.costs;
      log.barsHeld[k] = r.barsHeld;
      log.exitReason[k] = r.reason;
    }
    const table = buildTradeTable(log.view());
    expect(table).toEqual({
      entryTime: [1, 3, 5],
      exitTime: [2, 4, 6],
      entryPrice: [100, 50, 0],
      exitPrice: [110, 55, 0],
      size: [10, -20, 0],
      pnl: [95, -102, 0],
      returnPct: [0.095, -0.102, null],
      costs: [5, 2, 0],
      barsHeld: [3, 1, 0],
      exitReason: ['signal', 'stopLoss', 'endOfData'],
    });
    expect(Array.isArray(table.size)).toBe(true);
  });

  it('is empty for no trades and matches an engine run row by row', () => {
    expect(buildTradeTable(emptyTrades).pnl).toEqual([]);
    const series = bars({ close: [10, 11, 12, 11, 13, 14] });
    const result = simulate({ bars: series, targets: Float64Array.from([1, 1, 0, 1, 1, 1]), settings: { fill: 'close' } });
    const table = buildTradeTable(result.trades);
    expect(table.pnl.length).toBe(result.trades.count);
    expect(table.exitReason.at(-1)).toBe('endOfData');
    expect(table.returnPct[0]).toBeCloseTo(result.trades.pnl[0] / (result.trades.size[0] * result.trades.entryPrice[0]), 12);
  });
});
