// The performance profile of a backtest: decimated equity, buy-and-hold and drawdown curves, rolling Sharpe,
// monthly returns, the return histogram and the price series, plus the trade log as a plain table for display.
export { buildPerformanceProfile, DEFAULT_PROFILE_POINTS, type PerformanceProfileInput } from './buildPerformanceProfile';
export { buildTradeTable } from './buildTradeTable';
export { bucketEnds } from './bucketBounds';
export { equityCurve, type EquityCurveInput } from './equityCurve';
export { defaultRollingWindow, MIN_ROLLING_WINDOW, rollingSharpe, type RollingSharpeInput } from './rollingSharpe';
export { monthlyReturns } from './monthlyReturns';
export { MAX_BINS, returnHistogram } from './returnHistogram';
export type { MonthlyReturn, PerformanceProfile, ProfileCurve, ReturnDistribution, RollingSharpe, TradeTable } from './performanceProfile';
