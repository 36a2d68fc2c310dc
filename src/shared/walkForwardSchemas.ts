// Schemas for walk-forward optimisation: what creates a run (a study per window on its in-sample bars, the chosen
// parameters tested on the bars that follow), the run's summary with its windows, efficiency, parameter drift and
// stitched out-of-sample curve, and the progress event the back end pushes while it runs.
import { z } from 'zod';
import { BacktestConfig, ParamValue, ParamValues } from './backtestSchemas';
import { DatasetId } from './schemas';
import { Objective, ParamOverride, SamplerName, StudyId } from './studySchemas';

export const WalkForwardId = z.string().regex(/^wf_[0-9a-f]{16}$/, 'a walk-forward run id looks like wf_ followed by 16 hex digits');
export type WalkForwardId = z.infer<typeof WalkForwardId>;

export const WalkForwardStatus = z.enum(['running', 'completed', 'stopped', 'interrupted', 'failed']);
export type WalkForwardStatus = z.infer<typeof WalkForwardStatus>;
export const WalkForwardWindowStatus = z.enum(['pending', 'running', 'completed', 'failed', 'stopped']);
export const WalkForwardMode = z.enum(['rolling', 'anchored']);
/** 'peak': the study's best trial; 'robust': the robust optimum of the parameters analysis (analysis.parameters). */
export const WalkForwardSelection = z.enum(['peak', 'robust']);
export type WalkForwardSelection = z.infer<typeof WalkForwardSelection>;

const Bars = z.number().int();

export const WalkForwardCreateRequest = z
  .object({
    datasetId: DatasetId,
    strategy: z.string().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    /** Overrides per parameter, as for a study. */
    space: z.record(z.string(), ParamOverride).default({}),
    objective: Objective.default({ metric: 'sharpe', direction: 'maximize' }),
    sampler: SamplerName.default('tpe'),
    /** Window k's study uses seed + k. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
    config: BacktestConfig.default(BacktestConfig.parse({})),
    workers: z.number().int().min(1).max(256).optional(),
    trialsPerWindow: z.number().int().min(1).max(1_000_000).default(100),
    trialTimeLimitSec: z.number().positive().max(86_400).default(60),
    mode: WalkForwardMode.default('rolling'),
    /** Nominal in-sample length (before the purge comes off its end). */
    inSampleBars: Bars.min(2),
    outOfSampleBars: Bars.min(1),
    /** How far each window's out-of-sample start advances; default outOfSampleBars + embargoBars (back to back). */
    stepBars: Bars.min(1).optional(),
    /** Bars dropped from the end of each in-sample part (López de Prado 2018, §7.4.1). */
    purgeBars: Bars.min(0).default(0),
    /** Bars after each out-of-sample part that the next window neither tests nor trains on (ibid., §7.4.2). */
    embargoBars: Bars.min(0).default(0),
    selection: WalkForwardSelection.default('peak'),
  })
  .strict();
export type WalkForwardCreateRequest = z.output<typeof WalkForwardCreateRequest>;
export type WalkForwardCreateInput = z.input<typeof WalkForwardCreateRequest>;

/** Bars `[fromBar, toBar)` with the times of the first and last of them (epoch ms). */
export const WindowRange = z.object({ fromBar: z.number().int(), toBar: z.number().int(), fromTime: z.number(), toTime: z.number() });
export type WindowRange = z.infer<typeof WindowRange>;

const MaybeNumber = z.number().nullable();

/** What the chosen parameters did on one part of a window. */
export const WindowPerformance = z.object({
  objective: MaybeNumber,
  sharpe: MaybeNumber,
  totalReturn: MaybeNumber,
  cagr: MaybeNumber,
  maxDrawdown: MaybeNumber,
});
export type WindowPerformance = z.infer<typeof WindowPerformance>;

export const WalkForwardWindowSummary = z.object({
  index: z.number().int(),
  status: WalkForwardWindowStatus,
  inSample: WindowRange,
  outOfSample: WindowRange,
  studyId: StudyId.nullable(),
  /** The trial the parameters came from (peak), or the nearest trial to the robust optimum when it is one. */
  trialNumber: z.number().int().nullable(),
  params: ParamValues.nullable(),
  inSamplePerformance: WindowPerformance.nullable(),
  outOfSamplePerformance: WindowPerformance.nullable(),
  /** Out-of-sample over in-sample annualised return (CAGR); null where undefined (in-sample CAGR ≤ 0). */
  efficiency: MaybeNumber,
});
export type WalkForwardWindowSummary = z.infer<typeof WalkForwardWindowSummary>;

export const ParameterDriftSummary = z.object({
  name: z.string(),
  values: z.array(ParamValue.nullable()),
  numeric: z.boolean(),
  mean: MaybeNumber,
  std: MaybeNumber,
  coefficientOfVariation: MaybeNumber,
});
export type ParameterDriftSummary = z.infer<typeof ParameterDriftSummary>;

export const StitchedCurveSummary = z.object({
  /** Out-of-sample bars stitched (the sum of the windows' out-of-sample lengths). */
  bars: z.number().int(),
  /** Equity after each stitched bar, decimated to at most 2000 points (time: the bar's time, epoch ms). */
  time: z.array(z.number()),
  equity: z.array(z.number()),
  decimated: z.boolean(),
  initialCapital: z.number(),
  /** Every performance metric of the stitched returns and equity. */
  metrics: z.record(z.string(), MaybeNumber),
});
export type StitchedCurveSummary = z.infer<typeof StitchedCurveSummary>;

export const WalkForwardSummary = z.object({
  id: WalkForwardId,
  name: z.string(),
  datasetId: z.string(),
  datasetName: z.string().nullable(),
  strategy: z.string(),
  status: WalkForwardStatus,
  error: z.string().nullable(),
  request: WalkForwardCreateRequest,
  /** The step actually used (the request's, or outOfSampleBars + embargoBars). */
  stepBars: z.number().int(),
  objective: z.object({ metric: z.string(), direction: z.enum(['maximize', 'minimize']) }),
  windows: z.array(WalkForwardWindowSummary),
  completedWindows: z.number().int(),
  /** Overall walk-forward efficiency (Pardo 2008): mean OOS CAGR over mean IS CAGR; null where undefined. */
  efficiency: MaybeNumber,
  drift: z.array(ParameterDriftSummary),
  /** Null until every window is done. */
  stitched: StitchedCurveSummary.nullable(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type WalkForwardSummary = z.infer<typeof WalkForwardSummary>;

export const WalkForwardIdInput = z.object({ id: WalkForwardId }).strict();

export const WalkForwardProgress = z.object({
  id: WalkForwardId,
  status: WalkForwardStatus,
  windowCount: z.number().int(),
  completedWindows: z.number().int(),
  /** The window being worked on, and its study once created. */
  currentWindow: z.number().int().nullable(),
  studyId: StudyId.nullable(),
  /** What is happening: "tuning", "evaluating", "done". */
  phase: z.enum(['tuning', 'evaluating', 'done']),
});
export type WalkForwardProgress = z.infer<typeof WalkForwardProgress>;
