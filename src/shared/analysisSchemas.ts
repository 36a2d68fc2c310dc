// Schemas for a study's overfitting analysis: the robustness report (PSR, DSR, MinTRL, PBO, bootstrap, reshuffled
// drawdowns, in- against out-of-sample, verdict), the parameters report (importance, robust optimum, sensitivity,
// partial dependence) and the GP posterior surface over two parameters. All Sharpe ratios here are per period
// (per bar) unless a field says annualised.
import { z } from 'zod';
import { ParamValues } from './backtestSchemas';
import { StudyId } from './studySchemas';

/** Options shared by the analyses; every default is what a researcher gets without touching anything. */
export const AnalysisOptions = z
  .object({
    /** The trial to judge; default: the best complete trial by the first objective. */
    trial: z.number().int().min(0).optional(),
    /** CSCV partitions S for PBO (even). */
    partitions: z.number().int().min(2).max(32).refine((s) => s % 2 === 0, { message: 'partitions must be even' }).default(16),
    /** Count every completed trial of earlier studies on the same dataset in the DSR's number of trials. */
    includeEarlierStudies: z.boolean().default(false),
    /** Correct the number of trials for correlation between the trials' returns (implied independent trials). */
    correlationCorrected: z.boolean().default(true),
    /** Neighbourhood half-width for the robust optimum, as a fraction of each parameter's range (unit cube). */
    neighbourhood: z.number().gt(0).lte(0.5).default(0.1),
    /** Bootstrap and reshuffle resamples. */
    resamples: z.number().int().min(100).max(100_000).default(2000),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
  })
  .strict();
export type AnalysisOptions = z.output<typeof AnalysisOptions>;

export const AnalysisRequest = z.object({ id: StudyId, options: AnalysisOptions.default(AnalysisOptions.parse({})) }).strict();
export type AnalysisRequest = z.output<typeof AnalysisRequest>;

/** How an analysis was obtained: computed now, or served from the store (and whether the study has moved on since). */
export const AnalysisProvenance = z.object({
  studyId: StudyId,
  /** Complete trials the analysis used. */
  trialCount: z.number().int(),
  computedAt: z.number(),
  durationMs: z.number(),
  cached: z.boolean(),
  /** True when the study has more complete trials now than when this was computed. */
  stale: z.boolean(),
});

const Interval = z.object({ level: z.number(), low: z.number(), median: z.number(), high: z.number() });
const Quantile = z.object({ level: z.number(), value: z.number() });

export const VerdictLevel = z.enum(['trustworthy', 'caution', 'overfit', 'insufficient']);
export const Verdict = z.object({
  level: VerdictLevel,
  /** One sentence in plain words, e.g. "PBO 0.62: the best in-sample configuration usually ranks below the median out of sample; do not trust this result." */
  headline: z.string(),
  /** The reasons behind it, one sentence each, each with its number. */
  reasons: z.array(z.string()),
});
export type Verdict = z.infer<typeof Verdict>;

export const RobustnessReport = z.object({
  provenance: AnalysisProvenance,
  trial: z.object({ number: z.number().int(), params: ParamValues, values: z.array(z.number()) }),
  /** The chosen trial's in-sample returns' Sharpe and moments (non-excess kurtosis). */
  sharpe: z.object({
    perPeriod: z.number(),
    annualised: z.number(),
    periodsPerYear: z.number(),
    observations: z.number().int(),
    skewness: z.number(),
    kurtosis: z.number(),
  }),
  psr: z.object({ benchmark: z.number(), value: z.number() }),
  dsr: z.object({
    value: z.number(),
    /** Trials counted (this study, plus earlier studies on the dataset when asked). */
    trials: z.number().int(),
    /** After the correlation correction; equals `trials` when it is off. */
    effectiveTrials: z.number(),
    averageCorrelation: z.number().nullable(),
    /** Variance of the trials' per-period Sharpe ratios. */
    sharpeVariance: z.number(),
    /** SR0: the expected maximum Sharpe of that many unskilled trials. */
    expectedMaxSharpe: z.number(),
  }),
  /** Bars needed for the Sharpe to beat 0 with 95% confidence; null when the Sharpe is not above 0. */
  minTrackRecord: z.object({ observations: z.number().nullable(), years: z.number().nullable(), confidence: z.number() }),
  pbo: z
    .object({
      value: z.number(),
      partitions: z.number().int(),
      combinations: z.number().int(),
      trials: z.number().int(),
      logits: z.array(z.number()),
      probOosLoss: z.number(),
      degradation: z.object({ slope: z.number(), intercept: z.number() }),
      /** In-sample against out-of-sample performance of the selected trial, one point per combination. */
      points: z.array(z.object({ inSample: z.number(), outOfSample: z.number() })),
    })
    .nullable(),
  bootstrap: z
    .object({ samples: z.number().int(), meanBlock: z.number(), sharpeAnnualised: Interval, cagr: Interval })
    .nullable(),
  drawdownReshuffle: z
    .object({ samples: z.number().int(), trades: z.number().int(), observed: z.number(), quantiles: z.array(Quantile) })
    .nullable(),
  /** Every complete trial re-run on the held-out out-of-sample bars (never seen by the tuner): objective in and out. */
  outOfSample: z
    .object({
      metric: z.string(),
      points: z.array(z.object({ trial: z.number().int(), inSample: z.number().nullable(), outOfSample: z.number().nullable() })),
      /** Spearman rank correlation of in- and out-of-sample values across trials. */
      rankCorrelation: z.number().nullable(),
      chosen: z.object({ inSample: z.number().nullable(), outOfSample: z.number().nullable() }),
    })
    .nullable(),
  verdict: Verdict,
  /** Why a part is missing or approximate (too few trials, no out-of-sample part, no trades...). */
  notes: z.array(z.string()),
});
export type RobustnessReport = z.infer<typeof RobustnessReport>;

export const ParameterImportance = z.object({
  param: z.string(),
  /** fANOVA: the share of the objective's variance explained by this parameter alone (random-forest surrogate). */
  fanova: z.number(),
  /** From the GP's ARD length-scale: 1/lengthscale normalised to sum to 1 over parameters; null without a GP fit. */
  gpRelevance: z.number().nullable(),
  lengthscale: z.number().nullable(),
});

export const SensitivityMove = z.object({
  /** Relative move of the parameter's value: -0.1, -0.05, 0.05, 0.1. */
  delta: z.number(),
  params: ParamValues,
  /** The objective from a real backtest at the moved point; null when that backtest failed. */
  value: z.number().nullable(),
  /** value minus the chosen point's value, signed so that a loss is negative whatever the direction. */
  change: z.number().nullable(),
});

export const ParametersReport = z.object({
  provenance: AnalysisProvenance,
  objective: z.object({ metric: z.string(), direction: z.enum(['maximize', 'minimize']) }),
  importance: z.array(ParameterImportance),
  peak: z.object({ trial: z.number().int(), params: ParamValues, value: z.number(), neighbourhoodValue: z.number() }),
  robust: z.object({
    params: ParamValues,
    /** The objective averaged over the neighbourhood (GP posterior mean blended with the trials inside it). */
    neighbourhoodValue: z.number(),
    /** The objective from a real backtest at the robust point. */
    value: z.number().nullable(),
    /** The nearest existing trial, if the robust point coincides with one. */
    trial: z.number().int().nullable(),
    neighbourhood: z.number(),
    trialsInNeighbourhood: z.number().int(),
  }),
  sensitivity: z.object({
    base: z.object({ params: ParamValues, value: z.number().nullable() }),
    moves: z.array(z.object({ param: z.string(), moves: z.array(SensitivityMove) })),
    /** The same point with every cost (commission, spread, slippage) doubled. */
    doubleCosts: z.object({ value: z.number().nullable(), change: z.number().nullable() }),
  }),
  /** One curve per numeric parameter: the GP mean averaged over the other parameters, with a +/- 1 sd band. */
  partialDependence: z.array(
    z.object({ param: z.string(), x: z.array(z.number()), mean: z.array(z.number()), lower: z.array(z.number()), upper: z.array(z.number()) }),
  ),
  notes: z.array(z.string()),
});
export type ParametersReport = z.infer<typeof ParametersReport>;

export const SurfaceRequest = z
  .object({
    id: StudyId,
    x: z.string().min(1),
    y: z.string().min(1),
    /** Grid points per axis. */
    resolution: z.number().int().min(10).max(200).default(100),
    /** Other parameters are held at this trial's values; default: the best trial. */
    trial: z.number().int().min(0).optional(),
  })
  .strict();
export type SurfaceRequest = z.output<typeof SurfaceRequest>;

export const SurfaceReport = z.object({
  provenance: AnalysisProvenance,
  x: z.object({ param: z.string(), values: z.array(z.number()), log: z.boolean() }),
  y: z.object({ param: z.string(), values: z.array(z.number()), log: z.boolean() }),
  /** Posterior mean and standard deviation, in objective units, row-major: mean[j][i] is at (x[i], y[j]). */
  mean: z.array(z.array(z.number())),
  sd: z.array(z.array(z.number())),
  fixed: ParamValues,
  /** The trials, projected on the two parameters, to overlay. */
  trials: z.array(z.object({ trial: z.number().int(), x: z.number(), y: z.number(), value: z.number() })),
});
export type SurfaceReport = z.infer<typeof SurfaceReport>;
