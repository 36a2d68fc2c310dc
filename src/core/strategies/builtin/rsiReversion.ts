// Built-in 'rsi-reversion': buy when the RSI is oversold, hold until it recovers to the exit level.
import { cachedRsi } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { paramOrder } from '../paramSpec';
import { positionModeParam, type PositionMode } from './positionMode';

export type RsiReversionParams = { period: number; lower: number; exit: number; upper: number; mode: PositionMode };

/**
 * A state machine on r = RSI(close, period)[t], flat at the start. On each bar, exits first: a long exits when
 * r > exit, a short when r < exit. Then, if flat: long when r < lower; short ('long-short' only) when r > upper.
 * So one bar can close a long and open a short. A NaN RSI (warm-up: the first `period` bars) changes nothing,
 * hence target 0 during warm-up. `upper` has no effect in 'long-flat' mode.
 */
export const rsiReversion = defineStrategy<RsiReversionParams>({
  name: 'rsi-reversion',
  label: 'RSI reversion',
  version: '1.0.0',
  description:
    'Buys when the RSI falls below the lower threshold and sells when it rises above the exit level; in long-short mode also shorts above the upper threshold until the RSI falls below the exit level.',
  params: [
    { name: 'period', label: 'RSI period', type: 'int', low: 2, high: 50, log: true, default: 14, description: 'Bars in the RSI (Wilder smoothing).' },
    { name: 'lower', label: 'Oversold level', type: 'float', low: 5, high: 45, default: 30, description: 'Go long when the RSI is below this.' },
    { name: 'exit', label: 'Exit level', type: 'float', low: 30, high: 70, default: 50, description: 'Close a long above this, a short below it.' },
    { name: 'upper', label: 'Overbought level', type: 'float', low: 55, high: 95, default: 70, description: 'Go short above this (long-short mode only).' },
    positionModeParam('long-flat'),
  ],
  constraints: [paramOrder('lower', 'exit'), paramOrder('exit', 'upper')],
  targets(data, p, ctx) {
    const r = cachedRsi(data, ctx, p.period);
    const short = p.mode === 'long-short';
    const out = new Float64Array(data.length);
    let pos = 0;
    for (let t = 0; t < out.length; t++) {
      const v = r[t];
      if (v === v) {
        if ((pos > 0 && v > p.exit) || (pos < 0 && v < p.exit)) pos = 0;
        if (pos === 0) {
          if (v < p.lower) pos = 1;
          else if (short && v > p.upper) pos = -1;
        }
      }
      out[t] = pos;
    }
    return out;
  },
});
