// Runs inside a backtest worker: loads the dataset (kept in memory between runs), evaluates the strategy (a
// built-in, or a user strategy loaded in this worker) with a shared indicator cache, and packs the report the
// performance profile draws. Errors come back as values.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  IndicatorCache,
  StrategyParamError,
  buildPerformanceProfile,
  buildTradeTable,
  createStrategyContext,
  detectFrequency,
  evaluateStrategy,
  parseCsvBars,
  type BarSeries,
  type Strategy,
} from '../../core';
import { HoldoutError, type BacktestReport, type BacktestRequest, type SerializedError } from '../../shared';
import { toSerializedError } from '../api/errorMapping';
import { hashSeriesColumns } from '../datasets/columnHasher';
import { DatasetReader } from '../datasets/datasetReader';
import type { LoadedUserStrategy } from '../strategies/userStrategyLoader';
import { findStrategy } from './strategyCatalog';
import { settingsFromConfig } from './settingsFromConfig';
import { builtinCodeHash } from './strategyCatalog';

/**
 * `stale`: the user strategy file asked for no longer defines the requested strategy (edited since it was
 * listed); the caller may list again and retry with the right file.
 */
export type BacktestOutcome = { ok: true; report: BacktestReport } | { ok: false; error: SerializedError; stale?: boolean };

/** Where the bars come from: a stored dataset, or a CSV file read on the fly and never stored (CLI). */
export type BarSource = { kind: 'dataset'; dbPath: string } | { kind: 'file'; path: string };

interface Bars {
  id: string;
  hash: string;
  series: BarSeries;
  periodsPerYear: number;
}

export class BacktestRunner {
  private readonly readers = new Map<string, DatasetReader>();
  readonly indicators = new IndicatorCache();

  constructor(private readonly appVersion: string) {}

  /** Runs a built-in, or `user` when given (already loaded; it must be the strategy the request names). */
  run(source: BarSource, request: BacktestRequest, user?: LoadedUserStrategy): BacktestOutcome {
    if (user && user.strategy.name !== request.strategy) {
      const message = `${user.file} no longer defines strategy '${request.strategy}' (it now defines '${user.strategy.name}').`;
      return { ok: false, error: new HoldoutError('NOT_FOUND', message, { file: user.file, field: 'strategy' }).toJSON(), stale: true };
    }
    try {
      const strategy = user ? user.strategy : findStrategy(request.strategy);
      const codeHash = user ? user.codeHash : builtinCodeHash(strategy, this.appVersion);
      return { ok: true, report: this.report(this.bars(source, request.datasetId), request, strategy, codeHash) };
    } catch (err) {
      return { ok: false, error: toSerializedError(describeUserError(err, user)) };
    }
  }

  close(): void {
    for (const r of this.readers.values()) r.close();
    this.readers.clear();
  }

  private report(bars: Bars, request: BacktestRequest, strategy: Strategy, codeHash: string): BacktestReport {
    const start = performance.now();
    const periodsPerYear = request.config.periodsPerYear ?? bars.periodsPerYear;
    const datasetBars = bars.series.length;
    const { fromBar, toBar } = checkRange(request.range, datasetBars);
    const whole = fromBar === 0 && toBar === datasetBars;
    const series = whole ? bars.series : sliceSeries(bars.series, fromBar, toBar);
    // The indicator cache trusts its key, so each range of bars needs its own (same form as a study's key).
    const datasetKey = whole ? bars.hash : `${bars.hash}:${fromBar}:${toBar}`;
    const context = createStrategyContext({ datasetKey, periodsPerYear, indicators: this.indicators });
    const before = this.indicators.stats;
    const evaluation = evaluateStrategy({
      strategy,
      bars: series,
      params: request.params,
      settings: settingsFromConfig(request.config),
      context,
      riskFreeRateAnnual: request.config.riskFreeRateAnnual,
      now: () => performance.now(),
    });
    const after = this.indicators.stats;
    const { result } = evaluation;
    const metrics: Record<string, number | null> = {};
    for (const [id, value] of Object.entries(evaluation.metrics)) metrics[id] = Number.isFinite(value) ? value : null;
    const hits = after.hits - before.hits;
    const misses = after.misses - before.misses;
    return {
      datasetId: bars.id,
      datasetHash: bars.hash,
      strategy: { name: strategy.name, version: strategy.version, codeHash },
      params: evaluation.params,
      config: request.config,
      range: { fromBar, toBar },
      bars: series.length,
      datasetBars,
      periodsPerYear,
      metrics,
      finalEquity: result.totals.finalEquity,
      totalCosts: result.totals.totalCosts,
      positionChanges: result.totals.positionChanges,
      trades: buildTradeTable(result.trades),
      profile: buildPerformanceProfile({ bars: series, result, periodsPerYear, riskFreeRateAnnual: request.config.riskFreeRateAnnual }),
      timings: { ...evaluation.timings, totalMs: performance.now() - start },
      indicatorCache: { hits, misses, hitRate: hits + misses > 0 ? hits / (hits + misses) : null },
    };
  }

  private bars(source: BarSource, datasetId: string): Bars {
    if (source.kind === 'dataset') {
      let reader = this.readers.get(source.dbPath);
      if (!reader) this.readers.set(source.dbPath, (reader = new DatasetReader(source.dbPath)));
      const d = reader.load(datasetId);
      return { id: d.id, hash: d.hash, series: d.series, periodsPerYear: d.frequency.periodsPerYear };
    }
    const fileName = basename(source.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(source.path);
    } catch {
      throw new HoldoutError('NOT_FOUND', `${fileName}: file not found (${source.path}).`, { file: fileName });
    }
    const { series } = parseCsvBars(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName });
    return { id: datasetId, hash: hashSeriesColumns(series, series.length), series, periodsPerYear: detectFrequency(series.time).periodsPerYear };
  }
}

/** The request's bar range checked against the dataset; the whole dataset when none was asked. */
function checkRange(range: BacktestRequest['range'], datasetBars: number): { fromBar: number; toBar: number } {
  if (!range) return { fromBar: 0, toBar: datasetBars };
  if (range.toBar > datasetBars) {
    throw new HoldoutError('INVALID_REQUEST', `range.toBar is ${range.toBar}, but the dataset has only ${datasetBars} bars (toBar is exclusive, at most ${datasetBars}).`, {
      field: 'range.toBar',
      value: String(range.toBar),
    });
  }
  if (range.fromBar >= range.toBar) {
    throw new HoldoutError('INVALID_REQUEST', `range.fromBar (${range.fromBar}) must be less than range.toBar (${range.toBar}).`, {
      field: 'range.fromBar',
      value: String(range.fromBar),
    });
  }
  return { fromBar: range.fromBar, toBar: range.toBar };
}

/** Bars fromBar (inclusive) to toBar (exclusive): views on the same memory, no copy. */
function sliceSeries(series: BarSeries, fromBar: number, toBar: number): BarSeries {
  const columns: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(series) as [string, unknown][]) {
    if (values instanceof Float64Array) columns[name] = values.subarray(fromBar, toBar);
  }
  return { ...columns, length: toBar - fromBar } as unknown as BarSeries;
}

/**
 * Mistakes in what the user asked for are user errors (exit 1, INVALID_REQUEST), not internal ones; a user
 * strategy returning malformed targets is a fault in its file (INVALID_DATA naming it).
 */
function describeUserError(err: unknown, user: LoadedUserStrategy | undefined): unknown {
  if (err instanceof StrategyParamError) {
    return new HoldoutError('INVALID_REQUEST', err.message, { field: `params.${err.param}` });
  }
  if (user && err instanceof Error && err.message.startsWith(`${user.strategy.name}: targets()`)) {
    return new HoldoutError('INVALID_DATA', `${user.file}: ${err.message}`, { file: user.file });
  }
  if (err instanceof Error && /^[a-z0-9-]+: needs the [a-z, ]+ columns?, which this dataset lacks/.test(err.message)) {
    return new HoldoutError('INVALID_REQUEST', err.message, { field: 'datasetId' });
  }
  if (err instanceof RangeError || (err instanceof Error && /^(backtest settings|bpsCostModel|\w+Sizing|simulate)\b/.test(err.message))) {
    return new HoldoutError('INVALID_REQUEST', err.message);
  }
  return err;
}
