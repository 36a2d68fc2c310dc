// The Storage conformance suite: every implementation of the Storage interface must pass all of it.
// Today that is the SQLite store, on a file and in memory.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, type Storage } from '../../src/backend';
import { LATEST_SCHEMA_VERSION } from '../../src/backend/storage/migrations';
import type { DatasetCommit } from '../../src/backend/storage/storage';
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
  });
}
