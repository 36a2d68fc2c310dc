// The backtest engine: simulate turns per-bar targets into positions, equity, returns and a trade list, with
// fill rules, direction modes, swappable cost models and position sizing, and intrabar stops. Public API below.

export { simulate, type SimulateInput } from './simulate';
export {
  DEFAULT_BACKTEST_SETTINGS,
  resolveBacktestSettings,
  isResolvedBacktestSettings,
  type BacktestOptions,
  type BacktestSettings,
  type DirectionMode,
  type FillRule,
  type RebalanceRule,
} from './backtestSettings';
export type { BacktestResult, BacktestTotals } from './backtestResult';
export { createBacktestBuffers, type BacktestBuffers } from './backtestBuffers';
export { BpsCostModel, bpsCostModel, zeroCostModel, type BpsCostModelOptions, type CostModel } from './costModel';
export {
  allInSizing,
  fixedFractionSizing,
  volTargetSizing,
  type FixedFractionSizingOptions,
  type PositionSizing,
  type VolTargetSizingOptions,
} from './positionSizing';
export { trailingVolatilityAnnual } from './trailingVolatility';
export type { StopSettings, StopTracker } from './stops';
export { tradeAt, TradeLogBuilder, type TradeLog, type TradeRecord } from './tradeLog';
export type { Ledger } from './ledger';
export type { LoopState } from './loopState';
export { EXIT_REASONS, ExitReasonCode, exitReasonName, type ExitReason } from './exitReason';
