// Runs inside a backtest worker: one tuning trial on the study's in-sample bars, which the main thread loaded
// once and shares with every worker as SharedArrayBuffer-backed columns (no copy per trial or per worker).
// Buffers and the indicator cache are reused from trial to trial. Errors come back as values.
import {
  IndicatorCache,
  StrategyParamError,
  createBacktestBuffers,
  createStrategyContext,
  evaluateStrategy,
  type BacktestBuffers,
  type BarSeries,
  type Strategy,
} from '../../core';
import type { BacktestConfig } from '../../shared';
import { settingsFromConfig } from '../backtests/settingsFromConfig';

/** The in-sample bars of a study: columns over SharedArrayBuffers. */
export interface SharedBars {
  key: string;
  length: number;
  periodsPerYear: number;
  columns: Record<string, Float64Array>;
}

export interface TrialRequest {
  barsKey: string;
  params: Record<string, unknown>;
  config: BacktestConfig;
}

export type TrialOutcome =
  | { ok: true; metrics: Record<string, number | null>; returns: Float32Array; durationMs: number }
  | { ok: false; reason: string; durationMs: number };

export class TrialRunner {
  private bars: SharedBars | undefined;
  private series: BarSeries | undefined;
  private buffers: BacktestBuffers | undefined;
  private exposure: Float64Array | undefined;
  private scratch: Float64Array | undefined;
  private readonly indicators = new IndicatorCache();

  setBars(bars: SharedBars): void {
    this.bars = bars;
    this.series = { length: bars.length, ...bars.columns } as unknown as BarSeries;
    this.buffers = createBacktestBuffers(bars.length);
    this.exposure = new Float64Array(bars.length);
    this.scratch = new Float64Array(bars.length);
  }

  run(strategy: Strategy, request: TrialRequest): TrialOutcome {
    const start = performance.now();
    const bars = this.bars;
    if (!bars || bars.key !== request.barsKey || !this.series) {
      return { ok: false, reason: 'the worker has not been given this study\'s bars', durationMs: 0 };
    }
    try {
      const periodsPerYear = request.config.periodsPerYear ?? bars.periodsPerYear;
      const evaluation = evaluateStrategy({
        strategy,
        bars: this.series,
        params: request.params,
        settings: settingsFromConfig(request.config),
        context: createStrategyContext({ datasetKey: bars.key, periodsPerYear, indicators: this.indicators }),
        riskFreeRateAnnual: request.config.riskFreeRateAnnual,
        buffers: this.buffers,
        exposureBuffer: this.exposure,
        metricScratch: this.scratch,
        now: () => performance.now(),
      });
      const metrics: Record<string, number | null> = {};
      for (const [id, value] of Object.entries(evaluation.metrics)) metrics[id] = Number.isFinite(value) ? value : null;
      return { ok: true, metrics, returns: Float32Array.from(evaluation.result.returns), durationMs: performance.now() - start };
    } catch (err) {
      const reason = err instanceof StrategyParamError || err instanceof Error ? err.message : String(err);
      return { ok: false, reason, durationMs: performance.now() - start };
    }
  }
}
