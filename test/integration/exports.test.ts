// Export of a trial with its provenance through the real back end: the file round trip (schema, checksum, every
// field), the export history, tampered and broken files, atomic writes that leave nothing behind on failure, and
// re-validation: the exported data reproduces the metrics exactly, other data is labelled as such, and a changed
// user strategy is flagged.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ExportService, exportChecksum } from '../../src/backend/exports';
import type { Backend } from '../../src/backend';
import { ROBUSTNESS_FIGURES, type RobustnessReport, type ParametersReport, type StudyTrial } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { fixturesDir, reference, resourcesDir } from '../helpers/paths';
import { rejectionOf } from '../helpers/rejection';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir('holdout-exports-');

interface Setup {
  backend: Backend;
  dataDir: string;
  studyId: string;
  datasetId: string;
  otherDatasetId: string;
  trials: StudyTrial[];
  best: StudyTrial;
}

async function studyOn(strategy: string, fixtures: string[] = []): Promise<Setup> {
  const dataDir = tempDir();
  if (fixtures.length > 0) {
    mkdirSync(join(dataDir, 'strategies', 'lib'), { recursive: true });
    for (const f of fixtures) copyFileSync(join(fixturesDir, 'strategies', f), join(dataDir, 'strategies', f));
  }
  const backend = openBackend(dataDir);
  const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('msft.csv') } });
  const other = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
  const created = await backend.api.studies.create({ datasetId: dataset.id, strategy, sampler: 'random', budget: { trials: 12 }, workers: 1, seed: 3, config: { fill: 'close', commissionBps: 2 } });
  const summary = await backend.studies.wait(created.id);
  expect(summary.status).toBe('completed');
  const trials = await backend.api.studies.trials({ id: created.id });
  const best = trials.find((t) => t.number === summary.best[0].number)!;
  return { backend, dataDir, studyId: created.id, datasetId: dataset.id, otherDatasetId: other.dataset.id, trials, best };
}

describe('exporting a trial', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await studyOn('sma-crossover');
  }, 120_000);

  it('writes the peak as YAML with every field, re-loads it with a verified checksum, and records it in the history', async () => {
    const { record, document, content } = await s.backend.api.exports.create({ studyId: s.studyId });
    expect(record.path).toBe(join(s.dataDir, 'exports', `${record.studyName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-trial${s.best.number}.yaml`));
    expect(readFileSync(record.path, 'utf8')).toBe(content);
    expect(record).toMatchObject({ studyId: s.studyId, trialNumber: s.best.number, selection: 'peak', format: 'yaml', checksum: document.checksum });

    const onDisk = parseYaml(content) as Record<string, unknown>;
    expect(Object.keys(onDisk).sort()).toEqual(
      ['schemaVersion', 'kind', 'strategy', 'parameters', 'dataset', 'split', 'settings', 'objectives', 'metrics', 'robustness', 'selection', 'study', 'app', 'exportedAt', 'checksum'].sort(),
    );
    expect(exportChecksum(onDisk)).toBe(record.checksum);
    const strategy = (await s.backend.api.strategies.list({})).find((x) => x.name === 'sma-crossover')!;
    expect(document.strategy).toEqual({ name: 'sma-crossover', version: strategy.version, codeHash: strategy.codeHash, source: 'builtin' });
    expect(document.parameters.fast).toEqual({ type: 'int', value: s.best.params.fast });
    expect(document.parameters.slow).toEqual({ type: 'int', value: s.best.params.slow });
    const dataset = await s.backend.api.datasets.get({ id: s.datasetId });
    expect(document.dataset).toMatchObject({ id: s.datasetId, hash: dataset.hash, bars: dataset.bars, firstTimestamp: new Date(dataset.first).toISOString(), frequency: { label: 'daily' } });
    expect(document.split).toEqual({ inSampleFraction: 0.7, inSampleBars: Math.floor(dataset.bars * 0.7), outOfSampleBars: dataset.bars - Math.floor(dataset.bars * 0.7) });
    expect(document.settings).toMatchObject({ fill: 'close', commissionBps: 2, sizing: { kind: 'allIn' } });
    // In sample is the study's own trial, reproduced exactly; out of sample is the held-out rest.
    expect(document.metrics.inSample).toEqual(s.best.metrics);
    expect(document.objectives).toEqual([{ metric: 'sharpe', direction: 'maximize', inSample: s.best.values![0] }]);
    expect(document.metrics.outOfSample!.sharpe).not.toBe(document.metrics.inSample.sharpe);
    expect(document.robustness).toEqual({ notComputed: [...ROBUSTNESS_FIGURES] });
    expect(document.selection).toEqual({ method: 'peak', trial: s.best.number });
    expect(document.study).toEqual({ id: s.studyId, name: record.studyName, sampler: 'random', seed: 3, trials: 12 });
    expect(document.app).toEqual({ name: 'Holdout', version: '0.0.0-test' });

    const loaded = await s.backend.api.exports.load({ source: { kind: 'path', path: record.path } });
    expect(loaded).toEqual({ file: record.path, format: 'yaml', document, checksumVerified: true });
    const uploaded = await s.backend.api.exports.load({ source: { kind: 'content', name: 'upload.yaml', text: content } });
    expect(uploaded.document).toEqual(document);
    expect((await s.backend.api.exports.history({}))[0]).toEqual(record);
  });

  it('writes any trial as JSON to a chosen path, refuses to overwrite without leave, and lists exports newest first', async () => {
    const trial = s.trials.find((t) => t.state === 'complete' && t.number !== s.best.number)!;
    const path = join(tempDir(), 'chosen.json');
    const { record, document } = await s.backend.api.exports.create({ studyId: s.studyId, selection: 'manual', trial: trial.number, format: 'json', path });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(document);
    expect(document.selection).toEqual({ method: 'manual', trial: trial.number });
    expect(document.metrics.inSample).toEqual(trial.metrics);

    const conflict = await rejectionOf(s.backend.api.exports.create({ studyId: s.studyId, format: 'json', path }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('chosen.json already exists');
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(document, null, 2)}\n`);
    const replaced = await s.backend.api.exports.create({ studyId: s.studyId, format: 'json', path, overwrite: true });
    expect(replaced.document.selection.trial).toBe(s.best.number);

    const history = await s.backend.api.exports.history({});
    expect(history.slice(0, 2).map((h) => h.id)).toEqual([replaced.record.id, record.id]);
    const missing = await rejectionOf(s.backend.api.exports.create({ studyId: s.studyId, selection: 'manual', trial: 999 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', location: { field: 'trial' } });
  });

  it('carries the cached robustness figures of the exported trial, and exports the cached robust optimum', async () => {
    const now = Date.now();
    s.backend.store.putAnalysisResult({ studyId: s.studyId, kind: 'robustness', optionsHash: 'test', trialCount: 12, result: robustnessReport(s), durationMs: 5, computedAt: now });
    const robust = { ...s.best.params, fast: Number(s.best.params.fast) + 1 };
    s.backend.store.putAnalysisResult({ studyId: s.studyId, kind: 'parameters', optionsHash: 'test', trialCount: 12, result: parametersReport(s, robust), durationMs: 5, computedAt: now });

    const peak = await s.backend.api.exports.create({ studyId: s.studyId, format: 'json' });
    expect(peak.document.robustness).toEqual({
      pbo: 0.25,
      dsr: 0.8,
      psr: 0.9,
      bootstrap: { samples: 2000, sharpeAnnualised: { level: 0.95, low: 0.1, median: 0.6, high: 1.2 }, cagr: { level: 0.95, low: -0.01, median: 0.05, high: 0.1 } },
      computedAt: new Date(now).toISOString(),
      notComputed: ['walkForwardEfficiency'],
    });

    const r = await s.backend.api.exports.create({ studyId: s.studyId, selection: 'robust', format: 'json' });
    expect(r.record.trialNumber).toBeNull();
    expect(r.record.path).toMatch(/-robust\.json$/);
    expect(r.document.selection).toEqual({ method: 'robust', trial: null, neighbourhood: 0.1, trialsInNeighbourhood: 4 });
    expect(r.document.parameters.fast).toEqual({ type: 'int', value: robust.fast });
    // PSR, DSR and the bootstrap judged another trial: only the study-wide PBO applies to this point.
    expect(r.document.robustness).toMatchObject({ pbo: 0.25, notComputed: ['dsr', 'psr', 'walkForwardEfficiency', 'bootstrap'] });
    expect((await s.backend.api.exports.history({}))[0]).toMatchObject({ selection: 'robust', trialNumber: null });
  });

  it('refuses a tampered file, naming the checksum, and a malformed one, naming the field', async () => {
    const { record, content } = await s.backend.api.exports.create({ studyId: s.studyId, format: 'json' });
    const tampered = content.replace(/"fast": \{\s*"type": "int",\s*"value": (\d+)/, (m, v: string) => m.replace(v, String(Number(v) + 1)));
    expect(tampered).not.toBe(content);
    writeFileSync(record.path, tampered);
    const err = await rejectionOf(s.backend.api.exports.load({ source: { kind: 'path', path: record.path } }));
    expect(err).toMatchObject({ code: 'INVALID_DATA', location: { file: record.path, field: 'checksum' } });
    expect(err.message).toContain('the file was changed after it was exported');

    const broken = JSON.parse(content) as { dataset: { bars: unknown } };
    broken.dataset.bars = 'many';
    const malformed = await rejectionOf(s.backend.api.exports.load({ source: { kind: 'content', name: 'broken.json', text: JSON.stringify(broken) } }));
    expect(malformed.message).toBe('broken.json: dataset.bars: must be integer');
    const absent = await rejectionOf(s.backend.api.exports.load({ source: { kind: 'path', path: join(s.dataDir, 'nope.yaml') } }));
    expect(absent.code).toBe('NOT_FOUND');
  });

  it('leaves no file and no temporary file when the write fails', async () => {
    const dir = tempDir();
    const failing = new ExportService({
      store: s.backend.store,
      backtests: s.backend.backtests,
      studies: s.backend.studies,
      appVersion: 'test',
      exportsDir: dir,
      resourcesDir,
      parametersAnalysis: () => Promise.reject(new Error('not used')),
      beforeRename: (temp) => {
        expect(readFileSync(temp, 'utf8')).toContain('checksum');
        throw new Error('disk unplugged');
      },
    });
    await expect(failing.create({ studyId: s.studyId, selection: 'peak', format: 'yaml', overwrite: false })).rejects.toThrow('disk unplugged');
    expect(readdirSync(dir)).toEqual([]);

    const target = join(dir, 'a-folder');
    mkdirSync(target);
    const onDir = await rejectionOf(s.backend.api.exports.create({ studyId: s.studyId, path: target, overwrite: true }));
    expect(onDir.message).toContain(`Could not write the export to ${target}`);
    const noFolder = await rejectionOf(s.backend.api.exports.create({ studyId: s.studyId, path: join(dir, 'missing', 'x.yaml') }));
    expect(noFolder.message).toContain('does not exist');
    expect(readdirSync(dir)).toEqual(['a-folder']);
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('re-validating an export', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await studyOn('sma-crossover');
  }, 120_000);

  it('reproduces the exported metrics exactly on the exported data', async () => {
    const { record, document } = await s.backend.api.exports.create({ studyId: s.studyId });
    const report = await s.backend.api.exports.revalidate({ source: { kind: 'path', path: record.path }, datasetId: s.datasetId });
    expect(report.sameData).toBe(true);
    expect(report.strategy.codeChanged).toBe(false);
    expect(report.warnings).toEqual([]);
    expect(report.runs.map((r) => r.segment)).toEqual(['inSample', 'outOfSample']);
    expect(report.runs[0]).toMatchObject({ fromBar: 0, toBar: document.split.inSampleBars });
    for (const row of report.rows) {
      expect(row.now[0]).toBe(row.exportedInSample);
      expect(row.now[1]).toBe(row.exportedOutOfSample);
    }
    expect(report.rows.find((r) => r.metric === 'sharpe')).toMatchObject({ label: 'Sharpe ratio', exportedInSample: s.best.metrics!.sharpe });
    expect(report.reproduced).toBe(true);
    expect(report.verdict.level).toBe('reproduced');
    expect(report.verdict.headline).toMatch(/^Reproduced: on the exported data/);
    expect(report.bootstrap).toBeNull();
  });

  it('gives a different, clearly labelled result on other data, judged against the bootstrap interval', async () => {
    s.backend.store.putAnalysisResult({ studyId: s.studyId, kind: 'robustness', optionsHash: 'test', trialCount: 12, result: robustnessReport(s), durationMs: 5, computedAt: Date.now() });
    const { record, document } = await s.backend.api.exports.create({ studyId: s.studyId });
    const report = await s.backend.api.exports.revalidate({ source: { kind: 'path', path: record.path }, datasetId: s.otherDatasetId });
    expect(report.sameData).toBe(false);
    expect(report.reproduced).toBeNull();
    const other = await s.backend.api.datasets.get({ id: s.otherDatasetId });
    expect(report.runs).toEqual([{ segment: 'newData', label: `New data: ${other.name} (all ${other.bars} bars)`, fromBar: 0, toBar: other.bars }]);
    const sharpe = report.rows.find((r) => r.metric === 'sharpe')!;
    expect(sharpe.now[0]).not.toBe(document.metrics.inSample.sharpe);
    expect(sharpe.now[0]).not.toBe(document.metrics.outOfSample!.sharpe);
    const inside = sharpe.now[0]! >= 0.1 && sharpe.now[0]! <= 1.2;
    expect(report.bootstrap).toEqual({ level: 0.95, low: 0.1, high: 1.2, sharpe: sharpe.now[0], inside, segment: 'newData' });
    expect(report.verdict.level).toBe(inside ? 'holding' : sharpe.now[0]! < 0.1 ? 'degraded' : 'improved');
    expect(report.verdict.reasons.join(' ')).toContain(`on ${other.name}`);
  });
});

describe('exporting the robust optimum without a cached analysis', () => {
  it('computes the parameters analysis and exports its robust point, recording the analysis for next time', async () => {
    const s = await studyOn('sma-crossover');
    expect(s.backend.store.latestAnalysisResult(s.studyId, 'parameters')).toBeUndefined();
    const { record, document } = await s.backend.api.exports.create({ studyId: s.studyId, selection: 'robust' });
    const cached = s.backend.store.latestAnalysisResult(s.studyId, 'parameters');
    expect(cached).toBeDefined();
    const robust = (cached!.result as ParametersReport).robust;
    expect(document.selection).toEqual({ method: 'robust', trial: robust.trial, neighbourhood: robust.neighbourhood, trialsInNeighbourhood: robust.trialsInNeighbourhood });
    for (const [name, value] of Object.entries(robust.params)) expect(document.parameters[name].value).toBe(value);
    expect(record).toMatchObject({ selection: 'robust', trialNumber: robust.trial });
  }, 180_000);
});

describe('re-validating on data the export cannot run on', () => {
  it('names settings.fill when the export fills at the open and the data has closes only', async () => {
    const s = await studyOn('sma-crossover');
    const { document } = await s.backend.api.exports.create({ studyId: s.studyId, format: 'json' });
    const { checksum: _old, ...content } = { ...document, settings: { ...document.settings, fill: 'nextOpen' as const } };
    void _old;
    const text = JSON.stringify({ ...content, checksum: exportChecksum(content) });
    const { dataset } = await s.backend.api.datasets.import({ source: { kind: 'path', path: reference('eustock_SMI.csv') } });
    const err = await rejectionOf(s.backend.api.exports.revalidate({ source: { kind: 'content', name: 'open-fill.json', text }, datasetId: dataset.id }));
    expect(err).toMatchObject({ code: 'INVALID_REQUEST', location: { file: 'open-fill.json', field: 'settings.fill' } });
    expect(err.message).toContain('has no open prices');
  }, 120_000);
});

describe('re-validating an export of a user strategy', () => {
  it('flags a strategy whose code changed since the export, and refuses to export a study made with other code', async () => {
    const s = await studyOn('trend-follow', ['trend-follow.ts', 'lib/signals.ts']);
    const { record, document } = await s.backend.api.exports.create({ studyId: s.studyId });
    expect(document.strategy).toMatchObject({ name: 'trend-follow', version: '1.2.0', source: 'user' });
    expect(document.parameters.period).toEqual({ type: 'int', value: s.best.params.period });

    const file = join(s.dataDir, 'strategies', 'trend-follow.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("description: 'Long while", "description: 'Edited: long while"));
    await s.backend.api.strategies.list({});
    const report = await s.backend.api.exports.revalidate({ source: { kind: 'path', path: record.path }, datasetId: s.datasetId });
    expect(report.strategy.codeChanged).toBe(true);
    expect(report.strategy.exportedCodeHash).toBe(document.strategy.codeHash);
    expect(report.strategy.codeHash).not.toBe(document.strategy.codeHash);
    expect(report.warnings[0]).toMatch(/^The strategy's code has changed since the export/);
    expect(report.verdict.reasons[0]).toContain('code differs');

    const refused = await rejectionOf(s.backend.api.exports.create({ studyId: s.studyId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain("The code of strategy 'trend-follow' has changed");
    expect(existsSync(join(s.dataDir, 'exports', readdirSync(join(s.dataDir, 'exports'))[0]))).toBe(true);
  }, 120_000);
});

function robustnessReport(s: Setup): RobustnessReport {
  return {
    provenance: { studyId: s.studyId, trialCount: 12, computedAt: Date.now(), durationMs: 5, cached: false, stale: false },
    trial: { number: s.best.number, params: s.best.params, values: s.best.values! },
    sharpe: { perPeriod: 0.03, annualised: 0.5, periodsPerYear: 252, observations: 1000, skewness: 0, kurtosis: 3 },
    psr: { benchmark: 0, value: 0.9 },
    dsr: { value: 0.8, trials: 12, effectiveTrials: 6, averageCorrelation: 0.5, sharpeVariance: 0.001, expectedMaxSharpe: 0.02 },
    minTrackRecord: { observations: 500, years: 2, confidence: 0.95 },
    pbo: { value: 0.25, partitions: 16, combinations: 12870, trials: 12, logits: [0.5], probOosLoss: 0.2, degradation: { slope: -0.5, intercept: 0.1 }, points: [{ inSample: 1, outOfSample: 0.5 }] },
    bootstrap: { samples: 2000, meanBlock: 10, sharpeAnnualised: { level: 0.95, low: 0.1, median: 0.6, high: 1.2 }, cagr: { level: 0.95, low: -0.01, median: 0.05, high: 0.1 } },
    drawdownReshuffle: null,
    outOfSample: null,
    verdict: { level: 'caution', headline: 'Caution.', reasons: [] },
    notes: [],
  };
}

function parametersReport(s: Setup, robust: Record<string, number | string | boolean>): ParametersReport {
  return {
    provenance: { studyId: s.studyId, trialCount: 12, computedAt: Date.now(), durationMs: 5, cached: false, stale: false },
    objective: { metric: 'sharpe', direction: 'maximize' },
    importance: [],
    peak: { trial: s.best.number, params: s.best.params, value: s.best.values![0], neighbourhoodValue: 0.4 },
    robust: { params: robust, neighbourhoodValue: 0.45, value: 0.5, trial: null, neighbourhood: 0.1, trialsInNeighbourhood: 4 },
    sensitivity: { base: { params: robust, value: 0.5 }, moves: [], doubleCosts: { value: 0.3, change: -0.2 } },
    partialDependence: [],
    notes: [],
  };
}
