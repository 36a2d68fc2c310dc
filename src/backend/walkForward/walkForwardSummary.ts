// A stored walk-forward run and its windows as the contract's WalkForwardSummary: bar ranges with their dates,
// the chosen parameters' in- and out-of-sample performance, and (once done) efficiency, drift and stitched curve.
import { getMetric, parameterDrift, walkForwardEfficiency } from '../../core';
import type { WalkForwardCreateRequest, WalkForwardSummary, WindowPerformance, WindowRange } from '../../shared';
import type { WalkForwardRunRecord, WalkForwardWindowRecord } from '../storage/storage';
import type { WalkForwardResult } from './walkForwardResult';

export function summariseWalkForward(
  run: WalkForwardRunRecord,
  windows: readonly WalkForwardWindowRecord[],
  datasetName: string | null,
  time: Float64Array,
): WalkForwardSummary {
  const request = run.request as WalkForwardCreateRequest;
  const result = run.result as WalkForwardResult | null;
  const objective = { metric: request.objective.metric, direction: request.objective.direction ?? getMetric(request.objective.metric).direction };
  const done = windows.filter((w) => w.status === 'completed');
  return {
    id: run.id,
    name: run.name,
    datasetId: run.datasetId,
    datasetName,
    strategy: run.strategyName,
    status: run.status,
    error: run.error,
    request,
    stepBars: request.stepBars ?? request.outOfSampleBars + request.embargoBars,
    objective,
    windows: windows.map((w) => ({
      index: w.index,
      status: w.status,
      inSample: rangeOf(w.inSample, time),
      outOfSample: rangeOf(w.outOfSample, time),
      studyId: w.studyId,
      trialNumber: w.trialNumber,
      params: w.params,
      inSamplePerformance: performanceOf(w.inSampleMetrics, objective.metric),
      outOfSamplePerformance: performanceOf(w.outOfSampleMetrics, objective.metric),
      efficiency: windowEfficiency(w),
    })),
    completedWindows: done.length,
    efficiency: result?.efficiency ?? null,
    // Before the run ends, drift of the windows done so far, so a running run already shows it.
    drift: result?.drift ?? driftOf(done),
    stitched: result?.stitched ?? null,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/** `[from, to)` with the first and last bar's times; NaN-free (0) when the dataset is gone. */
function rangeOf(r: { from: number; to: number }, time: Float64Array): WindowRange {
  return { fromBar: r.from, toBar: r.to, fromTime: time[r.from] ?? 0, toTime: time[r.to - 1] ?? 0 };
}

function performanceOf(metrics: Record<string, number | null> | null, objective: string): WindowPerformance | null {
  if (!metrics) return null;
  return {
    objective: metrics[objective] ?? null,
    sharpe: metrics.sharpe ?? null,
    totalReturn: metrics.total_return ?? null,
    cagr: metrics.cagr ?? null,
    maxDrawdown: metrics.max_drawdown ?? null,
  };
}

/** WFE of one window, `OOS CAGR / IS CAGR` (core walkForwardEfficiency, Pardo 2008); null where undefined. */
function windowEfficiency(w: WalkForwardWindowRecord): number | null {
  if (!w.inSampleMetrics || !w.outOfSampleMetrics) return null;
  const { overall } = walkForwardEfficiency([
    { inSampleAnnualised: w.inSampleMetrics.cagr ?? NaN, outOfSampleAnnualised: w.outOfSampleMetrics.cagr ?? NaN },
  ]);
  return Number.isFinite(overall) ? overall : null;
}

function driftOf(done: readonly WalkForwardWindowRecord[]): WalkForwardSummary['drift'] {
  return parameterDrift(done.map((w) => w.params ?? {})).map((d) => ({
    name: d.name,
    values: d.values.map((v) => v ?? null),
    numeric: d.numeric,
    mean: Number.isFinite(d.mean) ? d.mean : null,
    std: Number.isFinite(d.std) ? d.std : null,
    coefficientOfVariation: Number.isFinite(d.coefficientOfVariation) ? d.coefficientOfVariation : null,
  }));
}
