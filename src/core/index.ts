// Holdout's pure domain code and the public entry point researchers script against: data, indicators,
// backtest, metrics, strategies, tuning and analysis. Nothing here touches Node, the DOM or Electron.
export * from './data';
export * from './indicators';
export * from './indicatorCache';
export * from './backtest';
export * from './metrics';
export * from './strategies';
export * from './random';
export * from './tuning';
export * from './evaluation';
export * from './profile';
export * from './analysis';
export * from './validation';
export * from './studyAnalysis';
