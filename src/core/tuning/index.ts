// Bayesian tuning of strategy parameters: search spaces and their unit-cube codec, the ask/tell study, the
// samplers (random, Sobol, TPE, GP), Pareto helpers, Sobol sequences, the GP numerics and benchmark problems.
export * from './space/index';
export * from './objectives/index';
export * from './study/index';
export * from './samplers/index';
export * from './sobol/index';
export * from './benchmarks/index';
export * from './gp/index';
