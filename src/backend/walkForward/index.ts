// Walk-forward optimisation: the service that runs a study per window and tests its choice out of sample, the
// window evaluator (a worker backtest on a bar range), the stored result and summary, and the SQLite tables.
export { WalkForwardService, windowsFor, type RobustChoice, type WalkForwardServiceOptions } from './walkForwardService';
