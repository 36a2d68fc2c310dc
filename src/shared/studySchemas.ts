// Schemas for tuning studies: what creates one (dataset, strategy, space overrides, objectives, sampler, budget,
// split, backtest config), the summaries and trials the back end returns, and the progress events it pushes.
import { z } from 'zod';
import { BacktestConfig, BarRange, ParamValue, ParamValues } from './backtestSchemas';
import { DatasetId } from './schemas';

export const StudyId = z.string().regex(/^st_[0-9a-f]{16}$/, 'a study id looks like st_ followed by 16 hex digits');
export type StudyId = z.infer<typeof StudyId>;

export const StudyStatus = z.enum(['running', 'paused', 'completed', 'stopped', 'interrupted', 'failed']);
export type StudyStatus = z.infer<typeof StudyStatus>;
export const TrialState = z.enum(['running', 'complete', 'failed', 'pruned']);
export const SamplerName = z.enum(['random', 'sobol', 'tpe', 'gp']);
export const Direction = z.enum(['maximize', 'minimize']);

/** One parameter's override: a fixed value, or a numeric range (log scale, grid step). */
export const ParamOverride = z.union([
  z.object({ fixed: ParamValue }).strict(),
  z
    .object({
      low: z.number().finite(),
      high: z.number().finite(),
      log: z.boolean().optional(),
      step: z.number().positive().optional(),
      type: z.enum(['int', 'float']).optional(),
    })
    .strict()
    .refine((r) => r.low < r.high, { message: 'low must be below high' })
    .refine((r) => !r.log || r.low > 0, { message: 'a log range needs low > 0' }),
]);
export type ParamOverride = z.infer<typeof ParamOverride>;

export const Objective = z.object({ metric: z.string().min(1), direction: Direction.optional() }).strict();

export const StudyCreateRequest = z
  .object({
    datasetId: DatasetId,
    strategy: z.string().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    /** Overrides per parameter; a parameter not named keeps the strategy's declared range. */
    space: z.record(z.string(), ParamOverride).default({}),
    /** Default: Sharpe, maximised. A direction left out is the metric's own. */
    objectives: z.array(Objective).min(1).max(4).default([{ metric: 'sharpe', direction: 'maximize' }]),
    sampler: SamplerName.default('tpe'),
    budget: z
      .object({ trials: z.number().int().min(1).max(1_000_000).optional(), timeLimitSec: z.number().positive().optional() })
      .strict()
      .default({ trials: 100 }),
    /** Backtest workers; default: CPU cores - 1, at least 1. */
    workers: z.number().int().min(1).max(256).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
    /** The first fraction of the bars is in sample (given to the tuner); the rest is never seen by it. */
    inSampleFraction: z.number().gt(0).lte(1).default(0.7),
    /** Tune on exactly these bars (toBar exclusive) instead of the first inSampleFraction: a walk-forward window. */
    range: BarRange.optional(),
    config: BacktestConfig.default(BacktestConfig.parse({})),
    trialTimeLimitSec: z.number().positive().max(86_400).default(60),
  })
  .strict();
export type StudyCreateRequest = z.output<typeof StudyCreateRequest>;
export type StudyCreateInput = z.input<typeof StudyCreateRequest>;

export const TrialCounts = z.object({ running: z.number().int(), complete: z.number().int(), failed: z.number().int(), pruned: z.number().int(), cached: z.number().int() });
export type TrialCounts = z.infer<typeof TrialCounts>;

export const StudyTrial = z.object({
  number: z.number().int(),
  state: TrialState,
  params: ParamValues,
  values: z.array(z.number()).nullable(),
  metrics: z.record(z.string(), z.number().nullable()).nullable(),
  failReason: z.string().nullable(),
  durationMs: z.number().nullable(),
  worker: z.number().int().nullable(),
  cached: z.boolean(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Markdown notes on the trial ('' or absent when none). */
  notes: z.string().optional(),
});
export type StudyTrial = z.infer<typeof StudyTrial>;

export const BestTrial = z.object({ number: z.number().int(), params: ParamValues, values: z.array(z.number()) });

export const StudySummary = z.object({
  id: StudyId,
  name: z.string(),
  datasetId: z.string(),
  strategy: z.string(),
  sampler: SamplerName,
  objectives: z.array(z.object({ metric: z.string(), direction: Direction })),
  status: StudyStatus,
  error: z.string().nullable(),
  counts: TrialCounts,
  budgetTrials: z.number().int().nullable(),
  /** Best so far: one trial for one objective, the Pareto set for several. */
  best: z.array(BestTrial),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  wallTimeMs: z.number(),
  /** Free-form labels, in the order added. */
  tags: z.array(z.string()).default([]),
  /** Markdown notes ('' when none). */
  notes: z.string().default(''),
  /** The study this one was continued from, when it was. */
  parentId: z.string().nullable().default(null),
});
export type StudySummary = z.infer<typeof StudySummary>;

export const StudySpec = z.object({
  datasetHash: z.string(),
  strategyHash: z.string(),
  space: z.array(z.record(z.string(), z.unknown())),
  fixed: ParamValues,
  seed: z.number().int(),
  inSampleFraction: z.number(),
  inSampleBars: z.number().int(),
  /** The tuner saw bars inSampleFrom .. inSampleFrom + inSampleBars - 1 (0 unless the study was created on a range). */
  inSampleFrom: z.number().int(),
  config: BacktestConfig,
  budget: z.object({ trials: z.number().int().nullable(), timeLimitSec: z.number().nullable() }),
  workers: z.number().int(),
  trialTimeLimitSec: z.number(),
});
export type StudySpec = z.infer<typeof StudySpec>;

export const StudyDetail = z.object({ summary: StudySummary, spec: StudySpec });
export type StudyDetail = z.infer<typeof StudyDetail>;

export const StudyIdInput = z.object({ id: StudyId }).strict();

export const StudyProgress = z.object({
  id: StudyId,
  status: StudyStatus,
  counts: TrialCounts,
  best: z.array(BestTrial),
  trialsPerSec: z.number(),
  /** Seconds left, when a trial budget or time limit makes it knowable. */
  etaSec: z.number().nullable(),
  busy: z.array(z.object({ worker: z.number().int(), trial: z.number().int(), params: ParamValues })),
});
export type StudyProgress = z.infer<typeof StudyProgress>;

export const StudyTrialsEvent = z.object({ id: StudyId, trials: z.array(StudyTrial) });
export type StudyTrialsEvent = z.infer<typeof StudyTrialsEvent>;

/**
 * The bars a study's tuner saw, [fromBar, toBar): `inSampleBars` bars from `inSampleFrom` (0 for a study on the
 * first bars, and for studies stored before ranges existed). Every bar from toBar on is out of sample.
 */
export function tunedBarRange(study: { inSampleFrom?: number; inSampleBars: number }): { fromBar: number; toBar: number } {
  const fromBar = study.inSampleFrom ?? 0;
  return { fromBar, toBar: fromBar + study.inSampleBars };
}
