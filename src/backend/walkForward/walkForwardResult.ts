// The result of a finished walk-forward run, computed once from its windows and stored with it: the stitched
// out-of-sample curve (decimated for the chart) with its metrics, walk-forward efficiency and parameter drift.
import { computeMetrics, decimateForChart, walkForwardReport, type BarSeries } from '../../core';
import type { ParameterDriftSummary, StitchedCurveSummary } from '../../shared';

/** Points of the stitched curve kept for the chart (min-max decimation, two points per bucket). */
export const STITCHED_MAX_POINTS = 2000;

export interface FinishedWindow {
  outOfSample: { from: number; to: number };
  params: Record<string, number | string | boolean>;
  inSampleMetrics: Record<string, number | null>;
  outOfSampleMetrics: Record<string, number | null>;
  outOfSampleReturns: Float32Array;
}

/** What walk_forward_runs.result holds. */
export interface WalkForwardResult {
  efficiency: number | null;
  perWindowEfficiency: (number | null)[];
  drift: ParameterDriftSummary[];
  stitched: StitchedCurveSummary;
}

/**
 * Stitches the windows' out-of-sample returns (Pardo 2008, ch. 11: capital carries from window to window), takes
 * walk-forward efficiency on the windows' in- and out-of-sample CAGR (core walkForwardEfficiency) and the drift of
 * the chosen parameters (core parameterDrift), and computes every metric of the stitched curve.
 * `time` is the dataset's time column: the stitched point after bar i is drawn at that bar's time.
 */
export function buildWalkForwardResult(
  windows: readonly FinishedWindow[],
  time: Float64Array,
  options: { initialCapital: number; periodsPerYear: number; riskFreeRateAnnual: number },
): WalkForwardResult {
  const report = walkForwardReport(
    windows.map((w) => ({
      inSampleAnnualised: w.inSampleMetrics.cagr ?? NaN,
      outOfSampleAnnualised: w.outOfSampleMetrics.cagr ?? NaN,
      outOfSampleReturns: Float64Array.from(w.outOfSampleReturns),
      parameters: w.params,
    })),
    { initialCapital: options.initialCapital, periodsPerYear: options.periodsPerYear },
  );
  const { returns, equity } = report.stitched;
  const n = returns.length;
  const stitchedTime = new Float64Array(n);
  let offset = 0;
  for (const w of windows) {
    const length = w.outOfSampleReturns.length;
    if (length !== w.outOfSample.to - w.outOfSample.from) {
      throw new Error(`walk-forward window at bar ${w.outOfSample.from}: ${length} out-of-sample returns for ${w.outOfSample.to - w.outOfSample.from} bars`);
    }
    stitchedTime.set(time.subarray(w.outOfSample.from, w.outOfSample.to), offset);
    offset += length;
  }
  const values = computeMetrics({ returns, equity }, { periodsPerYear: options.periodsPerYear, riskFreeRateAnnual: options.riskFreeRateAnnual });
  const metrics: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(values)) metrics[id] = finiteOrNull(value);
  const curve = decimateForChart({ length: n, time: stitchedTime, close: equity.subarray(1) } as BarSeries, { maxPoints: STITCHED_MAX_POINTS });
  return {
    efficiency: finiteOrNull(report.efficiency.overall),
    perWindowEfficiency: Array.from(report.efficiency.perWindow, finiteOrNull),
    drift: report.drift.map((d) => ({
      name: d.name,
      values: d.values.map((v) => v ?? null),
      numeric: d.numeric,
      mean: finiteOrNull(d.mean),
      std: finiteOrNull(d.std),
      coefficientOfVariation: finiteOrNull(d.coefficientOfVariation),
    })),
    stitched: {
      bars: n,
      time: curve.time,
      equity: curve.close,
      decimated: curve.decimated,
      initialCapital: options.initialCapital,
      metrics,
    },
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
