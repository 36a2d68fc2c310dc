// The engine's columnar trade log as the plain-array TradeTable the trade list shows: exit reasons by name and
// each trade's return on its entry notional.

import { exitReasonName } from '../backtest/exitReason';
import type { TradeLog } from '../backtest/tradeLog';
import type { TradeTable } from './performanceProfile';

/** returnPct = pnl / |size × entryPrice| (null when that notional is 0 or not finite). */
export function buildTradeTable(trades: TradeLog): TradeTable {
  const n = trades.count;
  const returnPct: (number | null)[] = [];
  const exitReason: string[] = [];
  for (let k = 0; k < n; k++) {
    const notional = Math.abs(trades.size[k] * trades.entryPrice[k]);
    const ret = trades.pnl[k] / notional;
    returnPct.push(notional > 0 && Number.isFinite(ret) ? ret : null);
    exitReason.push(exitReasonName(trades.exitReason[k]));
  }
  const column = (values: ArrayLike<number>): number[] => Array.from({ length: n }, (_, k) => values[k]);
  return {
    entryTime: column(trades.entryTime),
    exitTime: column(trades.exitTime),
    entryPrice: column(trades.entryPrice),
    exitPrice: column(trades.exitPrice),
    size: column(trades.size),
    pnl: column(trades.pnl),
    returnPct,
    costs: column(trades.costs),
    barsHeld: column(trades.barsHeld),
    exitReason,
  };
}
