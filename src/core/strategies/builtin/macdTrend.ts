// Built-in 'macd-trend': long while the MACD line is above its signal line.
import { cachedMacd } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { paramOrder } from '../paramSpec';
import { crossoverTargets } from './crossoverTargets';
import { positionModeParam, type PositionMode } from './positionMode';

export type MacdTrendParams = { fast: number; slow: number; signal: number; mode: PositionMode };

/**
 * targets[t] = +1 if MACD[t] > signal[t] (MACD = EMA(close, fast) - EMA(close, slow), signal = EMA(MACD, signal));
 * if below, 0 ('long-flat') or -1 ('long-short'); 0 if equal. Warm-up: 0 until the signal line exists, i.e. for
 * the first slow + signal - 2 bars.
 */
export const macdTrend = defineStrategy<MacdTrendParams>({
  name: 'macd-trend',
  label: 'MACD trend',
  version: '1.0.0',
  description: 'Long while the MACD line (fast EMA minus slow EMA of the close) is above its signal line; otherwise flat, or short in long-short mode.',
  params: [
    { name: 'fast', label: 'Fast period', type: 'int', low: 2, high: 50, log: true, default: 12, description: 'Bars in the fast EMA.' },
    { name: 'slow', label: 'Slow period', type: 'int', low: 10, high: 200, log: true, default: 26, description: 'Bars in the slow EMA.' },
    { name: 'signal', label: 'Signal period', type: 'int', low: 2, high: 50, log: true, default: 9, description: 'Bars in the EMA of the MACD line.' },
    positionModeParam('long-flat'),
  ],
  constraints: [paramOrder('fast', 'slow')],
  targets(data, p, ctx) {
    const m = cachedMacd(data, ctx, p.fast, p.slow, p.signal);
    return crossoverTargets(m.macd, m.signal, p.mode === 'long-short');
  },
});
