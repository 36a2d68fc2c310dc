// Assembling an export document: robustness figures kept only for the trial they judged (PBO for any trial of
// the study), the walk-forward efficiency with the run it comes from, everything else listed as not computed,
// and the result valid against the shipped JSON Schema with a checksum that verifies.
import { describe, expect, it } from 'vitest';
import { buildExportDocument, type ExportInputs } from '../../../../src/backend/exports/exportDocument';
import { exportChecksum, ExportValidator } from '../../../../src/backend/exports';
import type { DatasetRecord } from '../../../../src/backend/storage/storage';
import type { BacktestReport, StrategyInfo, StudyDetail } from '../../../../src/shared';
import { resourcesDir } from '../../../helpers/paths';
import { validExport } from './exportFixture';

const fixture = validExport();

function inputs(overrides: Partial<ExportInputs> = {}): ExportInputs {
  const study = {
    summary: {
      id: fixture.study.id,
      name: fixture.study.name,
      datasetId: fixture.dataset.id,
      strategy: 'sma-crossover',
      sampler: 'tpe',
      objectives: [{ metric: 'sharpe', direction: 'maximize' }],
      counts: { running: 0, complete: 90, failed: 8, pruned: 2, cached: 0 },
    },
    spec: { seed: 1, inSampleFraction: 0.7, inSampleFrom: 0, inSampleBars: 700, config: fixture.settings },
  } as unknown as StudyDetail;
  const dataset = {
    id: fixture.dataset.id,
    name: fixture.dataset.name,
    hash: fixture.dataset.hash,
    bars: 1000,
    first: Date.parse(fixture.dataset.firstTimestamp),
    last: Date.parse(fixture.dataset.lastTimestamp),
    frequency: fixture.dataset.frequency,
  } as unknown as DatasetRecord;
  const strategy = {
    name: 'sma-crossover',
    version: '1.0.0',
    source: 'builtin',
    params: [
      { type: 'int', name: 'fast' },
      { type: 'float', name: 'band' },
    ],
  } as unknown as StrategyInfo;
  const report = (metrics: Record<string, number | null>) =>
    ({ strategy: { name: 'sma-crossover', version: '1.0.0', codeHash: 'a'.repeat(64) }, params: { fast: 12, band: 0.5, mode: 'long-flat' }, metrics }) as unknown as BacktestReport;
  return {
    study,
    dataset,
    strategy,
    selection: { method: 'peak', trial: 17 },
    inSample: report(fixture.metrics.inSample),
    outOfSample: report(fixture.metrics.outOfSample!),
    robustness: undefined,
    appVersion: '0.1.0',
    now: Date.parse(fixture.exportedAt),
    ...overrides,
  };
}

const robustnessFor = (trial: number) => ({
  result: {
    provenance: { studyId: fixture.study.id, trialCount: 90, computedAt: 0, durationMs: 1, cached: false, stale: false },
    trial: { number: trial, params: {}, values: [1] },
    sharpe: { perPeriod: 0.05, annualised: 0.8, periodsPerYear: 252, observations: 700, skewness: 0, kurtosis: 3 },
    psr: { benchmark: 0, value: 0.97 },
    dsr: { value: 0.81, trials: 100, effectiveTrials: 40, averageCorrelation: 0.6, sharpeVariance: 0.001, expectedMaxSharpe: 0.04 },
    minTrackRecord: { observations: 300, years: 1.2, confidence: 0.95 },
    pbo: { value: 0.3, partitions: 16, combinations: 12870, trials: 90, logits: [], probOosLoss: 0.2, degradation: { slope: -0.4, intercept: 0 }, points: [] },
    bootstrap: { ...fixture.robustness.bootstrap!, meanBlock: 12 },
    drawdownReshuffle: null,
    outOfSample: null,
    verdict: { level: 'caution', headline: 'h', reasons: [] },
    notes: [],
  },
  computedAt: Date.parse('2026-01-05T10:00:00.000Z'),
});

describe('building an export document', () => {
  const validator = new ExportValidator(resourcesDir);

  it('types each parameter from the strategy, counts finished trials, and lists every robustness figure as not computed when none is cached', () => {
    const doc = buildExportDocument(inputs());
    expect(doc.parameters).toEqual({ fast: { type: 'int', value: 12 }, band: { type: 'float', value: 0.5 }, mode: { type: 'categorical', value: 'long-flat' } });
    expect(doc.study.trials).toBe(100);
    expect(doc.split).toEqual({ inSampleFraction: 0.7, inSampleBars: 700, outOfSampleBars: 300 });
    // A walk-forward window's study tuned on a later range: the split says where it starts, and out of sample is
    // every bar after the tuned range.
    const windowDoc = buildExportDocument({ ...inputs(), study: { ...inputs().study, spec: { ...inputs().study.spec, inSampleFrom: 100 } } } as never);
    expect(windowDoc.split).toEqual({ inSampleFraction: 0.7, inSampleFrom: 100, inSampleBars: 700, outOfSampleBars: 200 });
    expect(doc.robustness).toEqual({ notComputed: ['pbo', 'dsr', 'psr', 'walkForwardEfficiency', 'bootstrap'] });
    expect(validator.validate(JSON.parse(JSON.stringify(doc)), 'doc')).toEqual(doc);
    expect(exportChecksum(doc)).toBe(doc.checksum);
  });

  it('keeps PSR, DSR and the bootstrap only for the trial the analysis judged, PBO for any', () => {
    const same = buildExportDocument(inputs({ robustness: robustnessFor(17) }));
    expect(same.robustness).toEqual({ ...fixture.robustness });
    const other = buildExportDocument(inputs({ robustness: robustnessFor(3) }));
    expect(other.robustness).toEqual({ pbo: 0.3, computedAt: '2026-01-05T10:00:00.000Z', notComputed: ['dsr', 'psr', 'walkForwardEfficiency', 'bootstrap'] });
    const robust = buildExportDocument(inputs({ robustness: robustnessFor(17), selection: { method: 'robust', trial: null, neighbourhood: 0.1, trialsInNeighbourhood: 5 } }));
    expect(robust.robustness.notComputed).toEqual(['dsr', 'psr', 'walkForwardEfficiency', 'bootstrap']);
    expect(robust.selection).toEqual({ method: 'robust', trial: null, neighbourhood: 0.1, trialsInNeighbourhood: 5 });
  });

  it('carries the walk-forward efficiency with the run it comes from', () => {
    const doc = buildExportDocument(inputs({ walkForward: { id: 'wf_0123456789abcdef', name: 'rolling', windows: 6, mode: 'rolling', efficiency: 0.62 } }));
    expect(doc.robustness).toEqual({
      walkForwardEfficiency: 0.62,
      walkForwardRun: { id: 'wf_0123456789abcdef', name: 'rolling', windows: 6, mode: 'rolling' },
      notComputed: ['pbo', 'dsr', 'psr', 'bootstrap'],
    });
    expect(validator.validate(JSON.parse(JSON.stringify(doc)), 'doc')).toEqual(doc);
  });
});
