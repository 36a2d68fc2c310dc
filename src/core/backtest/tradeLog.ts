// The trade list of a backtest as columns of typed arrays (one row per round trip), and the growable builder the
// engine appends to. Columns keep the hot loop allocation-free and hand over to workers without copying.

import { exitReasonName, type ExitReason } from './exitReason';

/**
 * One row per trade. A trade runs from the fill that opens a position (from flat, or the opening half of a
 * reversal) to the fill that makes it flat or reverses it. Resizes in between (a target change of the same sign,
 * or an every-bar rebalance) stay in the same trade: their costs and profit are in `costs` and `pnl`, but `size`
 * and `entryPrice` describe the opening fill only.
 */
export interface TradeLog {
  readonly count: number;
  /** Bar index of the opening fill (the bar whose open or close it filled at, not the signal bar). */
  readonly entryIndex: Int32Array;
  /** Bar index of the closing fill. */
  readonly exitIndex: Int32Array;
  /**
   * bars.time at entryIndex / exitIndex, epoch ms UTC. Filled on first read (a tuning trial rarely reads them, and
   * looking them up costs a scattered read per trade); structured clone copies them like the other columns.
   */
  readonly entryTime: Float64Array;
  readonly exitTime: Float64Array;
  /** Fill prices after slippage. */
  readonly entryPrice: Float64Array;
  readonly exitPrice: Float64Array;
  /** Signed units of the opening fill (> 0 long, < 0 short). */
  readonly size: Float64Array;
  /**
   * Net profit in account currency after every cost of the trade: equity right after the closing fill minus equity
   * right before the opening fill (a reversal fill's costs are split between the two trades by units).
   */
  readonly pnl: Float64Array;
  /** Commission, fees, slippage and borrow paid over the trade, account currency. */
  readonly costs: Float64Array;
  /** exitIndex - entryIndex (0 when a trade opened at a bar's open is stopped out in that same bar). */
  readonly barsHeld: Int32Array;
  /** ExitReasonCode; EXIT_REASONS[code] is its name. */
  readonly exitReason: Uint8Array;
}

/** One trade as a plain object, for display and export (the columns stay the fast path). */
export interface TradeRecord {
  entryIndex: number;
  exitIndex: number;
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  size: number;
  pnl: number;
  costs: number;
  barsHeld: number;
  exitReason: ExitReason;
}

export function tradeAt(log: TradeLog, k: number): TradeRecord {
  if (!Number.isInteger(k) || k < 0 || k >= log.count) throw new RangeError(`tradeAt: no trade ${k} (count ${log.count})`);
  return {
    entryIndex: log.entryIndex[k],
    exitIndex: log.exitIndex[k],
    entryTime: log.entryTime[k],
    exitTime: log.exitTime[k],
    entryPrice: log.entryPrice[k],
    exitPrice: log.exitPrice[k],
    size: log.size[k],
    pnl: log.pnl[k],
    costs: log.costs[k],
    barsHeld: log.barsHeld[k],
    exitReason: exitReasonName(log.exitReason[k]),
  };
}

const MIN_CAPACITY = 64;

/** Growable columns: capacity doubles when full, so reuse across runs stops allocating once it fits the busiest run. */
export class TradeLogBuilder {
  count = 0;
  /** Where entryTime / exitTime come from, or null when the caller writes them itself. */
  private timeSource: Float64Array | null = null;
  entryIndex: Int32Array;
  exitIndex: Int32Array;
  entryTime: Float64Array;
  exitTime: Float64Array;
  entryPrice: Float64Array;
  exitPrice: Float64Array;
  size: Float64Array;
  pnl: Float64Array;
  costs: Float64Array;
  barsHeld: Int32Array;
  exitReason: Uint8Array;

  constructor(capacity = MIN_CAPACITY) {
    const c = Math.max(MIN_CAPACITY, Math.floor(capacity));
    this.entryIndex = new Int32Array(c);
    this.exitIndex = new Int32Array(c);
    this.entryTime = new Float64Array(c);
    this.exitTime = new Float64Array(c);
    this.entryPrice = new Float64Array(c);
    this.exitPrice = new Float64Array(c);
    this.size = new Float64Array(c);
    this.pnl = new Float64Array(c);
    this.costs = new Float64Array(c);
    this.barsHeld = new Int32Array(c);
    this.exitReason = new Uint8Array(c);
  }

  get capacity(): number {
    return this.size.length;
  }

  clear(): void {
    this.count = 0;
    this.timeSource = null;
  }

  /** entryTime / exitTime of every row are bars.time at its indices, looked up when first read. */
  setTimeSource(time: Float64Array): void {
    this.timeSource = time;
  }

  /** Reserves the next row and returns its index; the caller fills every column at that index. */
  appendRow(): number {
    if (this.count === this.size.length) this.grow();
    return this.count++;
  }

  /**
   * The rows written so far, as views (valid until the builder is cleared or grows). The time columns are own
   * getters that fill them from the time source on first read.
   */
  view(): TradeLog {
    const n = this.count;
    const { entryIndex, exitIndex, entryTime, exitTime } = this;
    let time = this.timeSource;
    this.timeSource = null;
    const fillTimes = (): void => {
      if (time === null) return;
      for (let k = 0; k < n; k++) {
        entryTime[k] = time[entryIndex[k]];
        exitTime[k] = time[exitIndex[k]];
      }
      time = null;
    };
    let entryTimeView: Float64Array | null = null;
    let exitTimeView: Float64Array | null = null;
    return {
      count: n,
      entryIndex: entryIndex.subarray(0, n),
      exitIndex: exitIndex.subarray(0, n),
      get entryTime(): Float64Array {
        fillTimes();
        return (entryTimeView ??= entryTime.subarray(0, n));
      },
      get exitTime(): Float64Array {
        fillTimes();
        return (exitTimeView ??= exitTime.subarray(0, n));
      },
      entryPrice: this.entryPrice.subarray(0, n),
      exitPrice: this.exitPrice.subarray(0, n),
      size: this.size.subarray(0, n),
      pnl: this.pnl.subarray(0, n),
      costs: this.costs.subarray(0, n),
      barsHeld: this.barsHeld.subarray(0, n),
      exitReason: this.exitReason.subarray(0, n),
    };
  }

  private grow(): void {
    const c = this.size.length * 2;
    this.entryIndex = grown(this.entryIndex, new Int32Array(c));
    this.exitIndex = grown(this.exitIndex, new Int32Array(c));
    this.entryTime = grown(this.entryTime, new Float64Array(c));
    this.exitTime = grown(this.exitTime, new Float64Array(c));
    this.entryPrice = grown(this.entryPrice, new Float64Array(c));
    this.exitPrice = grown(this.exitPrice, new Float64Array(c));
    this.size = grown(this.size, new Float64Array(c));
    this.pnl = grown(this.pnl, new Float64Array(c));
    this.costs = grown(this.costs, new Float64Array(c));
    this.barsHeld = grown(this.barsHeld, new Int32Array(c));
    this.exitReason = grown(this.exitReason, new Uint8Array(c));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
