// Built-in 'ts-momentum': time-series momentum with volatility targeting (Moskowitz, Ooi & Pedersen 2012).
import { cachedLogReturnVol, cachedRoc } from '../cachedIndicators';
import { defineStrategy } from '../defineStrategy';
import { positionModeParam, type PositionMode } from './positionMode';

export type TsMomentumParams = { lookback: number; volLookback: number; targetVol: number; maxLeverage: number; mode: PositionMode };

/**
 * targets[t] = sign(close[t] / close[t-lookback] - 1) × min(maxLeverage, targetVol / vol[t]), where vol[t] is
 * the sample SD of the last volLookback log returns × sqrt(context.periodsPerYear). A negative sign gives 0 in
 * 'long-flat' mode; a zero return gives 0; zero volatility gives ±maxLeverage. Warm-up: 0 for the first
 * max(lookback, volLookback) bars. Exposures are fractional and may exceed 1 (leverage).
 */
export const tsMomentum = defineStrategy<TsMomentumParams>({
  name: 'ts-momentum',
  label: 'Time-series momentum',
  version: '1.0.0',
  description:
    'Long after a positive return over the lookback, short after a negative one, sized so the position aims at the target annual volatility (capped at the maximum leverage).',
  params: [
    { name: 'lookback', label: 'Momentum lookback', type: 'int', low: 5, high: 504, log: true, default: 252, description: 'Bars over which the past return is measured.' },
    { name: 'volLookback', label: 'Volatility lookback', type: 'int', low: 5, high: 252, log: true, default: 60, description: 'Bars of log returns in the realised volatility.' },
    { name: 'targetVol', label: 'Target volatility', type: 'float', low: 0.02, high: 1, log: true, default: 0.15, description: 'Annualised, as a fraction (0.15 = 15%).' },
    { name: 'maxLeverage', label: 'Maximum leverage', type: 'float', low: 0.25, high: 5, default: 2, description: 'Cap on the absolute exposure.' },
    positionModeParam('long-short'),
  ],
  targets(data, p, ctx) {
    const ppy = ctx.periodsPerYear;
    if (!(ppy > 0) || !Number.isFinite(ppy)) throw new Error(`ts-momentum: context.periodsPerYear must be a finite number > 0, got ${ppy}`);
    const ret = cachedRoc(data, ctx, p.lookback);
    const vol = cachedLogReturnVol(data, ctx, p.volLookback);
    const annualise = Math.sqrt(ppy);
    const short = p.mode === 'long-short';
    const out = new Float64Array(data.length);
    for (let t = 0; t < out.length; t++) {
      const r = ret[t];
      const v = vol[t] * annualise;
      // NaN (warm-up) compares false everywhere below and leaves the 0 already in out.
      if (v !== v) continue;
      const sign = r > 0 ? 1 : r < 0 && short ? -1 : 0;
      if (sign !== 0) out[t] = sign * Math.min(p.maxLeverage, p.targetVol / v);
    }
    return out;
  },
});
