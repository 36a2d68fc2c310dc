// The settings of one backtest (capital, fill rule, direction, rebalancing, costs, sizing, stops) with defaults,
// and resolveBacktestSettings, which validates user input once and names the offending setting on error.

import type { CostModel } from './costModel';
import type { PositionSizing } from './positionSizing';
import { zeroCostModel } from './costModel';
import { allInSizing } from './positionSizing';
import {
  rejectUnknownKeys,
  requireChoice,
  requireInRange,
  requireNonNegative,
  requirePositive,
} from './settingChecks';

/**
 * When an order made from targets[t] fills:
 * - 'nextOpen': at the open of bar t+1 (needs an open column; a target on the last bar is never filled);
 * - 'close': at the close of bar t itself, i.e. the target was computed before the close printed.
 */
export type FillRule = 'nextOpen' | 'close';
/** 'longOnly' clips negative targets to 0, 'shortOnly' clips positive targets to 0. */
export type DirectionMode = 'longOnly' | 'shortOnly' | 'longShort';
/**
 * 'onTargetChange': trade only when the (clipped) target differs from the last one acted on; units are then held,
 * so exposure drifts with price. 'everyBar': every bar with a target re-sizes the position to its exposure (costs
 * are paid on every adjustment; what a volatility target or a constant-mix strategy assumes).
 */
export type RebalanceRule = 'onTargetChange' | 'everyBar';

export interface BacktestSettings {
  /** Starting equity in account currency, > 0. Default 100,000. */
  readonly initialCapital: number;
  /** Default 'nextOpen'. */
  readonly fill: FillRule;
  /** Default 'longShort'. */
  readonly direction: DirectionMode;
  /** Default 'onTargetChange'. */
  readonly rebalance: RebalanceRule;
  /** Default zeroCostModel. */
  readonly costModel: CostModel;
  /** Default allInSizing(). */
  readonly sizing: PositionSizing;
  /** Stop-loss distance from the entry fill price, percent (5 = 5 %), in [0, 100); 0 = off (default). */
  readonly stopLossPct: number;
  /** Take-profit distance from the entry fill price, percent, >= 0; 0 = off (default). */
  readonly takeProfitPct: number;
  /** Trailing stop distance from the best price since entry, percent, in [0, 100); 0 = off (default). */
  readonly trailingStopPct: number;
  /** Bars per year, for borrow (annual rate / periodsPerYear per bar) and volatility annualisation. Default 252. */
  readonly periodsPerYear: number;
}

export type BacktestOptions = Partial<BacktestSettings>;

const OWNER = 'backtest settings';
const FILL_RULES: readonly FillRule[] = ['nextOpen', 'close'];
const DIRECTIONS: readonly DirectionMode[] = ['longOnly', 'shortOnly', 'longShort'];
const REBALANCE_RULES: readonly RebalanceRule[] = ['onTargetChange', 'everyBar'];
const KNOWN: readonly (keyof BacktestSettings)[] = [
  'initialCapital',
  'fill',
  'direction',
  'rebalance',
  'costModel',
  'sizing',
  'stopLossPct',
  'takeProfitPct',
  'trailingStopPct',
  'periodsPerYear',
];
const PERCENT_BELOW_100 = { min: 0, max: 100, minInclusive: true, maxInclusive: false };

export const DEFAULT_BACKTEST_SETTINGS: BacktestSettings = Object.freeze({
  initialCapital: 100_000,
  fill: 'nextOpen',
  direction: 'longShort',
  rebalance: 'onTargetChange',
  costModel: zeroCostModel,
  sizing: allInSizing(),
  stopLossPct: 0,
  takeProfitPct: 0,
  trailingStopPct: 0,
  periodsPerYear: 252,
});

/** Settings objects that came out of resolveBacktestSettings, so simulate can skip validating them again. */
const resolved = new WeakSet<object>();

export function isResolvedBacktestSettings(settings: object): settings is BacktestSettings {
  return resolved.has(settings);
}

/**
 * Fills in defaults and validates; the result is frozen and cheap to pass to simulate repeatedly (a tuning loop
 * resolves once and reuses it).
 * @throws RangeError naming the setting, e.g. "backtest settings: stopLossPct must be a number in [0, 100), got NaN".
 */
export function resolveBacktestSettings(options: BacktestOptions = {}): BacktestSettings {
  if (isResolvedBacktestSettings(options)) return options;
  if (options === null || typeof options !== 'object') throw new TypeError(`${OWNER}: expected an object, got ${String(options)}`);
  rejectUnknownKeys(OWNER, options, KNOWN);
  const d = DEFAULT_BACKTEST_SETTINGS;
  const costModel = options.costModel ?? d.costModel;
  if (typeof costModel.fillPrice !== 'function' || typeof costModel.fees !== 'function' || typeof costModel.shortBorrowRatePerBar !== 'function') {
    throw new TypeError(`${OWNER}: costModel must implement CostModel (fillPrice, fees, shortBorrowRatePerBar)`);
  }
  const sizing = options.sizing ?? d.sizing;
  if (typeof sizing.exposure !== 'function') throw new TypeError(`${OWNER}: sizing must implement PositionSizing (exposure)`);
  const settings: BacktestSettings = Object.freeze({
    initialCapital: requirePositive(OWNER, 'initialCapital', options.initialCapital ?? d.initialCapital),
    fill: requireChoice(OWNER, 'fill', options.fill ?? d.fill, FILL_RULES),
    direction: requireChoice(OWNER, 'direction', options.direction ?? d.direction, DIRECTIONS),
    rebalance: requireChoice(OWNER, 'rebalance', options.rebalance ?? d.rebalance, REBALANCE_RULES),
    costModel,
    sizing,
    stopLossPct: requireInRange(OWNER, 'stopLossPct', options.stopLossPct ?? d.stopLossPct, PERCENT_BELOW_100),
    takeProfitPct: requireNonNegative(OWNER, 'takeProfitPct', options.takeProfitPct ?? d.takeProfitPct),
    trailingStopPct: requireInRange(OWNER, 'trailingStopPct', options.trailingStopPct ?? d.trailingStopPct, PERCENT_BELOW_100),
    periodsPerYear: requirePositive(OWNER, 'periodsPerYear', options.periodsPerYear ?? d.periodsPerYear),
  });
  const borrowPerBar = costModel.shortBorrowRatePerBar(settings.periodsPerYear);
  if (!(borrowPerBar >= 0 && borrowPerBar < Infinity)) {
    throw new RangeError(`${OWNER}: costModel.shortBorrowRatePerBar must be a finite number >= 0, got ${borrowPerBar}`);
  }
  resolved.add(settings);
  return settings;
}
