// Built-in 'ema-crossover': long while the fast exponential moving average of the close is above the slow one.
import { cachedEma } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { paramOrder } from '../paramSpec';
import { crossoverTargets } from './crossoverTargets';
import { positionModeParam, type PositionMode } from './positionMode';

export type EmaCrossoverParams = { fast: number; slow: number; mode: PositionMode };

/**
 * targets[t] = +1 if EMA(close, fast)[t] > EMA(close, slow)[t]; if below, 0 ('long-flat') or -1 ('long-short');
 * 0 if equal. EMAs are seeded with the mean of their first n closes (see ema), so warm-up is 0 for the first
 * slow-1 bars.
 */
export const emaCrossover = defineStrategy<EmaCrossoverParams>({
  name: 'ema-crossover',
  label: 'EMA crossover',
  version: '1.0.0',
  description: 'Long while the fast exponential moving average of the close is above the slow one; otherwise flat, or short in long-short mode.',
  params: [
    { name: 'fast', label: 'Fast period', type: 'int', low: 2, high: 100, log: true, default: 10, description: 'Bars in the fast EMA.' },
    { name: 'slow', label: 'Slow period', type: 'int', low: 10, high: 400, log: true, default: 50, description: 'Bars in the slow EMA.' },
    positionModeParam('long-flat'),
  ],
  constraints: [paramOrder('fast', 'slow')],
  targets(data, p, ctx) {
    return crossoverTargets(cachedEma(data, ctx, p.fast), cachedEma(data, ctx, p.slow), p.mode === 'long-short');
  },
});
