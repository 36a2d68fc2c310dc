// Transaction and holding costs as a swappable object, so a backtest prices fills the way a broker would.
// bpsCostModel is the standard one: commission in bps of notional plus a fixed fee per fill, slippage, short borrow.

import { rejectUnknownKeys, requireInRange, requireNonNegative } from './settingChecks';

/**
 * What a backtest asks a cost model. The engine calls fillPrice and fees only when an order fills (rare next to
 * bars), and shortBorrowRatePerBar once per run, so the per-bar loop never calls into the model.
 */
export interface CostModel {
  /**
   * Price an order of `units` (signed: > 0 buys, < 0 sells) actually fills at when the reference price (open,
   * close or stop level) is `referencePrice`. A realistic model fills buys higher and sells lower.
   */
  fillPrice(referencePrice: number, units: number): number;
  /** Commission and fees for one fill of `units` at `fillPrice`, in account currency, >= 0. */
  fees(fillPrice: number, units: number): number;
  /** Borrow charged per bar on short notional (valued at the bar's close), as a fraction of that notional. */
  shortBorrowRatePerBar(periodsPerYear: number): number;
}

export interface BpsCostModelOptions {
  /** Commission in basis points of traded notional (|units| x fill price); 1 bp = 0.01 %. Default 0. */
  commissionBps?: number;
  /** Fixed fee per fill, in account currency. A reversal (long to short) is one fill. Default 0. */
  commissionPerTrade?: number;
  /** Slippage in basis points: buys fill at price x (1 + bps/1e4), sells at price x (1 - bps/1e4). Default 0. */
  slippageBps?: number;
  /**
   * Annual borrow rate on short notional as a decimal fraction (0.02 = 2 % a year), charged per bar as
   * borrowRateAnnual / periodsPerYear (simple, not compounded). Default 0.
   */
  borrowRateAnnual?: number;
}

const OWNER = 'bpsCostModel';
const KNOWN: readonly (keyof BpsCostModelOptions)[] = ['commissionBps', 'commissionPerTrade', 'slippageBps', 'borrowRateAnnual'];
const BPS_PER_UNIT = 10_000;

/** Commission in bps plus a fixed fee per fill, slippage in bps, and a short borrow rate. Immutable. */
export class BpsCostModel implements CostModel {
  readonly commissionBps: number;
  readonly commissionPerTrade: number;
  readonly slippageBps: number;
  readonly borrowRateAnnual: number;
  private readonly commissionRate: number;
  private readonly buyMultiplier: number;
  private readonly sellMultiplier: number;

  constructor(options: BpsCostModelOptions = {}) {
    rejectUnknownKeys(OWNER, options, KNOWN);
    this.commissionBps = requireNonNegative(OWNER, 'commissionBps', options.commissionBps ?? 0);
    this.commissionPerTrade = requireNonNegative(OWNER, 'commissionPerTrade', options.commissionPerTrade ?? 0);
    // 10,000 bps of slippage would make a sell fill at a price <= 0.
    this.slippageBps = requireInRange(OWNER, 'slippageBps', options.slippageBps ?? 0, {
      min: 0,
      max: BPS_PER_UNIT,
      minInclusive: true,
      maxInclusive: false,
    });
    this.borrowRateAnnual = requireNonNegative(OWNER, 'borrowRateAnnual', options.borrowRateAnnual ?? 0);
    this.commissionRate = this.commissionBps / BPS_PER_UNIT;
    this.buyMultiplier = 1 + this.slippageBps / BPS_PER_UNIT;
    this.sellMultiplier = 1 - this.slippageBps / BPS_PER_UNIT;
  }

  fillPrice(referencePrice: number, units: number): number {
    return referencePrice * (units > 0 ? this.buyMultiplier : this.sellMultiplier);
  }

  fees(fillPrice: number, units: number): number {
    return Math.abs(units) * fillPrice * this.commissionRate + this.commissionPerTrade;
  }

  shortBorrowRatePerBar(periodsPerYear: number): number {
    return this.borrowRateAnnual / periodsPerYear;
  }
}

/** The standard cost model; see {@link BpsCostModelOptions} for the units of each rate. */
export function bpsCostModel(options: BpsCostModelOptions = {}): BpsCostModel {
  return new BpsCostModel(options);
}

/** No commission, no slippage, no borrow: the default, and the reference for "costs aside" comparisons. */
export const zeroCostModel: CostModel = new BpsCostModel();
