// The built-in strategies (one file each), the shared 'mode' parameter and the registry that lists them.
// Re-exports the public API of this folder.
export { BUILTIN_STRATEGIES, findBuiltinStrategy, getBuiltinStrategy } from './registry';
export { POSITION_MODES, positionModeParam } from './positionMode';
export type { PositionMode } from './positionMode';
export { crossoverTargets } from './crossoverTargets';
export { smaCrossover, type SmaCrossoverParams } from './smaCrossover';
export { emaCrossover, type EmaCrossoverParams } from './emaCrossover';
export { macdTrend, type MacdTrendParams } from './macdTrend';
export { rsiReversion, type RsiReversionParams } from './rsiReversion';
export { bollingerReversion, type BollingerReversionParams } from './bollingerReversion';
export { donchianBreakout, type DonchianBreakoutParams } from './donchianBreakout';
export { tsMomentum, type TsMomentumParams } from './tsMomentum';
