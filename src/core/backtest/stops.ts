// Stop-loss, take-profit and trailing stop for the open trade, evaluated inside each bar from its open, high and low
// (or from the close alone on close-only data). One tracker per run, restarted at every new trade.

import { ExitReasonCode } from './exitReason';

/** Stop settings in percent of price (5 = 5 %); 0 turns a stop off. */
export interface StopSettings {
  readonly stopLossPct: number;
  readonly takeProfitPct: number;
  readonly trailingStopPct: number;
}

const NO_EXIT = 0;

/**
 * Levels, for a long entered at fill price E (shorts mirror every inequality):
 *   stop-loss     E x (1 - stopLossPct/100)
 *   take-profit   E x (1 + takeProfitPct/100)
 *   trailing      P x (1 - trailingStopPct/100), P = highest price seen since entry: E, then each later bar's high
 *                 (close on close-only data).
 * The stop that applies is the higher of stop-loss and trailing (a falling price meets it first); on a tie the
 * exit is reported as 'stopLoss'.
 *
 * Within a bar the path between open, high and low is unknown, so the order is pessimistic:
 *   1. open at or beyond the stop (a gap): exit at the open, which is worse than the stop;
 *   2. open at or beyond the take-profit (a favourable gap): exit at the open, as a resting limit order would;
 *   3. low touches the stop: exit at the stop level, even if the high also touched the take-profit (stop first);
 *   4. high touches the take-profit: exit at the take-profit level.
 * The trailing level used inside a bar comes from highs up to the previous bar, because whether this bar's high
 * came before its low is unknown; the bar's high raises it only afterwards.
 * Close-only data: the close stands for open, high and low, so a stop or take-profit triggers when the close
 * reaches it and fills at that close.
 */
export class StopTracker {
  /** True when at least one stop is on; when false the engine never calls checkBar. */
  active = false;
  /** Reference price of the last exit found by checkBar. */
  exitPrice = NaN;
  private lossFraction = NaN;
  private profitFraction = NaN;
  private trailFraction = NaN;
  private long = true;
  private stopLossLevel = NaN;
  private takeProfitLevel = NaN;
  /** Highest (long) or lowest (short) price since entry; tracked only with a trailing stop. */
  private extreme = NaN;
  /** The stop in force (the tighter of stop-loss and trailing) and its exit reason, updated when extreme moves. */
  private stopLevel = NaN;
  private stopReason = 0;
  private trailing = false;

  configure(settings: StopSettings): void {
    this.lossFraction = settings.stopLossPct / 100;
    this.profitFraction = settings.takeProfitPct / 100;
    this.trailFraction = settings.trailingStopPct / 100;
    this.trailing = this.trailFraction > 0;
    this.active = this.lossFraction > 0 || this.profitFraction > 0 || this.trailFraction > 0;
  }

  /** A new trade of signed `units` was entered at fill price `entryPrice`. */
  start(units: number, entryPrice: number): void {
    this.long = units > 0;
    this.extreme = entryPrice;
    const side = this.long ? 1 : -1;
    this.stopLossLevel = this.lossFraction > 0 ? entryPrice * (1 - side * this.lossFraction) : side * -Infinity;
    this.takeProfitLevel = this.profitFraction > 0 ? entryPrice * (1 + side * this.profitFraction) : side * Infinity;
    this.updateStop();
  }

  /**
   * Intrabar check of one bar; returns an ExitReasonCode with exitPrice set, or 0 (and then moves the trail).
   * A check that finds an exit changes nothing but exitPrice, so repeating it gives the same answer.
   * On close-only data pass the close as open, high and low.
   */
  checkBar(open: number, high: number, low: number): number {
    const stop = this.stopLevel;
    const target = this.takeProfitLevel;
    if (this.long) {
      if (open <= stop) return this.exit(open, this.stopReason);
      if (open >= target) return this.exit(open, ExitReasonCode.takeProfit);
      if (low <= stop) return this.exit(stop, this.stopReason);
      if (high >= target) return this.exit(target, ExitReasonCode.takeProfit);
      if (this.trailing && high > this.extreme) {
        this.extreme = high;
        this.updateStop();
      }
    } else {
      if (open >= stop) return this.exit(open, this.stopReason);
      if (open <= target) return this.exit(open, ExitReasonCode.takeProfit);
      if (high >= stop) return this.exit(stop, this.stopReason);
      if (low <= target) return this.exit(target, ExitReasonCode.takeProfit);
      if (this.trailing && low < this.extreme) {
        this.extreme = low;
        this.updateStop();
      }
    }
    return NO_EXIT;
  }

  private updateStop(): void {
    if (!this.trailing) {
      this.stopLevel = this.stopLossLevel;
      this.stopReason = ExitReasonCode.stopLoss;
    } else if (this.long) {
      const trail = this.extreme * (1 - this.trailFraction);
      const trailing = trail > this.stopLossLevel;
      this.stopLevel = trailing ? trail : this.stopLossLevel;
      this.stopReason = trailing ? ExitReasonCode.trailingStop : ExitReasonCode.stopLoss;
    } else {
      const trail = this.extreme * (1 + this.trailFraction);
      const trailing = trail < this.stopLossLevel;
      this.stopLevel = trailing ? trail : this.stopLossLevel;
      this.stopReason = trailing ? ExitReasonCode.trailingStop : ExitReasonCode.stopLoss;
    }
  }

  private exit(price: number, reason: number): number {
    this.exitPrice = price;
    return reason;
  }
}
