// Cash, position and the open trade of one simulated account. Every fill goes through Ledger.fill, so costs, the
// trade list and equity stay consistent: final equity = initialCapital + sum of trade pnl, to rounding.

import type { CostModel } from './costModel';
import type { TradeLogBuilder } from './tradeLog';

/** Ledger.fill results. */
export const FILL_NONE = 0;
export const FILL_CHANGED = 1;
/** A new trade started (from flat or by a reversal); the caller restarts its stops. */
export const FILL_OPENED = 2;

/**
 * Bookkeeping: equity at price P is cash + units x P. A fill of du = newUnits - units at reference price P fills at
 * F = costModel.fillPrice(P, du) and pays fees C: cash -= du x F + C. Its cost is C + du x (F - P) (fees plus
 * slippage), which is exactly what equity at P loses.
 *
 * The bar loops keep cash in a local for speed and hand it over with sync() before every fill. Trade times are
 * not looked up here (a scattered read per fill would miss the cache); the trade log fills them from bar indices
 * when first read.
 */
export class Ledger {
  // NaN, not 0, so V8 keeps these fields as unboxed doubles from the start (see LoopState).
  cash = NaN;
  units = NaN;
  totalFees = NaN;
  totalSlippage = NaN;
  totalBorrow = NaN;
  /** Fill price of the open trade's opening fill. */
  entryPrice = NaN;
  private entryIndex = 0;
  private entrySize = NaN;
  /** Equity right before the open trade's opening fill (after the closing half's costs on a reversal). */
  private entryEquity = NaN;
  private tradeCosts = NaN;
  private costModel: CostModel | null = null;

  constructor(private readonly log: TradeLogBuilder) {}

  reset(initialCapital: number, costModel: CostModel): void {
    this.cash = initialCapital;
    this.units = 0;
    this.totalFees = 0;
    this.totalSlippage = 0;
    this.totalBorrow = 0;
    this.entryPrice = 0;
    this.tradeCosts = 0;
    this.costModel = costModel;
    this.log.clear();
  }

  /** Takes the loop's cash and the borrow it charged since the last sync (all of it belongs to the open trade). */
  sync(cash: number, borrowSinceLastSync: number): void {
    this.cash = cash;
    if (borrowSinceLastSync !== 0) {
      this.tradeCosts += borrowSinceLastSync;
      this.totalBorrow += borrowSinceLastSync;
    }
  }

  /**
   * Moves the position to `newUnits` at `referencePrice` during bar `index`. `exitReason` (an ExitReasonCode) is
   * recorded if the fill closes or reverses the open trade.
   */
  fill(index: number, referencePrice: number, newUnits: number, exitReason: number): number {
    const oldUnits = this.units;
    const du = newUnits - oldUnits;
    if (du === 0) return FILL_NONE;
    if (!(referencePrice > 0 && referencePrice < Infinity)) {
      throw new RangeError(`simulate: bar ${index} has no usable fill price (${referencePrice}); prices must be finite and > 0`);
    }
    const costModel = this.costModel!;
    const price = costModel.fillPrice(referencePrice, du);
    const fees = costModel.fees(price, du);
    const slippage = du * (price - referencePrice);
    const cost = fees + slippage;
    const equityBefore = this.cash + oldUnits * referencePrice;
    this.cash = this.cash - du * price - fees;
    this.units = newUnits;
    this.totalFees += fees;
    this.totalSlippage += slippage;

    if (oldUnits === 0) {
      this.open(index, price, newUnits, equityBefore, cost);
      return FILL_OPENED;
    }
    if (newUnits !== 0 && newUnits > 0 === oldUnits > 0) {
      this.tradeCosts += cost;
      return FILL_CHANGED;
    }
    if (newUnits === 0) {
      // Equity after a closing fill is the cash itself; using it (rather than equityBefore - cost) makes the trade
      // pnls telescope exactly onto the equity curve.
      this.record(index, price, this.cash, cost, exitReason);
      return FILL_CHANGED;
    }
    const closed = Math.abs(oldUnits);
    const closingCost = (cost * closed) / (closed + Math.abs(newUnits));
    const equityBetween = equityBefore - closingCost;
    this.record(index, price, equityBetween, closingCost, exitReason);
    this.open(index, price, newUnits, equityBetween, cost - closingCost);
    return FILL_OPENED;
  }

  private open(index: number, price: number, units: number, equityBefore: number, cost: number): void {
    this.entryIndex = index;
    this.entryPrice = price;
    this.entrySize = units;
    this.entryEquity = equityBefore;
    this.tradeCosts = cost;
  }

  private record(index: number, price: number, equityAfter: number, cost: number, exitReason: number): void {
    const log = this.log;
    const k = log.appendRow();
    log.entryIndex[k] = this.entryIndex;
    log.exitIndex[k] = index;
    log.entryPrice[k] = this.entryPrice;
    log.exitPrice[k] = price;
    log.size[k] = this.entrySize;
    log.pnl[k] = equityAfter - this.entryEquity;
    log.costs[k] = this.tradeCosts + cost;
    log.barsHeld[k] = index - this.entryIndex;
    log.exitReason[k] = exitReason;
    this.tradeCosts = 0;
  }
}
