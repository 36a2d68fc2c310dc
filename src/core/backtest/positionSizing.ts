// Position sizing as a swappable object: it turns a strategy's target (desired direction and strength) into the
// exposure actually taken, as a signed fraction of equity. All-in, fixed fraction and volatility targeting.

import { rejectUnknownKeys, requireInRange, requireInteger, requirePositive } from './settingChecks';
import { trailingVolatilityAnnual } from './trailingVolatility';

/**
 * Exposure = signed fraction of equity held in the asset (units x price / equity) right after the order fills.
 * The engine calls `exposure` once per order, never per bar, unless rebalancing every bar.
 */
export interface PositionSizing {
  /** Short label for logs and reports, e.g. 'allIn'. */
  readonly kind: string;
  /**
   * When defined, `exposure(target, ...)` is always `constantScale * target`; the engine then uses its fast loop.
   * Leave undefined for any sizing that looks at prices.
   */
  readonly constantScale: number | undefined;
  /**
   * Exposure for `target` decided at bar `signalIndex`. Must read `close` at indices <= signalIndex only (no
   * look-ahead). NaN means "cannot size yet" (e.g. volatility warm-up): the engine places no order and tries again
   * on the next bar that has a target. A target of 0 never reaches this method: flat is always exposure 0.
   */
  exposure(target: number, close: Float64Array, signalIndex: number, periodsPerYear: number): number;
}

class ConstantSizing implements PositionSizing {
  constructor(
    readonly kind: string,
    readonly constantScale: number,
  ) {}

  exposure(target: number): number {
    return this.constantScale * target;
  }
}

/** Exposure = target: +1 puts all equity long, -1 all equity short, 2 is 2x leverage. */
export function allInSizing(): PositionSizing {
  return new ConstantSizing('allIn', 1);
}

export interface FixedFractionSizingOptions {
  /** Share of equity committed at target 1, in (0, 1]: exposure = fraction x target. */
  fraction: number;
}

/** Exposure = fraction x target. */
export function fixedFractionSizing(options: FixedFractionSizingOptions): PositionSizing {
  const owner = 'fixedFractionSizing';
  rejectUnknownKeys(owner, options, ['fraction']);
  const fraction = requireInRange(owner, 'fraction', options.fraction, { min: 0, max: 1, minInclusive: false, maxInclusive: true });
  return new ConstantSizing('fixedFraction', fraction);
}

export interface VolTargetSizingOptions {
  /** Annualised volatility the position should have, as a decimal fraction (0.15 = 15 % a year). */
  targetVolAnnual: number;
  /** Number of past simple returns in the realised-volatility window (>= 2). */
  lookback: number;
  /** Cap on |exposure| (1 = no leverage). Also the exposure taken when realised volatility is 0. */
  maxLeverage: number;
}

class VolTargetSizing implements PositionSizing {
  readonly kind = 'volTarget';
  readonly constantScale = undefined;

  constructor(
    readonly targetVolAnnual: number,
    readonly lookback: number,
    readonly maxLeverage: number,
  ) {}

  exposure(target: number, close: Float64Array, signalIndex: number, periodsPerYear: number): number {
    const vol = trailingVolatilityAnnual(close, signalIndex, this.lookback, periodsPerYear);
    if (vol !== vol) return NaN;
    const exposure = (target * this.targetVolAnnual) / vol;
    if (exposure > this.maxLeverage) return this.maxLeverage;
    if (exposure < -this.maxLeverage) return -this.maxLeverage;
    return exposure;
  }
}

/**
 * Volatility targeting: exposure = target x targetVolAnnual / realisedVolAnnual, clipped to +-maxLeverage, where
 * realisedVolAnnual is {@link trailingVolatilityAnnual} over the `lookback` returns ending at the signal bar
 * (closes up to the signal bar only). NaN (no order yet) until `lookback` returns exist.
 */
export function volTargetSizing(options: VolTargetSizingOptions): PositionSizing {
  const owner = 'volTargetSizing';
  rejectUnknownKeys(owner, options, ['targetVolAnnual', 'lookback', 'maxLeverage']);
  return new VolTargetSizing(
    requirePositive(owner, 'targetVolAnnual', options.targetVolAnnual),
    requireInteger(owner, 'lookback', options.lookback, 2),
    requirePositive(owner, 'maxLeverage', options.maxLeverage),
  );
}
