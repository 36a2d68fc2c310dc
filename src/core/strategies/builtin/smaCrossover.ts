// Built-in 'sma-crossover': long while the fast simple moving average of the close is above the slow one.
import { cachedSma } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { paramOrder } from '../paramSpec';
import { crossoverTargets } from './crossoverTargets';
import { positionModeParam, type PositionMode } from './positionMode';

export type SmaCrossoverParams = { fast: number; slow: number; mode: PositionMode };

/**
 * targets[t] = +1 if SMA(close, fast)[t] > SMA(close, slow)[t]; if below, 0 ('long-flat') or -1 ('long-short');
 * 0 if equal. Warm-up: 0 for the first slow-1 bars (until both averages exist).
 */
export const smaCrossover = defineStrategy<SmaCrossoverParams>({
  name: 'sma-crossover',
  label: 'SMA crossover',
  version: '1.0.0',
  description: 'Long while the fast simple moving average of the close is above the slow one; otherwise flat, or short in long-short mode.',
  params: [
    { name: 'fast', label: 'Fast period', type: 'int', low: 2, high: 100, log: true, default: 10, description: 'Bars in the fast SMA.' },
    { name: 'slow', label: 'Slow period', type: 'int', low: 10, high: 400, log: true, default: 50, description: 'Bars in the slow SMA.' },
    positionModeParam('long-flat'),
  ],
  constraints: [paramOrder('fast', 'slow')],
  targets(data, p, ctx) {
    return crossoverTargets(cachedSma(data, ctx, p.fast), cachedSma(data, ctx, p.slow), p.mode === 'long-short');
  },
});
