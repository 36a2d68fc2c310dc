// The Storage conformance suite: every implementation of the Storage interface must pass all of it.
// Today that is the SQLite store, on a file and in memory.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, type Storage } from '../../src/backend';
import { LATEST_SCHEMA_VERSION } from '../../src/backend/storage/migrations';
import type { DatasetCommit, StudyRecord } from '../../src/backend/storage/storage';
import { HoldoutError } from '../../src/shared';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

const implementations: Array<[string, () => Storage]> = [
  ['SQLite file', () => openSqliteStore(join(tempDir(), 'store.sqlite'))],
  ['SQLite in memory', () => openSqliteStore(':memory:')],
];

function series(n: number, offset = 0) {
  const time = new Float64Array(n).map((_, i) => 86_400_000 * (i + offset));
  const close = new Float64Array(n).map((_, i) => 100 + Math.sin(i + offset) + i / 7);
  const volume = new Float64Array(n).map((_, i) => 1000 + i);
  return { time, close, volume };
}

function commitFor(hash: string, n: number): DatasetCommit {
  return {
    hash,
    bars: n,
    first: 0,
    last: 86_400_000 * (n - 1),
    frequency: { seconds: 86_400, label: 'daily', periodsPerYear: 252 },
    columns: ['time', 'close', 'volume'],
    stats: {
      bars: n,
      first: 0,
      last: 86_400_000 * (n - 1),
      missingSessions: 0,
      largestGaps: [],
      dailyReturns: { count: n - 1, mean: 0.001, std: 0.01, skewness: null, excessKurtosis: null },
      largestMoves: [{ time: 86_400_000, ret: 0.02 }],
      minClose: 99,
      maxClose: 120,
    },
  };
}

function studyRecord(id: string, createdAt: number): StudyRecord {
  return {
    id,
    name: 'tuning',
    datasetId: 'ds_0000000000000001',
    datasetHash: 'c'.repeat(64),
    strategyName: 'sma-crossover',
    strategyHash: 'd'.repeat(64),
    space: { params: [{ type: 'int', name: 'fast', low: 2, high: 10 }], fixed: {} },
    objectives: [{ metric: 'sharpe', direction: 'maximize' }],
    sampler: 'tpe',
    samplerSettings: {},
    seed: 1,
    inSampleFraction: 0.7,
    inSampleBars: 70,
    inSampleFrom: 0,
    config: { fill: 'close' },
    budgetTrials: 10,
    budgetTimeSec: null,
    trialTimeLimitSec: 60,
    workers: 2,
    status: 'running',
    error: null,
    samplerState: null,
    createdAt,
    startedAt: createdAt,
    finishedAt: null,
    wallTimeMs: 0,
    notes: '',
    tags: [],
    parentId: null,
  };
}

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

for (const [name, open] of implementations) {
  describe(`Storage conformance: ${name}`, () => {
    it('starts empty at the latest schema version', () => {
      const store = open();
      expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(store.listDatasets()).toEqual([]);
      store.close();
    });

    it('writes chunks, hides the dataset until commit, then reads the columns back bit for bit', () => {
      const store = open();
      const s = series(10);
      const writer = store.beginDatasetImport({ name: 'ten bars', source: 'test.csv' });
      writer.appendChunk({ rowStart: 0, length: 6, columns: { time: s.time.slice(0, 6), close: s.close.slice(0, 6), volume: s.volume.slice(0, 6) } });
      expect(store.listDatasets()).toEqual([]);
      expect(store.getDataset(writer.id)).toBeUndefined();
      writer.appendChunk({ rowStart: 6, length: 4, columns: { time: s.time.slice(6), close: s.close.slice(6), volume: s.volume.slice(6) } });
      const record = writer.commit(commitFor(HASH_A, 10));
      expect(record.name).toBe('ten bars');
      expect(record.bars).toBe(10);
      expect(record.stats.largestMoves[0].ret).toBe(0.02);
      expect(store.listDatasets().map((d) => d.id)).toEqual([writer.id]);
      expect(store.findDatasetByHash(HASH_A)?.id).toBe(writer.id);
      const bars = store.loadBars(writer.id);
      expect(bars.length).toBe(10);
      expect(Array.from(bars.time)).toEqual(Array.from(s.time));
      expect(Array.from(bars.close)).toEqual(Array.from(s.close));
      expect(Array.from(bars.volume!)).toEqual(Array.from(s.volume));
      expect(store.loadBars(writer.id, ['close']).volume).toBeUndefined();
      store.close();
    });

    it('abort leaves no trace and the same data can then be imported', () => {
      const store = open();
      const s = series(5);
      const w1 = store.beginDatasetImport({ name: 'aborted', source: 'x.csv' });
      w1.appendChunk({ rowStart: 0, length: 5, columns: s });
      w1.abort();
      w1.abort();
      expect(store.listDatasets()).toEqual([]);
      expect(() => store.loadBars(w1.id)).toThrow(HoldoutError);
      const w2 = store.beginDatasetImport({ name: 'kept', source: 'x.csv' });
      w2.appendChunk({ rowStart: 0, length: 5, columns: s });
      w2.commit(commitFor(HASH_A, 5));
      expect(store.listDatasets().map((d) => d.name)).toEqual(['kept']);
      store.close();
    });

    it('refuses a chunk whose columns disagree on length', () => {
      const store = open();
      const s = series(5);
      const w = store.beginDatasetImport({ name: 'bad', source: 'x.csv' });
      expect(() => w.appendChunk({ rowStart: 0, length: 5, columns: { time: s.time, close: s.close.slice(0, 4) } })).toThrow(/expected 5/);
      w.abort();
      store.close();
    });

    it('keeps one dataset per hash: a second commit of the same hash fails and can be aborted', () => {
      const store = open();
      const s = series(3);
      const w1 = store.beginDatasetImport({ name: 'first', source: 'a.csv' });
      w1.appendChunk({ rowStart: 0, length: 3, columns: s });
      w1.commit(commitFor(HASH_A, 3));
      const w2 = store.beginDatasetImport({ name: 'second', source: 'b.csv' });
      w2.appendChunk({ rowStart: 0, length: 3, columns: s });
      expect(() => w2.commit(commitFor(HASH_A, 3))).toThrow();
      w2.abort();
      expect(store.listDatasets().map((d) => d.name)).toEqual(['first']);
      store.close();
    });

    it('lists newest first, renames and deletes, and names the id it cannot find', () => {
      const store = open();
      const ids: string[] = [];
      for (const [i, hash] of [HASH_A, HASH_B].entries()) {
        const w = store.beginDatasetImport({ name: `d${i}`, source: 's.csv' });
        w.appendChunk({ rowStart: 0, length: 3, columns: series(3, i) });
        w.commit(commitFor(hash, 3));
        ids.push(w.id);
      }
      expect(store.listDatasets().map((d) => d.id)).toEqual([ids[1], ids[0]]);
      expect(store.renameDataset(ids[0], 'renamed').name).toBe('renamed');
      expect(store.getDataset(ids[0])?.name).toBe('renamed');
      store.deleteDataset(ids[1]);
      expect(store.listDatasets().map((d) => d.id)).toEqual([ids[0]]);
      for (const call of [() => store.renameDataset('ds_000000000000', 'x'), () => store.deleteDataset(ids[1]), () => store.loadBars(ids[1])]) {
        try {
          call();
          expect.unreachable('should have thrown');
        } catch (err) {
          expect(err).toBeInstanceOf(HoldoutError);
          expect((err as HoldoutError).code).toBe('NOT_FOUND');
        }
      }
      store.close();
    });

    it('stores settings and overwrites them', () => {
      const store = open();
      expect(store.getSetting('window.main')).toBeUndefined();
      store.setSetting('window.main', '{"w":1}');
      store.setSetting('window.main', '{"w":2}');
      expect(store.getSetting('window.main')).toBe('{"w":2}');
      store.close();
    });

    it('stores a study, its trials as they are asked and finished, and keeps finished trials immutable', () => {
      const store = open();
      const study = studyRecord('st_00000000000000a1', 100);
      store.createStudy(study);
      store.createStudy({ ...studyRecord('st_00000000000000a2', 200), name: 'second' });
      expect(store.getStudy(study.id)).toEqual(study);
      expect(store.listStudies().map((s) => s.id)).toEqual(['st_00000000000000a2', study.id]);
      expect(store.getStudy('st_ffffffffffffffff')).toBeUndefined();

      store.addRunningTrials(study.id, [{ number: 0, params: { fast: 5 }, startedAt: 10 }, { number: 1, params: { fast: 7 }, startedAt: 10 }], '{"rng":1}');
      expect(store.getStudy(study.id)?.samplerState).toBe('{"rng":1}');
      const returns = Float32Array.from([0.01, -0.02, 0.005]);
      store.finishTrial(study.id, { number: 1, state: 'complete', values: [1.5], metrics: { sharpe: 1.5, cagr: null }, failReason: null, durationMs: 3, worker: 0, cached: false, finishedAt: 20, returns }, '{"rng":2}');
      store.finishTrial(study.id, { number: 0, state: 'failed', values: null, metrics: null, failReason: 'boom', durationMs: 1, worker: 1, cached: false, finishedAt: 21 }, '{"rng":3}');
      expect(store.getStudy(study.id)?.samplerState).toBe('{"rng":3}');
      const trials = store.listTrials(study.id);
      expect(trials.map((t) => [t.number, t.state, t.failReason])).toEqual([
        [0, 'failed', 'boom'],
        [1, 'complete', null],
      ]);
      expect(trials[1]).toMatchObject({ params: { fast: 7 }, values: [1.5], metrics: { sharpe: 1.5, cagr: null }, worker: 0, cached: false, finishedAt: 20 });
      expect(Array.from(store.trialReturns(study.id, 1)!)).toEqual(Array.from(returns));
      expect(store.trialReturns(study.id, 0)).toBeUndefined();
      expect(() =>
        store.finishTrial(study.id, { number: 1, state: 'failed', values: null, metrics: null, failReason: 'again', durationMs: 0, worker: 0, cached: false, finishedAt: 30 }, null),
      ).toThrow(/cannot change/);
      expect(store.listTrials(study.id)[1].state).toBe('complete');

      const updated = store.updateStudy(study.id, { status: 'completed', finishedAt: 40, wallTimeMs: 30 });
      expect(updated).toMatchObject({ status: 'completed', finishedAt: 40, wallTimeMs: 30, samplerState: '{"rng":3}' });
      expect(() => store.updateStudy('st_ffffffffffffffff', { status: 'paused' })).toThrow(HoldoutError);
      store.close();
    });

    it('marks studies left running as interrupted, keeping their unfinished trials running for the resume to re-run', () => {
      const store = open();
      store.createStudy(studyRecord('st_00000000000000b1', 1));
      store.createStudy({ ...studyRecord('st_00000000000000b2', 2), status: 'paused' });
      store.addRunningTrials('st_00000000000000b1', [{ number: 0, params: { fast: 5 }, startedAt: 1 }, { number: 1, params: { fast: 6 }, startedAt: 1 }], null);
      store.finishTrial('st_00000000000000b1', { number: 0, state: 'complete', values: [1], metrics: {}, failReason: null, durationMs: 1, worker: 0, cached: false, finishedAt: 2 }, null);
      expect(store.markInterruptedStudies()).toEqual(['st_00000000000000b1']);
      expect(store.getStudy('st_00000000000000b1')?.status).toBe('interrupted');
      expect(store.getStudy('st_00000000000000b2')?.status).toBe('paused');
      expect(store.listTrials('st_00000000000000b1').map((t) => [t.state, t.failReason])).toEqual([
        ['complete', null],
        ['running', null],
      ]);
      expect(store.markInterruptedStudies()).toEqual([]);
      store.close();
    });

    it('renames, tags and annotates a study and its trials, and names what it cannot find', () => {
      const store = open();
      const study = studyRecord('st_00000000000000c1', 1);
      store.createStudy(study);
      store.addRunningTrials(study.id, [{ number: 0, params: { fast: 5 }, startedAt: 1 }], null);
      expect(store.listTrials(study.id)[0].notes).toBe('');
      const updated = store.updateStudyInfo(study.id, { name: 'renamed', tags: ['momentum', 'daily'], notes: '# Why\n*fast* < 5 looks overfit' });
      expect(updated).toMatchObject({ name: 'renamed', tags: ['momentum', 'daily'], notes: '# Why\n*fast* < 5 looks overfit', status: 'running' });
      expect(store.getStudy(study.id)).toEqual(updated);
      expect(store.updateStudyInfo(study.id, { tags: [] }).notes).toBe('# Why\n*fast* < 5 looks overfit');
      expect(store.setTrialNotes(study.id, 0, 'check on 2020 data')).toMatchObject({ number: 0, notes: 'check on 2020 data', state: 'running' });
      expect(store.listTrials(study.id)[0].notes).toBe('check on 2020 data');
      expect(() => store.setTrialNotes(study.id, 9, 'x')).toThrow(/no trial #9/);
      expect(() => store.setTrialNotes('st_ffffffffffffffff', 0, 'x')).toThrow(HoldoutError);
      expect(() => store.updateStudyInfo('st_ffffffffffffffff', { name: 'x' })).toThrow(HoldoutError);
      store.close();
    });

    it('deletes a study with its trials and analyses; a study continued from it keeps its trials and loses the link', () => {
      const store = open();
      const parent = studyRecord('st_00000000000000d1', 1);
      store.createStudy(parent);
      store.addRunningTrials(parent.id, [{ number: 0, params: { fast: 5 }, startedAt: 1 }], null);
      store.finishTrial(parent.id, { number: 0, state: 'complete', values: [1], metrics: { sharpe: 1 }, failReason: null, durationMs: 1, worker: 0, cached: false, finishedAt: 2, returns: Float32Array.from([0.5]) }, null);
      store.putAnalysisResult({ studyId: parent.id, kind: 'robustness', optionsHash: 'h', trialCount: 1, result: {}, durationMs: 1, computedAt: 3 });
      const [seed] = store.listTrials(parent.id);
      const child = { ...studyRecord('st_00000000000000d2', 2), parentId: parent.id, tags: ['continued'] };
      store.createSeededStudy(child, [{ ...seed, notes: 'seeded', returns: Float32Array.from([0.5]) }]);
      expect(store.getStudy(child.id)).toMatchObject({ parentId: parent.id, tags: ['continued'] });
      expect(store.listTrials(child.id)).toEqual([{ ...seed, notes: 'seeded' }]);
      expect(Array.from(store.trialReturns(child.id, 0)!)).toEqual([0.5]);
      store.deleteStudy(parent.id);
      expect(store.getStudy(parent.id)).toBeUndefined();
      expect(store.listTrials(parent.id)).toEqual([]);
      expect(store.latestAnalysisResult(parent.id, 'robustness')).toBeUndefined();
      expect(store.getStudy(child.id)?.parentId).toBeNull();
      expect(store.listTrials(child.id)).toHaveLength(1);
      expect(() => store.deleteStudy(parent.id)).toThrow(HoldoutError);
      store.close();
    });

    it('caches evaluations by key', () => {
      const store = open();
      expect(store.getCachedEvaluation('k1')).toBeUndefined();
      store.putCachedEvaluation('k1', { metrics: { sharpe: 0.5, cagr: null }, returns: Float32Array.from([1, 2]) });
      store.putCachedEvaluation('k2', { metrics: { sharpe: 0.1 }, returns: null });
      const hit = store.getCachedEvaluation('k1')!;
      expect(hit.metrics).toEqual({ sharpe: 0.5, cagr: null });
      expect(Array.from(hit.returns!)).toEqual([1, 2]);
      expect(store.getCachedEvaluation('k2')).toEqual({ metrics: { sharpe: 0.1 }, returns: null });
      store.close();
    });

    it('reads every complete trial\'s returns in one call, in number order, skipping trials without them', () => {
      const store = open();
      const study = studyRecord('st_00000000000000d1', 1);
      store.createStudy(study);
      store.addRunningTrials(study.id, [0, 1, 2, 3].map((number) => ({ number, params: { fast: number + 2 }, startedAt: 1 })), null);
      const finish = (number: number, state: 'complete' | 'failed', returns?: Float32Array) =>
        store.finishTrial(study.id, { number, state, values: state === 'complete' ? [number] : null, metrics: null, failReason: null, durationMs: 1, worker: 0, cached: false, finishedAt: 2, returns }, null);
      finish(3, 'complete', Float32Array.from([0.5, -0.25]));
      finish(0, 'complete', Float32Array.from([0.125, 0.75]));
      finish(1, 'failed', Float32Array.from([9, 9]));
      finish(2, 'complete');
      const all = store.completeTrialReturns(study.id);
      expect(all.map((r) => r.number)).toEqual([0, 3]);
      expect(all.map((r) => Array.from(r.returns))).toEqual([
        [0.125, 0.75],
        [0.5, -0.25],
      ]);
      expect(store.completeTrialReturns('st_ffffffffffffffff')).toEqual([]);
      store.close();
    });

    it('stores analysis results by (study, kind, options hash), replaces them, and finds the newest of a kind', () => {
      const store = open();
      const study = studyRecord('st_00000000000000e1', 1);
      store.createStudy(study);
      expect(store.getAnalysisResult(study.id, 'robustness', 'h1')).toBeUndefined();
      expect(store.latestAnalysisResult(study.id, 'robustness')).toBeUndefined();
      const row = { studyId: study.id, kind: 'robustness', optionsHash: 'h1', trialCount: 10, result: { pbo: { value: 0.25 }, notes: ['n'] }, durationMs: 12.5, computedAt: 1000 };
      store.putAnalysisResult(row);
      store.putAnalysisResult({ ...row, optionsHash: 'h2', trialCount: 8, result: { pbo: null }, computedAt: 3000 });
      store.putAnalysisResult({ ...row, kind: 'parameters', optionsHash: 'h3', computedAt: 5000 });
      expect(store.getAnalysisResult(study.id, 'robustness', 'h1')).toEqual(row);
      expect(store.latestAnalysisResult(study.id, 'robustness')).toMatchObject({ optionsHash: 'h2', trialCount: 8, result: { pbo: null } });
      expect(store.latestAnalysisResult(study.id, 'parameters')?.optionsHash).toBe('h3');
      // Recomputed on more trials: the same key is replaced in place and becomes the newest.
      store.putAnalysisResult({ ...row, trialCount: 12, result: { pbo: { value: 0.5 } }, computedAt: 4000 });
      expect(store.getAnalysisResult(study.id, 'robustness', 'h1')).toMatchObject({ trialCount: 12, result: { pbo: { value: 0.5 } }, computedAt: 4000 });
      expect(store.latestAnalysisResult(study.id, 'robustness')?.optionsHash).toBe('h1');
      expect(store.getAnalysisResult('st_ffffffffffffffff', 'robustness', 'h1')).toBeUndefined();
      store.close();
    });

    it('records exports and lists them newest first, a robust optimum without a trial as null', () => {
      const store = open();
      expect(store.listExports()).toEqual([]);
      const first = { id: 'ex_0000000000000001', studyId: 'st_0000000000000001', studyName: 'tuning', trialNumber: 12, selection: 'peak' as const, format: 'yaml' as const, path: '/tmp/a.yaml', checksum: 'e'.repeat(64), createdAt: 1000 };
      const second = { ...first, id: 'ex_0000000000000002', trialNumber: null, selection: 'robust' as const, format: 'json' as const, path: '/tmp/b.json', createdAt: 2000 };
      store.addExport(first);
      store.addExport(second);
      expect(store.listExports()).toEqual([second, first]);
      expect(() => store.addExport(first)).toThrow();
      store.close();
    });

    it('stores a study on a bar range, and a study without one as starting at bar 0', () => {
      const store = open();
      store.createStudy({ ...studyRecord('st_00000000000000a1', 1), inSampleFrom: 250, inSampleBars: 500 });
      const { inSampleFrom: _absent, ...withoutRange } = studyRecord('st_00000000000000a2', 2);
      store.createStudy(withoutRange);
      expect(store.getStudy('st_00000000000000a1')).toMatchObject({ inSampleFrom: 250, inSampleBars: 500 });
      expect(store.getStudy('st_00000000000000a2')).toMatchObject({ inSampleFrom: 0, inSampleBars: 70 });
      store.close();
    });

    it('stores walk-forward runs with their windows, updates them in place and marks running ones interrupted', () => {
      const store = open();
      const run = (id: string, createdAt: number) => ({
        id,
        name: 'wf',
        datasetId: 'ds_0000000000000001',
        datasetHash: HASH_A,
        strategyName: 'sma-crossover',
        request: { inSampleBars: 100, outOfSampleBars: 50 },
        status: 'running' as const,
        error: null,
        result: null,
        createdAt,
        startedAt: createdAt,
        finishedAt: null,
      });
      const window = (runId: string, index: number) => ({
        runId,
        index,
        inSample: { from: index * 50, to: 100 + index * 50 - 2 },
        outOfSample: { from: 100 + index * 50, to: 150 + index * 50 },
        status: 'pending' as const,
        studyId: null,
        trialNumber: null,
        params: null,
        inSampleMetrics: null,
        outOfSampleMetrics: null,
      });
      expect(store.listWalkForwardRuns()).toEqual([]);
      store.createWalkForwardRun(run('wf_0000000000000001', 1000), [window('wf_0000000000000001', 0), window('wf_0000000000000001', 1)]);
      store.createWalkForwardRun(run('wf_0000000000000002', 2000), [{ ...window('wf_0000000000000002', 0), status: 'running' as const }, window('wf_0000000000000002', 1)]);
      expect(store.listWalkForwardRuns().map((r) => r.id)).toEqual(['wf_0000000000000002', 'wf_0000000000000001']);
      expect(store.getWalkForwardRun('wf_0000000000000001')).toEqual(run('wf_0000000000000001', 1000));
      expect(store.listWalkForwardWindows('wf_0000000000000001')).toEqual([window('wf_0000000000000001', 0), window('wf_0000000000000001', 1)]);
      // A window on a run that is not the one created with it: nothing of the run is kept.
      expect(() => store.createWalkForwardRun(run('wf_0000000000000003', 3000), [window('wf_0000000000000009', 0)])).toThrow();
      expect(store.getWalkForwardRun('wf_0000000000000003')).toBeUndefined();

      const returns = Float32Array.from([0, 0.01, -0.02]);
      store.updateWalkForwardWindow('wf_0000000000000001', 1, {
        status: 'completed',
        studyId: 'st_0000000000000001',
        trialNumber: 4,
        params: { fast: 5, mode: 'long-flat' },
        inSampleMetrics: { sharpe: 1.2, cagr: null },
        outOfSampleMetrics: { sharpe: 0.4, cagr: 0.05 },
        outOfSampleReturns: returns,
      });
      const [first, second] = store.listWalkForwardWindows('wf_0000000000000001');
      expect(first).toEqual(window('wf_0000000000000001', 0));
      expect(second).toMatchObject({ status: 'completed', studyId: 'st_0000000000000001', trialNumber: 4, params: { fast: 5, mode: 'long-flat' }, inSampleMetrics: { sharpe: 1.2, cagr: null } });
      expect(second.outOfSampleReturns).toBeUndefined();
      expect(Array.from(store.walkForwardWindowReturns('wf_0000000000000001', 1)!)).toEqual(Array.from(returns));
      expect(store.walkForwardWindowReturns('wf_0000000000000001', 0)).toBeUndefined();
      expect(() => store.updateWalkForwardWindow('wf_0000000000000001', 7, { status: 'failed' })).toThrow(HoldoutError);

      const updated = store.updateWalkForwardRun('wf_0000000000000001', { status: 'completed', result: { efficiency: 0.5 }, finishedAt: 5000 });
      expect(updated).toMatchObject({ status: 'completed', result: { efficiency: 0.5 }, finishedAt: 5000, error: null });
      expect(() => store.updateWalkForwardRun('wf_0000000000000404', { status: 'failed' })).toThrow(HoldoutError);

      expect(store.markInterruptedWalkForwardRuns()).toEqual(['wf_0000000000000002']);
      expect(store.getWalkForwardRun('wf_0000000000000002')?.status).toBe('interrupted');
      expect(store.listWalkForwardWindows('wf_0000000000000002').map((w) => w.status)).toEqual(['stopped', 'pending']);
      expect(store.getWalkForwardRun('wf_0000000000000001')?.status).toBe('completed');
      store.close();
    });
  });
}
