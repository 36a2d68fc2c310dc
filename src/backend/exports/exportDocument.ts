// Assembles an export document from what the study stored, the strategy's description, the backtests of the
// chosen parameters in and out of sample, and the latest cached analyses; then seals it with its checksum.
import {
  EXPORT_KIND,
  EXPORT_SCHEMA_VERSION,
  ParametersReport,
  RobustnessReport,
  ROBUSTNESS_FIGURES,
  type BacktestConfig,
  type BacktestReport,
  type ExportParameter,
  type ExportSelectionMethod,
  type HoldoutExport,
  type ParamValues,
  type StrategyInfo,
  type StudyDetail,
  tunedBarRange,
} from '../../shared';
import type { DatasetRecord } from '../storage/storage';
import { exportChecksum } from './exportChecksum';

export interface ExportInputs {
  study: StudyDetail;
  dataset: DatasetRecord;
  strategy: StrategyInfo;
  selection: { method: ExportSelectionMethod; trial: number | null; neighbourhood?: number; trialsInNeighbourhood?: number };
  inSample: BacktestReport;
  outOfSample: BacktestReport | null;
  /** The latest cached robustness analysis of the study (JSON data as stored), if any. */
  robustness: { result: unknown; computedAt: number } | undefined;
  /** The latest completed walk-forward run of this strategy on this dataset with these settings, if any. */
  walkForward?: { id: string; name: string; windows: number; mode: string; efficiency: number };
  appVersion: string;
  now: number;
}

export function buildExportDocument(input: ExportInputs): HoldoutExport {
  const { study, dataset, strategy, inSample } = input;
  const summary = study.summary;
  const content: Omit<HoldoutExport, 'checksum'> = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    kind: EXPORT_KIND,
    strategy: { name: strategy.name, version: strategy.version, codeHash: inSample.strategy.codeHash, source: strategy.source },
    parameters: typedParameters(inSample.params, strategy),
    dataset: {
      id: dataset.id,
      name: dataset.name,
      hash: dataset.hash,
      bars: dataset.bars,
      firstTimestamp: new Date(dataset.first).toISOString(),
      lastTimestamp: new Date(dataset.last).toISOString(),
      frequency: { label: dataset.frequency.label, seconds: dataset.frequency.seconds, periodsPerYear: dataset.frequency.periodsPerYear },
    },
    split: {
      inSampleFraction: study.spec.inSampleFraction,
      ...(study.spec.inSampleFrom > 0 ? { inSampleFrom: study.spec.inSampleFrom } : {}),
      inSampleBars: study.spec.inSampleBars,
      // Out of sample: every bar after the tuned range.
      outOfSampleBars: dataset.bars - tunedBarRange(study.spec).toBar,
    },
    settings: study.spec.config satisfies BacktestConfig,
    objectives: summary.objectives.map((o) => ({ metric: o.metric, direction: o.direction, inSample: inSample.metrics[o.metric] ?? null })),
    metrics: { inSample: inSample.metrics, outOfSample: input.outOfSample?.metrics ?? null },
    robustness: robustnessFigures(input.robustness, input.selection.trial, input.walkForward),
    selection: {
      method: input.selection.method,
      trial: input.selection.trial,
      ...(input.selection.neighbourhood !== undefined ? { neighbourhood: input.selection.neighbourhood } : {}),
      ...(input.selection.trialsInNeighbourhood !== undefined ? { trialsInNeighbourhood: input.selection.trialsInNeighbourhood } : {}),
    },
    study: {
      id: summary.id,
      name: summary.name,
      sampler: summary.sampler,
      seed: study.spec.seed,
      trials: summary.counts.complete + summary.counts.failed + summary.counts.pruned,
    },
    app: { name: 'Holdout', version: input.appVersion },
    exportedAt: new Date(input.now).toISOString(),
  };
  return { ...content, checksum: exportChecksum(content) };
}

function typedParameters(params: ParamValues, strategy: StrategyInfo): Record<string, ExportParameter> {
  const out: Record<string, ExportParameter> = {};
  for (const [name, value] of Object.entries(params)) {
    const spec = strategy.params.find((p) => p.name === name);
    if (spec?.type === 'int' && typeof value === 'number') out[name] = { type: 'int', value };
    else if (spec?.type === 'float' && typeof value === 'number') out[name] = { type: 'float', value };
    else out[name] = { type: 'categorical', value };
  }
  return out;
}

/**
 * PBO is a property of the whole study; PSR, DSR and the bootstrap intervals are of one trial, so they are kept
 * only when the cached analysis judged the trial being exported. Anything else is listed as not computed.
 */
function robustnessFigures(cached: ExportInputs['robustness'], trial: number | null, walkForward: ExportInputs['walkForward']): HoldoutExport['robustness'] {
  const parsed = cached ? RobustnessReport.safeParse(cached.result) : undefined;
  if (parsed && !parsed.success) {
    // A stored report of an older shape: the export goes on without its figures (listed as not computed).
    console.warn('[holdout] the cached robustness analysis does not match the current report schema; its figures are left out of the export:', parsed.error.message);
  }
  const report = parsed?.success ? parsed.data : undefined;
  const sameTrial = report !== undefined && trial !== null && report.trial.number === trial;
  const figures: Omit<HoldoutExport['robustness'], 'notComputed'> = {};
  if (report?.pbo) figures.pbo = report.pbo.value;
  if (sameTrial) {
    figures.psr = report.psr.value;
    figures.dsr = report.dsr.value;
    if (report.bootstrap) figures.bootstrap = { samples: report.bootstrap.samples, sharpeAnnualised: report.bootstrap.sharpeAnnualised, cagr: report.bootstrap.cagr };
  }
  const fromAnalysis = Object.keys(figures).length > 0;
  if (walkForward) {
    // A walk-forward run judges the procedure (tune, then trade the next bars), not one trial: it applies to any
    // trial of the same strategy, data and settings.
    figures.walkForwardEfficiency = walkForward.efficiency;
    figures.walkForwardRun = { id: walkForward.id, name: walkForward.name, windows: walkForward.windows, mode: walkForward.mode };
  }
  const notComputed = ROBUSTNESS_FIGURES.filter((f) => figures[f] === undefined);
  return { ...figures, ...(fromAnalysis && cached ? { computedAt: new Date(cached.computedAt).toISOString() } : {}), notComputed };
}

/** The robust optimum from a parameters analysis (stored JSON or a fresh report). */
export function robustSelection(result: unknown): ParametersReport | undefined {
  const parsed = ParametersReport.safeParse(result);
  return parsed.success ? parsed.data : undefined;
}
