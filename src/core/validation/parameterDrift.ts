// Parameter drift across walk-forward windows: the value each window's tuning chose for every parameter, and for
// numeric parameters how much it wanders (coefficient of variation).
import { returnMoments } from '../metrics/returnMoments';

export type ParameterValue = number | string | boolean;

export interface ParameterDrift {
  readonly name: string;
  /** The value chosen in each window, in window order; undefined where a window did not set it. */
  readonly values: readonly (ParameterValue | undefined)[];
  /** True when every window set the parameter to a finite number. */
  readonly numeric: boolean;
  /** Mean over windows; NaN unless numeric. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 divisor); NaN unless numeric with at least 2 windows. */
  readonly std: number;
  /** `std / |mean|`; NaN unless numeric with ≥ 2 windows and mean ≠ 0. */
  readonly coefficientOfVariation: number;
}

/**
 * Per parameter name (in first-seen order): its values per window and, for numeric ones, the coefficient of
 * variation `CV = s / |x̄|` with `s = √(Σ(x − x̄)² / (n − 1))` (the usual sample CV, e.g. Everitt & Skrondal,
 * The Cambridge Dictionary of Statistics, 2010). Stable parameters have a CV near 0; a large CV says the
 * optimum moves from window to window, a warning sign in walk-forward analysis (Pardo, 2008, ch. 11).
 * Mean and std come from metrics' returnMoments. NaN where undefined (see the fields).
 */
export function parameterDrift(windows: readonly Readonly<Record<string, ParameterValue>>[]): ParameterDrift[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const params of windows) {
    for (const name of Object.keys(params)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return names.map((name) => {
    const values = windows.map((params) => (Object.hasOwn(params, name) ? params[name] : undefined));
    const numeric = values.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!numeric) return { name, values, numeric, mean: NaN, std: NaN, coefficientOfVariation: NaN };
    const { mean, std } = returnMoments(Float64Array.from(values as number[]));
    const coefficientOfVariation = values.length >= 2 && mean !== 0 ? std / Math.abs(mean) : NaN;
    return { name, values, numeric, mean, std, coefficientOfVariation };
  });
}
