// Built-in 'donchian-breakout': enter on a close beyond the previous N-bar channel, leave on the shorter exit
// channel or an ATR trailing stop, whichever comes first (a Turtle-style breakout).
import { cachedAtr, cachedRollingMax, cachedRollingMin } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { paramOrder } from '../paramSpec';
import { assertColumns } from '../requiredColumns';
import { positionModeParam, type PositionMode } from './positionMode';

export type DonchianBreakoutParams = { entryPeriod: number; exitPeriod: number; atrPeriod: number; atrMultiple: number; mode: PositionMode };

const REQUIRES = ['high', 'low'] as const;

/**
 * A state machine, flat at the start. Channels are taken at t-1 (bars t-N..t-1), so the close can break out of
 * them and nothing from bar t's own high or low leaks in. On each bar t, exits first:
 * - a long exits when close[t] < min(low over the exit period, at t-1) or close[t] < its stop, where the stop is
 *   the highest close from the entry bar to t-1 minus atrMultiple × ATR(atrPeriod)[t-1];
 * - a short mirrors this with the exit-period high and the lowest close plus atrMultiple × ATR.
 * Then, if flat and all channels at t-1 and ATR[t] exist: long when close[t] > max(high over the entry period,
 * at t-1); short ('long-short' only) when close[t] < the entry-period low. Warm-up: 0 for the first
 * max(entryPeriod, exitPeriod, atrPeriod) bars. NaN prices freeze the state (comparisons with NaN are false).
 */
export const donchianBreakout = defineStrategy<DonchianBreakoutParams>({
  name: 'donchian-breakout',
  label: 'Donchian breakout',
  version: '1.0.0',
  description:
    'Goes long when the close breaks above the previous entry-period high and exits below the previous exit-period low or an ATR trailing stop under the highest close since entry; long-short mode mirrors it for shorts.',
  params: [
    { name: 'entryPeriod', label: 'Entry channel', type: 'int', low: 5, high: 200, log: true, default: 20, description: 'Bars in the breakout channel.' },
    { name: 'exitPeriod', label: 'Exit channel', type: 'int', low: 2, high: 100, log: true, default: 10, description: 'Bars in the exit channel.' },
    { name: 'atrPeriod', label: 'ATR period', type: 'int', low: 2, high: 100, log: true, default: 20, description: 'Bars in the ATR (Wilder smoothing).' },
    { name: 'atrMultiple', label: 'Stop distance (ATRs)', type: 'float', low: 0.5, high: 10, default: 3, description: 'Trailing stop distance from the best close since entry.' },
    positionModeParam('long-flat'),
  ],
  constraints: [paramOrder('exitPeriod', 'entryPeriod', '<=')],
  requires: REQUIRES,
  targets(data, p, ctx) {
    assertColumns('donchian-breakout', data, REQUIRES);
    const close = data.close;
    const entryHigh = cachedRollingMax(data, ctx, p.entryPeriod, 'high');
    const entryLow = cachedRollingMin(data, ctx, p.entryPeriod, 'low');
    const exitHigh = cachedRollingMax(data, ctx, p.exitPeriod, 'high');
    const exitLow = cachedRollingMin(data, ctx, p.exitPeriod, 'low');
    const atr = cachedAtr(data, ctx, p.atrPeriod).atr;
    const m = p.atrMultiple;
    const short = p.mode === 'long-short';
    const out = new Float64Array(data.length);
    let pos = 0;
    // Best close since entry (highest for a long, lowest for a short), up to the previous bar.
    let extreme = NaN;
    for (let t = 1; t < out.length; t++) {
      const c = close[t];
      const prev = t - 1;
      if (pos > 0 && (c < exitLow[prev] || c < extreme - m * atr[prev])) pos = 0;
      else if (pos < 0 && (c > exitHigh[prev] || c > extreme + m * atr[prev])) pos = 0;
      if (pos === 0) {
        const ready = entryHigh[prev] === entryHigh[prev] && entryLow[prev] === entryLow[prev] && exitLow[prev] === exitLow[prev] && exitHigh[prev] === exitHigh[prev] && atr[t] === atr[t];
        if (ready && c > entryHigh[prev]) pos = 1;
        else if (ready && short && c < entryLow[prev]) pos = -1;
        extreme = c;
      } else {
        extreme = pos > 0 ? Math.max(extreme, c) : Math.min(extreme, c);
      }
      out[t] = pos;
    }
    return out;
  },
});
