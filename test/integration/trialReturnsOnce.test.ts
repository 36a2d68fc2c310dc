// A trial's per-bar returns are written once: its result-cache entry points at the trial row rather than holding
// a second copy, reads through the pointer give the same numbers, and deleting the study hands the returns over
// to the cache entry, so the cache loses nothing.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/backend';
import type { StudyRecord } from '../../src/backend/storage/storage';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

const study: StudyRecord = {
  id: 'st_00000000000000f1',
  name: 'returns once',
  datasetId: 'ds_0000000000000001',
  datasetHash: 'c'.repeat(64),
  strategyName: 'sma-crossover',
  strategyHash: 'd'.repeat(64),
  space: { params: [{ type: 'int', name: 'fast', low: 2, high: 10 }], fixed: {} },
  objectives: [{ metric: 'sharpe', direction: 'maximize' }],
  sampler: 'random',
  samplerSettings: {},
  seed: 1,
  inSampleFraction: 0.7,
  inSampleBars: 4,
  config: { fill: 'close' },
  budgetTrials: 3,
  budgetTimeSec: null,
  trialTimeLimitSec: 60,
  workers: 1,
  status: 'running',
  error: null,
  samplerState: null,
  createdAt: 1,
  startedAt: 1,
  finishedAt: null,
  wallTimeMs: 0,
};

describe('trial returns stored once', () => {
  it('caches an evaluated trial by reference to its row, and keeps the returns when the study is deleted', () => {
    const file = join(tempDir(), 'store.sqlite');
    const store = openSqliteStore(file);
    store.createStudy(study);
    store.addRunningTrials(study.id, [0, 1].map((number) => ({ number, params: { fast: number + 2 }, startedAt: 1 })), '{"rng":1}');
    const shared = Float32Array.from([0.01, -0.02, 0.005, 0]);
    const copied = Float32Array.from([0.5, 0.25, 0, -1]);
    const trial = (number: number, returns: Float32Array) => ({
      number,
      state: 'complete' as const,
      values: [number],
      metrics: { sharpe: number },
      failReason: null,
      durationMs: 1,
      worker: 0,
      cached: false,
      finishedAt: 2,
      returns,
    });
    store.finishTrials(
      study.id,
      [
        // The same array in the trial and its cache entry: stored once.
        { trial: trial(0, shared), cache: { key: 'k-shared', value: { metrics: { sharpe: 0 }, returns: shared } } },
        // A different array (equal or not): the cache keeps its own copy, as before.
        { trial: trial(1, Float32Array.from(copied)), cache: { key: 'k-copied', value: { metrics: { sharpe: 1 }, returns: copied } } },
      ],
      '{"rng":2}',
    );
    expect(Array.from(store.getCachedEvaluation('k-shared')!.returns!)).toEqual(Array.from(shared));
    expect(Array.from(store.getCachedEvaluation('k-copied')!.returns!)).toEqual(Array.from(copied));
    expect(Array.from(store.trialReturns(study.id, 0)!)).toEqual(Array.from(shared));
    expect(store.getStudy(study.id)?.samplerState).toBe('{"rng":2}');
    store.close();

    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const stored = (key: string) => db.prepare('SELECT returns, study_id FROM trial_cache WHERE key = ?').get(key) as { returns: Buffer | null; study_id: string | null };
    expect(stored('k-shared')).toEqual({ returns: null, study_id: study.id });
    expect(stored('k-copied').returns?.byteLength).toBe(16);
    db.prepare('DELETE FROM studies WHERE id = ?').run(study.id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM trials').get()).toEqual({ n: 0 });
    expect(stored('k-shared').study_id).toBeNull();
    db.close();

    const reopened = openSqliteStore(file);
    expect(Array.from(reopened.getCachedEvaluation('k-shared')!.returns!)).toEqual(Array.from(shared));
    expect(reopened.getCachedEvaluation('k-shared')!.metrics).toEqual({ sharpe: 0 });
    reopened.close();
  });
});
