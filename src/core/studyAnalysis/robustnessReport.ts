// Assembles a study's robustness report from plain data: the chosen trial's Sharpe and moments, PSR, DSR over the
// study's trials (optionally corrected for their correlation), MinTRL, PBO by CSCV, bootstrap intervals, reshuffled
// drawdowns, the in- against out-of-sample scatter and the verdict. Pure: the caller runs the backtests.
import {
  averageCorrelation,
  deflatedSharpeRatio,
  effectiveTrials,
  expectedMaxSharpe,
  minTrackRecordLength,
  pbo,
  probabilisticSharpeRatio,
  robustnessVerdict,
} from '../analysis';
import { returnMoments } from '../metrics';
import {
  BOOTSTRAP_QUANTILE_LEVELS,
  RESHUFFLE_QUANTILE_LEVELS,
  bootstrapConfidenceIntervals,
  tradeReshuffle,
  type BootstrapDistribution,
  type TradeSequence,
} from '../validation';
import { chooseTrial } from './chooseTrial';
import { spearmanCorrelation } from './spearmanCorrelation';
import type { AnalysedTrial, AnalysisObjective, AnalysisParams, StudyAnalysisOptions } from './types';

/** PBO's CSCV supports up to 24 blocks (C(24, 12) = 2.7 million combinations). */
const MAX_PBO_PARTITIONS = 24;
const MIN_TRACK_RECORD_CONFIDENCE = 0.95;
const BOOTSTRAP_LEVEL = 0.95;

export interface RobustnessInput {
  /** The study's complete trials. */
  readonly trials: readonly AnalysedTrial[];
  /** Per trial (same order), its in-sample per-bar returns, or null when none were stored. Equal lengths. */
  readonly returns: readonly (Float64Array | null)[];
  readonly objectives: readonly AnalysisObjective[];
  readonly periodsPerYear: number;
  readonly options: StudyAnalysisOptions;
  /** Complete trials of earlier studies on the same dataset (counted in the DSR's N when the options ask). */
  readonly earlierTrials: number;
  /** The chosen trial's in-sample trades, for the reshuffle; null when it made none. */
  readonly trades: TradeSequence | null;
  /** Each trial's first objective on the out-of-sample bars; null when the study keeps no bars out of sample. */
  readonly outOfSample: readonly { readonly trial: number; readonly value: number | null }[] | null;
}

export interface AnalysisInterval {
  level: number;
  low: number;
  median: number;
  high: number;
}

/** The robustness report without its provenance (which the back end adds). */
export interface RobustnessFindings {
  trial: { number: number; params: AnalysisParams; values: number[] };
  sharpe: { perPeriod: number; annualised: number; periodsPerYear: number; observations: number; skewness: number; kurtosis: number };
  psr: { benchmark: number; value: number };
  dsr: {
    value: number;
    trials: number;
    effectiveTrials: number;
    averageCorrelation: number | null;
    sharpeVariance: number;
    expectedMaxSharpe: number;
  };
  minTrackRecord: { observations: number | null; years: number | null; confidence: number };
  pbo: {
    value: number;
    partitions: number;
    combinations: number;
    trials: number;
    logits: number[];
    probOosLoss: number;
    degradation: { slope: number; intercept: number };
    points: { inSample: number; outOfSample: number }[];
  } | null;
  bootstrap: { samples: number; meanBlock: number; sharpeAnnualised: AnalysisInterval; cagr: AnalysisInterval } | null;
  drawdownReshuffle: { samples: number; trades: number; observed: number; quantiles: { level: number; value: number }[] } | null;
  outOfSample: {
    metric: string;
    points: { trial: number; inSample: number | null; outOfSample: number | null }[];
    rankCorrelation: number | null;
    chosen: { inSample: number | null; outOfSample: number | null };
  } | null;
  verdict: { level: 'trustworthy' | 'caution' | 'overfit' | 'insufficient'; headline: string; reasons: string[] };
  notes: string[];
}

/**
 * The robustness report of the chosen trial (options.trial, else the best by the first objective).
 * Statistics and their sources: PSR (Bailey & López de Prado 2012, eq. 10) against 0; DSR (Bailey & López de Prado
 * 2014, eq. 1–2) with N the trials counted and V the sample variance of the trials' per-period Sharpe ratios;
 * effective N from the trials' average return correlation (Bailey, Borwein, López de Prado & Zhu 2014); MinTRL at
 * 95% (Bailey & López de Prado 2012, eq. 11); PBO by CSCV (Bailey et al. 2017); stationary-bootstrap intervals
 * (Politis & Romano 1994); trade reshuffle; Spearman rank correlation of in- and out-of-sample values.
 * @throws Error when the chosen trial has no returns or their Sharpe ratio is undefined (no variance).
 */
export function robustnessReport(input: RobustnessInput): RobustnessFindings {
  const { trials, returns, objectives, periodsPerYear, options } = input;
  if (returns.length !== trials.length) throw new RangeError(`robustnessReport: ${trials.length} trials but ${returns.length} return columns`);
  if (!(periodsPerYear > 0 && Number.isFinite(periodsPerYear))) throw new RangeError(`robustnessReport: periodsPerYear must be positive, got ${periodsPerYear}`);
  const notes: string[] = [];
  const objective = objectives[0];
  const chosenIndex = chooseTrial(trials, objective, options.trial);
  const chosen = trials[chosenIndex];
  const chosenReturns = returns[chosenIndex];
  if (!chosenReturns) throw new Error(`trial ${chosen.number} has no stored per-bar returns to analyse`);

  const moments = returnMoments(chosenReturns);
  const sharpe = moments.mean / moments.std;
  if (!Number.isFinite(sharpe)) {
    throw new Error(`trial ${chosen.number}'s in-sample returns have no variance (it never traded?), so its Sharpe ratio is undefined`);
  }
  const skewness = Number.isFinite(moments.skewness) ? moments.skewness : 0;
  const kurtosis = Number.isFinite(moments.kurtosis) ? moments.kurtosis : 3;
  const observations = chosenReturns.length;

  // Columns with returns, for the Sharpe variance, the correlation and PBO.
  const columns: Float64Array[] = [];
  const columnTrials: number[] = [];
  for (let i = 0; i < trials.length; i++) {
    const r = returns[i];
    if (r && r.length === observations) {
      columns.push(r);
      columnTrials.push(i);
    }
  }
  if (columns.length < trials.length) notes.push(`${trials.length - columns.length} complete trial(s) have no stored returns and are left out of the Sharpe variance, the correlation and PBO.`);

  const sharpes: number[] = [];
  for (const c of columns) {
    const m = returnMoments(c);
    const s = m.mean / m.std;
    if (Number.isFinite(s)) sharpes.push(s);
  }
  const sharpeVariance = sampleVariance(sharpes);
  const trialsCounted = trials.length + (options.includeEarlierStudies ? input.earlierTrials : 0);
  if (options.includeEarlierStudies && input.earlierTrials > 0) notes.push(`N counts ${input.earlierTrials} complete trial(s) of earlier studies on this dataset.`);
  let rho: number | null = null;
  let effective = trialsCounted;
  if (options.correlationCorrected) {
    if (columns.length >= 2) {
      rho = averageCorrelation(columns, { seed: options.seed });
      if (Number.isFinite(rho)) effective = effectiveTrials(trialsCounted, rho);
      else {
        notes.push('The average correlation between trials is undefined (a trial without variance); N is not corrected.');
        rho = null;
      }
    } else notes.push('Fewer than 2 trials have returns: N is not corrected for correlation.');
  }
  const sr0 = expectedMaxSharpe({ trials: effective, sharpeVariance });
  const dsr = deflatedSharpeRatio({ sharpe, observations, skewness, kurtosis, trials: effective, sharpeVariance });
  const psr = probabilisticSharpeRatio({ sharpe, benchmark: 0, observations, skewness, kurtosis });
  const mintrl = minTrackRecordLength({ sharpe, benchmark: 0, skewness, kurtosis, confidence: MIN_TRACK_RECORD_CONFIDENCE });
  const mintrlObs = Number.isFinite(mintrl) ? mintrl : null;

  const pboPart = pboFindings(columns, options.partitions, notes);
  const bootstrap = bootstrapFindings(chosenReturns, periodsPerYear, options, notes);
  const reshuffle = reshuffleFindings(input.trades, options, notes);
  const oos = outOfSampleFindings(trials, chosen, objective, input.outOfSample, notes);

  const verdict = robustnessVerdict({
    pbo: pboPart?.value ?? null,
    probOosLoss: pboPart?.probOosLoss ?? null,
    dsr,
    psr,
    trials: trialsCounted,
    effectiveTrials: effective,
    oosRankCorrelation: oos?.rankCorrelation ?? null,
    outOfSampleChange: relativeChange(oos?.chosen.inSample ?? null, oos?.chosen.outOfSample ?? null, objective.direction),
    walkForwardEfficiency: null,
  });
  if (!Number.isFinite(dsr) || !Number.isFinite(psr)) notes.push('The moments of the returns are inconsistent (kurtosis below 1 + skewness²); PSR and DSR are shown as 0.');

  return {
    trial: { number: chosen.number, params: { ...chosen.params }, values: [...chosen.values] },
    sharpe: { perPeriod: sharpe, annualised: sharpe * Math.sqrt(periodsPerYear), periodsPerYear, observations, skewness, kurtosis },
    psr: { benchmark: 0, value: finiteOr(psr, 0) },
    dsr: { value: finiteOr(dsr, 0), trials: trialsCounted, effectiveTrials: effective, averageCorrelation: rho, sharpeVariance, expectedMaxSharpe: sr0 },
    minTrackRecord: { observations: mintrlObs, years: mintrlObs === null ? null : mintrlObs / periodsPerYear, confidence: MIN_TRACK_RECORD_CONFIDENCE },
    pbo: pboPart,
    bootstrap,
    drawdownReshuffle: reshuffle,
    outOfSample: oos,
    verdict: { level: verdict.level, headline: verdict.headline, reasons: [...verdict.reasons] },
    notes,
  };
}

function pboFindings(columns: Float64Array[], partitions: number, notes: string[]): RobustnessFindings['pbo'] {
  if (columns.length < 2) {
    notes.push('PBO needs the returns of at least 2 trials.');
    return null;
  }
  let s = partitions;
  if (s > MAX_PBO_PARTITIONS) {
    notes.push(`PBO uses ${MAX_PBO_PARTITIONS} partitions, the most CSCV supports here, instead of ${partitions}.`);
    s = MAX_PBO_PARTITIONS;
  }
  const rows = columns[0].length;
  if (rows < 2 * s) {
    notes.push(`PBO needs at least 2 bars per partition: ${rows} in-sample bars are too few for ${s} partitions.`);
    return null;
  }
  const result = pbo(columns, { partitions: s });
  const points: { inSample: number; outOfSample: number }[] = [];
  for (let k = 0; k < result.combinations; k++) {
    const a = result.inSample[k];
    const b = result.outOfSample[k];
    if (Number.isFinite(a) && Number.isFinite(b)) points.push({ inSample: a, outOfSample: b });
  }
  const { slope, intercept } = result.degradation;
  if (!Number.isFinite(slope)) notes.push('The degradation line is undefined (the selected trials’ in-sample values do not vary); shown as 0.');
  if (result.droppedRows > 0) notes.push(`PBO left out the first ${result.droppedRows} bar(s) so the ${s} partitions are equal.`);
  return {
    value: result.pbo,
    partitions: s,
    combinations: result.combinations,
    trials: columns.length,
    logits: Array.from(result.logits),
    probOosLoss: result.probOosLoss,
    degradation: { slope: finiteOr(slope, 0), intercept: finiteOr(intercept, 0) },
    points,
  };
}

function bootstrapFindings(r: Float64Array, periodsPerYear: number, options: StudyAnalysisOptions, notes: string[]): RobustnessFindings['bootstrap'] {
  if (r.length < 2) {
    notes.push('Too few returns for a bootstrap.');
    return null;
  }
  const ci = bootstrapConfidenceIntervals(r, { samples: options.resamples, level: BOOTSTRAP_LEVEL, periodsPerYear, seed: options.seed });
  const sharpe = interval(ci.sharpe, ci.level);
  const cagr = interval(ci.cagr, ci.level);
  if (!sharpe || !cagr) {
    notes.push('The bootstrap intervals are undefined (resamples without variance).');
    return null;
  }
  if (ci.sharpe.undefinedSamples > 0) notes.push(`${ci.sharpe.undefinedSamples} bootstrap resample(s) had no variance and were left out of the Sharpe interval.`);
  return { samples: ci.samples, meanBlock: ci.meanBlock, sharpeAnnualised: sharpe, cagr };
}

function interval(d: BootstrapDistribution, level: number): AnalysisInterval | null {
  const median = d.quantiles[BOOTSTRAP_QUANTILE_LEVELS.indexOf(0.5)];
  if (![d.lower, median, d.upper].every(Number.isFinite)) return null;
  return { level, low: d.lower, median, high: d.upper };
}

function reshuffleFindings(trades: TradeSequence | null, options: StudyAnalysisOptions, notes: string[]): RobustnessFindings['drawdownReshuffle'] {
  const count = trades === null ? 0 : trades.kind === 'returns' ? trades.returns.length : trades.pnl.length;
  if (trades === null || count < 2) {
    notes.push(`The chosen trial made ${count} closed trade(s) in sample: too few to reshuffle.`);
    return null;
  }
  const result = tradeReshuffle(trades, { samples: options.resamples, seed: options.seed });
  return {
    samples: options.resamples,
    trades: count,
    observed: result.original,
    quantiles: RESHUFFLE_QUANTILE_LEVELS.map((level, i) => ({ level, value: result.quantiles[i] })),
  };
}

function outOfSampleFindings(
  trials: readonly AnalysedTrial[],
  chosen: AnalysedTrial,
  objective: AnalysisObjective,
  values: RobustnessInput['outOfSample'],
  notes: string[],
): RobustnessFindings['outOfSample'] {
  if (values === null) {
    notes.push('No out-of-sample results: the study keeps no bars out of sample (in-sample fraction 1), so nothing was re-run on held-out data.');
    return null;
  }
  const byTrial = new Map(values.map((v) => [v.trial, v.value]));
  const points = trials.map((t) => ({
    trial: t.number,
    inSample: finiteOrNull(t.values[0]),
    outOfSample: finiteOrNull(byTrial.get(t.number) ?? null),
  }));
  const failed = points.filter((p) => p.outOfSample === null).length;
  if (failed > 0) notes.push(`${failed} trial(s) have no out-of-sample ${objective.metric} (undefined or the backtest failed).`);
  const rho = spearmanCorrelation(
    points.map((p) => p.inSample ?? NaN),
    points.map((p) => p.outOfSample ?? NaN),
  );
  if (!Number.isFinite(rho)) notes.push('The rank correlation needs at least 3 trials with both values, not all equal.');
  const mine = points.find((p) => p.trial === chosen.number)!;
  return { metric: objective.metric, points, rankCorrelation: finiteOrNull(rho), chosen: { inSample: mine.inSample, outOfSample: mine.outOfSample } };
}

/** Out-of-sample change relative to the in-sample value, signed so that a loss is negative whatever the direction. */
function relativeChange(inSample: number | null, outOfSample: number | null, direction: 'maximize' | 'minimize'): number | null {
  if (inSample === null || outOfSample === null || inSample === 0) return null;
  const sign = direction === 'maximize' ? 1 : -1;
  return (sign * (outOfSample - inSample)) / Math.abs(inSample);
}

/** Sample variance (n − 1); 0 for fewer than 2 values. */
function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return ss / (n - 1);
}

function finiteOr(x: number, fallback: number): number {
  return Number.isFinite(x) ? x : fallback;
}

function finiteOrNull(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}
