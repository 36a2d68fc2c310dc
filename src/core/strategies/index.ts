// Strategies: the Strategy contract, parameter spaces and their validation, cached indicator access, and the
// built-in strategies with their registry. Re-exports the public API of this folder and of ./builtin.
export type { OptionalBarColumn, Strategy, StrategyContext } from './strategy';
export { constraintParams, paramOrder, satisfiesConstraint } from './paramSpec';
export type {
  CategoricalParamSpec,
  FloatParamSpec,
  IntParamSpec,
  LinearConstraint,
  ParamConstraint,
  ParamSpec,
  ParamValue,
  ParamValues,
  PredicateConstraint,
} from './paramSpec';
export { StrategyParamError } from './strategyParamError';
export type { StrategyParamErrorKind } from './strategyParamError';
export { validateParams } from './validateParams';
export { describeParamSpace } from './describeParamSpace';
export { formatDomain, formatValue } from './paramFormat';
export { checkStrategyDefinition } from './checkStrategyDefinition';
export { defineStrategy } from './defineStrategy';
export { createStrategyContext } from './strategyContext';
export type { StrategyContextOptions } from './strategyContext';
export { assertColumns, missingColumns } from './requiredColumns';
export { runStrategy } from './runStrategy';
export {
  barColumn,
  cachedAtr,
  cachedBbands,
  cachedEma,
  cachedLogReturns,
  cachedLogReturnVol,
  cachedMacd,
  cachedRoc,
  cachedRollingMax,
  cachedRollingMin,
  cachedRollingStd,
  cachedRsi,
  cachedSma,
} from './cachedIndicators';
export type { SeriesColumn } from './cachedIndicators';
export * from './builtin/index';
