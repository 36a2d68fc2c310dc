// Holdout's pure domain code and the public entry point researchers script against: data, indicators,
// backtest, metrics, tuning and analysis. Nothing here touches Node, the DOM or Electron.
export * from './data';
export * from './indicators';
export * from './random';
