// Summary statistics of a list of closed trades in one pass over their pnl (and one over their returns, when the
// backtest provides them): counts, win rate, gross profit and loss, averages and expectancy.

import { ratioOrNaN } from './ratio';

/** Closed trades as columns, one element per trade, so a backtest fills typed arrays instead of objects. */
export interface TradeColumns {
  /** Profit or loss of each trade in account currency, after costs. */
  readonly pnl: Float64Array;
  /** Simple return of each trade (pnl over the capital committed), when the backtest knows it. */
  readonly returns?: Float64Array;
  /** Bars each trade was held. No registry metric reads it yet; it travels with the trades for display. */
  readonly barsHeld?: Float64Array;
}

export interface TradeStats {
  /** Number of trades. */
  readonly count: number;
  /** Trades with pnl > 0. */
  readonly wins: number;
  /** Trades with pnl < 0. Trades with pnl exactly 0 are neither wins nor losses (but count in `count`). */
  readonly losses: number;
  /** `Σ pnl` over winning trades (≥ 0). */
  readonly grossProfit: number;
  /** `Σ pnl` over losing trades, signed (≤ 0). */
  readonly grossLoss: number;
  /** `wins / count`. NaN without trades. */
  readonly winRate: number;
  /** `grossProfit / |grossLoss|`. NaN without a losing trade (see ratioOrNaN) and without trades. */
  readonly profitFactor: number;
  /** `grossProfit / wins`. NaN without a winning trade. */
  readonly averageWin: number;
  /** `grossLoss / losses`, signed (negative). NaN without a losing trade. */
  readonly averageLoss: number;
  /** Mean pnl per trade `Σ pnl / count`, in currency. NaN without trades. */
  readonly expectancy: number;
  /** Mean trade return `Σ returns / count`. NaN without trades or when the trades carry no returns. */
  readonly expectancyReturn: number;
}

/**
 * Statistics of `trades`. Any NaN or infinite pnl makes every pnl-based field NaN (count stays the array length)
 * rather than silently dropping the trade; a non-finite trade return does the same to expectancyReturn.
 *
 * @throws Error if trades.returns is given with a different length than trades.pnl (a backtest bug).
 */
export function tradeStats(trades: TradeColumns): TradeStats {
  const { pnl, returns } = trades;
  const count = pnl.length;
  if (returns !== undefined && returns.length !== count) {
    throw new Error(`tradeStats: trades.returns has ${returns.length} elements but trades.pnl has ${count}`);
  }
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  for (let i = 0; i < count; i++) {
    const p = pnl[i];
    if (p > 0) {
      wins++;
      grossProfit += p;
    } else if (p < 0) {
      losses++;
      grossLoss += p;
    } else if (p !== 0) {
      return nonFiniteTrades(count);
    }
  }
  if (!Number.isFinite(grossProfit) || !Number.isFinite(grossLoss)) return nonFiniteTrades(count);

  let expectancyReturn = NaN;
  if (returns !== undefined && count > 0) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += returns[i];
    expectancyReturn = Number.isFinite(sum) ? sum / count : NaN;
  }
  return {
    count,
    wins,
    losses,
    grossProfit,
    grossLoss,
    winRate: count > 0 ? wins / count : NaN,
    profitFactor: count > 0 ? ratioOrNaN(grossProfit, -grossLoss) : NaN,
    averageWin: wins > 0 ? grossProfit / wins : NaN,
    averageLoss: losses > 0 ? grossLoss / losses : NaN,
    expectancy: count > 0 ? (grossProfit + grossLoss) / count : NaN,
    expectancyReturn,
  };
}

function nonFiniteTrades(count: number): TradeStats {
  return {
    count,
    wins: NaN,
    losses: NaN,
    grossProfit: NaN,
    grossLoss: NaN,
    winRate: NaN,
    profitFactor: NaN,
    averageWin: NaN,
    averageLoss: NaN,
    expectancy: NaN,
    expectancyReturn: NaN,
  };
}
