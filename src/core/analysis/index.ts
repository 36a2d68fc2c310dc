// Overfitting and significance statistics for backtests: PSR, the Deflated Sharpe Ratio, the Minimum Track Record
// Length, the inverse normal CDF they use, and the Probability of Backtest Overfitting by CSCV.
export { normalQuantile } from './normalQuantile';
export { sharpeMomentTerm } from './sharpeMomentTerm';
export { probabilisticSharpeRatio, type ProbabilisticSharpeInput } from './probabilisticSharpeRatio';
export {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  EULER_MASCHERONI,
  type DeflatedSharpeInput,
  type ExpectedMaxSharpeInput,
} from './deflatedSharpeRatio';
export { minTrackRecordLength, type MinTrackRecordInput } from './minTrackRecordLength';
export { pbo, type PboMetric, type PboOptions, type PboResult } from './pbo';
export type { OlsLine } from './olsLine';
