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
  });
}
