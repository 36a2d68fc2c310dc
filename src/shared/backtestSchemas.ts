// Schemas for strategies, backtest settings and the performance profile: what the renderer and the CLI send
// to run a backtest, and everything the profile view draws from the result.
import { z } from 'zod';
import { ChartSeries, DatasetId } from './schemas';

export const ParamValue = z.union([z.number(), z.string(), z.boolean()]);
export type ParamValue = z.infer<typeof ParamValue>;
export const ParamValues = z.record(z.string(), ParamValue);
export type ParamValues = z.infer<typeof ParamValues>;

export const ParamSpecInfo = z.discriminatedUnion('type', [
  z.object({
    type: z.enum(['int', 'float']),
    name: z.string(),
    label: z.string(),
    low: z.number(),
    high: z.number(),
    step: z.number().optional(),
    log: z.boolean().optional(),
    default: z.number(),
    description: z.string().optional(),
  }),
  z.object({
    type: z.literal('categorical'),
    name: z.string(),
    label: z.string(),
    choices: z.array(ParamValue),
    default: ParamValue,
    description: z.string().optional(),
  }),
]);
export type ParamSpecInfo = z.infer<typeof ParamSpecInfo>;

export const StrategyInfo = z.object({
  name: z.string(),
  label: z.string(),
  version: z.string(),
  description: z.string(),
  params: z.array(ParamSpecInfo),
  /** Human text of each constraint between parameters, e.g. "fast < slow". */
  constraints: z.array(z.string()),
  /** Columns needed beyond time and close. */
  requires: z.array(z.enum(['open', 'high', 'low', 'volume'])),
  source: z.enum(['builtin', 'user']),
  /** SHA-256 of the code that produces the targets: results record which code made them. */
  codeHash: z.string(),
  /** For user strategies: the file it was loaded from. */
  file: z.string().optional(),
});
export type StrategyInfo = z.infer<typeof StrategyInfo>;

/** A file in the user strategies folder that failed to compile or load. `file` is relative to the folder. */
export const StrategyProblem = z.object({
  file: z.string(),
  /** 1-based line, when the problem has a place in the file. */
  line: z.number().int().optional(),
  /** 1-based column, for compile errors. */
  column: z.number().int().optional(),
  message: z.string(),
});
export type StrategyProblem = z.infer<typeof StrategyProblem>;

export const StrategyProblems = z.object({
  /** Absolute path of the user strategies folder. */
  folder: z.string(),
  problems: z.array(StrategyProblem),
});
export type StrategyProblems = z.infer<typeof StrategyProblems>;

export const SizingConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('allIn') }),
  z.object({ kind: z.literal('fixedFraction'), fraction: z.number().gt(0).lte(1) }),
  z.object({
    kind: z.literal('volTarget'),
    targetVolAnnual: z.number().gt(0).lte(5),
    lookback: z.number().int().min(2).max(10_000),
    maxLeverage: z.number().gt(0).lte(100),
  }),
]);
export type SizingConfig = z.infer<typeof SizingConfig>;

/** Every rate carries its unit in its name. Defaults are applied by the schema. */
export const BacktestConfig = z
  .object({
    fill: z.enum(['nextOpen', 'close']).default('nextOpen'),
    direction: z.enum(['longOnly', 'shortOnly', 'longShort']).default('longShort'),
    /** Trade only when the target changes, or re-size to the target every bar (what volatility targeting needs). */
    rebalance: z.enum(['onTargetChange', 'everyBar']).default('onTargetChange'),
    initialCapital: z.number().positive().default(100_000),
    commissionBps: z.number().min(0).max(10_000).default(0),
    commissionPerTrade: z.number().min(0).default(0),
    slippageBps: z.number().min(0).max(10_000).default(0),
    borrowRateAnnual: z.number().min(0).max(10).default(0),
    sizing: SizingConfig.default({ kind: 'allIn' }),
    stopLossPct: z.number().min(0).lt(100).default(0),
    takeProfitPct: z.number().min(0).default(0),
    trailingStopPct: z.number().min(0).lt(100).default(0),
    /** Override of the dataset's detected bars per year (annualisation). */
    periodsPerYear: z.number().positive().optional(),
    riskFreeRateAnnual: z.number().min(-1).max(1).default(0),
  })
  .strict();
export type BacktestConfig = z.output<typeof BacktestConfig>;
export type BacktestConfigInput = z.input<typeof BacktestConfig>;

/**
 * The bars a backtest runs on: `fromBar` (inclusive) to `toBar` (exclusive), 0-based positions in the dataset.
 * A study's in-sample part is `{ fromBar: 0, toBar: inSampleBarCount(bars, inSampleFraction) }` (the study stores
 * that count as `spec.inSampleBars`); its out-of-sample part is the rest.
 */
export const BarRange = z
  .object({
    fromBar: z.number().int().min(0),
    toBar: z.number().int().min(1),
  })
  .strict()
  .refine((r) => r.toBar > r.fromBar, { message: 'toBar must be greater than fromBar', path: ['toBar'] });
export type BarRange = z.infer<typeof BarRange>;

/**
 * How many bars, from the first, make up the in-sample part of a dataset of `bars` bars: floor(bars × fraction).
 * The one definition shared by studies (what the tuner sees) and backtests of a study's trials.
 */
export function inSampleBarCount(bars: number, inSampleFraction: number): number {
  return Math.floor(bars * inSampleFraction);
}

export const BacktestRequest = z
  .object({
    datasetId: DatasetId,
    strategy: z.string().min(1),
    params: ParamValues.default({}),
    config: BacktestConfig.default(BacktestConfig.parse({})),
    /** Run on these bars only; the whole dataset when absent. */
    range: BarRange.optional(),
  })
  .strict();
export type BacktestRequest = z.output<typeof BacktestRequest>;

export const MetricInfo = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  direction: z.enum(['maximize', 'minimize']),
  group: z.string(),
  description: z.string(),
});
export type MetricInfo = z.infer<typeof MetricInfo>;

/** A number that may be undefined for this backtest (too few trades, no variance...): null over JSON. */
const MaybeNumber = z.number().nullable();

export const TradeTable = z.object({
  entryTime: z.array(z.number()),
  exitTime: z.array(z.number()),
  entryPrice: z.array(z.number()),
  exitPrice: z.array(z.number()),
  size: z.array(z.number()),
  pnl: z.array(z.number()),
  /** pnl over the entry notional, a fraction. */
  returnPct: z.array(MaybeNumber),
  costs: z.array(z.number()),
  barsHeld: z.array(z.number()),
  exitReason: z.array(z.string()),
});
export type TradeTable = z.infer<typeof TradeTable>;

export const PerformanceProfile = z.object({
  /** Equity, buy-and-hold equity (same initial capital) and drawdown, decimated to the chart's width. */
  curve: z.object({
    time: z.array(z.number()),
    equity: z.array(z.number()),
    buyHold: z.array(z.number()),
    /** Drawdown from the running peak, a fraction <= 0. */
    drawdown: z.array(z.number()),
  }),
  rollingSharpe: z.object({ window: z.number().int(), time: z.array(z.number()), value: z.array(MaybeNumber) }),
  /** Calendar-month returns (UTC), compounded from the bar returns. */
  monthly: z.array(z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), ret: z.number() })),
  /** Histogram of per-bar returns, with the normal distribution of the same mean and std for the overlay. */
  distribution: z.object({
    edges: z.array(z.number()),
    counts: z.array(z.number()),
    mean: MaybeNumber,
    std: MaybeNumber,
    count: z.number().int(),
  }),
  price: ChartSeries,
});
export type PerformanceProfile = z.infer<typeof PerformanceProfile>;

export const BacktestReport = z.object({
  datasetId: DatasetId,
  datasetHash: z.string(),
  strategy: z.object({ name: z.string(), version: z.string(), codeHash: z.string() }),
  /** Every parameter, defaults filled in. */
  params: ParamValues,
  config: BacktestConfig,
  /** The bars the backtest ran on: fromBar (inclusive) to toBar (exclusive), the whole dataset when none was asked. */
  range: z.object({ fromBar: z.number().int(), toBar: z.number().int() }),
  /** Number of bars the backtest ran on (toBar - fromBar). */
  bars: z.number().int(),
  /** Number of bars in the whole dataset. */
  datasetBars: z.number().int(),
  periodsPerYear: z.number(),
  metrics: z.record(z.string(), MaybeNumber),
  finalEquity: z.number(),
  totalCosts: z.number(),
  positionChanges: z.number().int(),
  trades: TradeTable,
  profile: PerformanceProfile,
  timings: z.object({ targetsMs: z.number(), simulateMs: z.number(), metricsMs: z.number(), totalMs: z.number() }),
  indicatorCache: z.object({ hits: z.number(), misses: z.number(), hitRate: MaybeNumber }),
});
export type BacktestReport = z.infer<typeof BacktestReport>;
