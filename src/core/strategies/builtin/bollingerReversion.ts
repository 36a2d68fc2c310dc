// Built-in 'bollinger-reversion': buy a close below the lower Bollinger band, sell once it is back at the middle.
import { cachedRollingStd, cachedSma } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { positionModeParam, type PositionMode } from './positionMode';

export type BollingerReversionParams = { period: number; k: number; mode: PositionMode };

/**
 * A state machine on c = close[t] against the bands at t (middle = SMA(close, period), bands = middle ± k ×
 * population SD), flat at the start. Exits first: a long exits when c >= middle, a short when c <= middle. Then,
 * if flat: long when c < lower; short ('long-short' only) when c > upper. Bars whose bands are NaN (warm-up: the
 * first period-1 bars) change nothing, hence target 0 during warm-up.
 */
export const bollingerReversion = defineStrategy<BollingerReversionParams>({
  name: 'bollinger-reversion',
  label: 'Bollinger reversion',
  version: '1.0.0',
  description:
    'Buys when the close falls below the lower Bollinger band and sells when it reaches the middle band; in long-short mode also shorts above the upper band until the close is back at the middle.',
  params: [
    { name: 'period', label: 'Period', type: 'int', low: 5, high: 200, log: true, default: 20, description: 'Bars in the moving average and SD.' },
    { name: 'k', label: 'Band width (SDs)', type: 'float', low: 0.5, high: 4, default: 2, description: 'Bands sit k standard deviations from the middle.' },
    positionModeParam('long-flat'),
  ],
  targets(data, p, ctx) {
    // The bands are formed here rather than cached per k: k is continuous, so a cache keyed on it would miss on
    // every trial. Same expressions as bbandsInto, so the values are identical to bbands(close, period, k).
    const middle = cachedSma(data, ctx, p.period);
    const sd = cachedRollingStd(data, ctx, p.period, 'close', false);
    const k = p.k;
    const close = data.close;
    const short = p.mode === 'long-short';
    const out = new Float64Array(data.length);
    let pos = 0;
    for (let t = 0; t < out.length; t++) {
      const c = close[t];
      const m = middle[t];
      if (m === m && c === c) {
        if ((pos > 0 && c >= m) || (pos < 0 && c <= m)) pos = 0;
        if (pos === 0) {
          if (c < m - k * sd[t]) pos = 1;
          else if (short && c > m + k * sd[t]) pos = -1;
        }
      }
      out[t] = pos;
    }
    return out;
  },
});
