// The summary of a finished walk-forward: stitched out-of-sample curve with its annualised growth, walk-forward
// efficiency, and parameter drift across windows.
import { cagr } from '../metrics/growth';
import { parameterDrift, type ParameterDrift, type ParameterValue } from './parameterDrift';
import { stitchOutOfSample, type StitchedCurve } from './stitchOutOfSample';
import { walkForwardEfficiency, type WalkForwardEfficiency, type WindowPerformance } from './walkForwardEfficiency';

export interface WalkForwardWindowResult extends WindowPerformance {
  /** Per-bar simple returns of the window's chosen parameters on its out-of-sample bars. */
  readonly outOfSampleReturns: Float64Array;
  /** The parameters the window's tuning chose. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

export interface WalkForwardReportOptions {
  /** Starting account value of the stitched curve. */
  readonly initialCapital: number;
  /** Bars per year, for the stitched curve's CAGR. */
  readonly periodsPerYear: number;
}

export interface WalkForwardReport {
  readonly stitched: StitchedCurve;
  /** CAGR of the stitched out-of-sample curve (metrics' cagr: `(E_N / E_0)^(P / N) − 1`); NaN with < 1 bar. */
  readonly stitchedCagr: number;
  readonly efficiency: WalkForwardEfficiency;
  readonly drift: ParameterDrift[];
}

/**
 * Combines {@link stitchOutOfSample} (compounding `E_{i+1} = E_i·(1 + r_i)` across windows),
 * {@link walkForwardEfficiency} (`WFE = OOS / IS` annualised, Pardo 2008) and {@link parameterDrift}
 * (`CV = s / |x̄|`) for one walk-forward run, windows in time order.
 *
 * @throws RangeError for a non-positive initialCapital or periodsPerYear.
 */
export function walkForwardReport(windows: readonly WalkForwardWindowResult[], options: WalkForwardReportOptions): WalkForwardReport {
  if (!(options.periodsPerYear > 0 && options.periodsPerYear < Infinity)) {
    throw new RangeError(`walkForwardReport: periodsPerYear must be a positive finite number, got ${String(options.periodsPerYear)}`);
  }
  const stitched = stitchOutOfSample(
    windows.map((w) => w.outOfSampleReturns),
    options.initialCapital,
  );
  return {
    stitched,
    stitchedCagr: cagr(stitched.equity, options.periodsPerYear),
    efficiency: walkForwardEfficiency(windows),
    drift: parameterDrift(windows.map((w) => w.parameters)),
  };
}
