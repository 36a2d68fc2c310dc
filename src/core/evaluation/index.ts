// Evaluating a strategy end to end (targets, simulation, metrics): the objective of backtests and tuning trials.
// Re-exports the public API of this folder.
export { evaluateStrategy, type EvaluateStrategyInput, type StrategyEvaluation } from './evaluateStrategy';
export { exposureOf } from './exposure';
