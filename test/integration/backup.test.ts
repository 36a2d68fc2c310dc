// Backup and restore of the whole database through the real back end: an online backup taken while a study runs
// with real workers restores to a consistent database holding every trial committed before the backup started.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/backend';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/backend/storage/migrations';
import { useBackends } from '../helpers/backend';
import { fixturesDir, reference } from '../helpers/paths';
import { rejectionOf as rejection } from '../helpers/rejection';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir('holdout-backup-');

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function untilFinished(backend: ReturnType<typeof openBackend>, id: string, n: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (backend.store.listTrials(id).filter((t) => t.state !== 'running').length >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`study ${id} did not finish ${n} trials in time`);
}

describe('backup and restore', () => {
  it('backs up while a study runs; the backup restores into a fresh data folder with every trial committed before it', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const study = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'random',
      budget: { trials: 3000 },
      workers: 1,
      seed: 3,
      config: { fill: 'close' },
    });
    await untilFinished(backend, study.id, 40);
    const before = backend.store.listTrials(study.id).filter((t) => t.state !== 'running');
    const file = join(tempDir(), 'mid-run.holdout-backup');
    const result = await backend.api.backup.create({ path: file });
    // The study went on while the backup ran; it is still running now.
    expect(backend.store.getStudy(study.id)?.status).toBe('running');
    expect(result).toMatchObject({ path: file, schemaVersion: LATEST_SCHEMA_VERSION, studies: 1, datasets: 1 });
    expect(result.trials).toBeGreaterThanOrEqual(before.length);
    expect(integrity(file)).toBe('ok');

    // Restoring is refused while a study runs, and names it.
    expect((await rejection(backend.api.backup.restore({ path: file }))).message).toMatch(/while a study runs/);
    await backend.api.studies.stop({ id: study.id });
    await backend.studies.wait(study.id);

    const fresh = openBackend();
    const restored = await fresh.api.backup.restore({ path: file });
    expect(restored).toMatchObject({ fromSchemaVersion: LATEST_SCHEMA_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, studies: 1, datasets: 1 });
    expect(existsSync(restored.previousCopy)).toBe(true);
    expect(integrity(fresh.databasePath)).toBe('ok');
    const after = new Map(fresh.store.listTrials(study.id).map((t) => [t.number, t]));
    for (const t of before) expect(after.get(t.number)).toEqual(t);
    // A backup taken mid-run holds the study as running: after the restore it is interrupted, hence resumable.
    expect(fresh.store.getStudy(study.id)?.status).toBe('interrupted');
    const bars = fresh.store.loadBars(dataset.id);
    expect(bars.close.length).toBe(dataset.bars);
    // The restored database is live: writes go on through the same store.
    const renamed = await fresh.api.studies.rename({ id: study.id, name: 'restored' });
    expect(renamed.name).toBe('restored');
  });

  it('keeps the current database beside the restored one, and the workers read the restored content', async () => {
    const source = openBackend();
    const { dataset: smi } = await source.api.datasets.import({ source: { kind: 'path', path: reference('eustock_SMI.csv') } });
    const file = join(tempDir(), 'smi.sqlite');
    await source.api.backup.create({ path: file });

    const backend = openBackend();
    const { dataset: ttrc } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    // Opens the dataset worker's own read connection on the database before the restore.
    expect((await backend.api.datasets.chart({ id: ttrc.id, maxPoints: 100 })).time.length).toBeGreaterThan(0);
    const r = await backend.api.backup.restore({ path: file });
    expect((await backend.api.datasets.list({})).map((d) => d.id)).toEqual([smi.id]);
    // The worker's connection sees the restored database: a dataset only the backup has is charted.
    expect((await backend.api.datasets.chart({ id: smi.id, maxPoints: 100 })).time.length).toBeGreaterThan(0);
    const report = await backend.api.backtests.run({ datasetId: smi.id, strategy: 'sma-crossover', params: { fast: 5, slow: 20 }, config: { fill: 'close' } });
    expect(report.metrics.sharpe).toEqual(expect.any(Number));
    // Nothing is lost: the database as it was before the restore is kept beside it.
    const kept = openSqliteStore(r.previousCopy);
    expect(kept.listDatasets().map((d) => d.id)).toEqual([ttrc.id]);
    kept.close();
  });

  it('migrates an older backup up to this schema on restore', async () => {
    const backend = openBackend();
    const old = join(tempDir(), 'schema-v3.sqlite');
    copyFileSync(join(fixturesDir, 'db', 'schema-v3.sqlite'), old);
    const r = await backend.api.backup.restore({ path: old });
    expect(r).toMatchObject({ fromSchemaVersion: 3, schemaVersion: LATEST_SCHEMA_VERSION, studies: 1, datasets: 1 });
    expect(backend.store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(backend.store.getStudy('st_fixture01')).toMatchObject({ name: 'fixture study', notes: '', tags: [] });
    expect(Array.from(backend.store.loadBars('ds_fixture01').close)).toEqual([10, 10.5, 10.25, 11, 10.75]);
  });

  it('refuses files that are not Holdout databases, damaged or from a newer Holdout, leaving the store as it was', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'this is not a database, just some text that is long enough to look like a header'.repeat(20));
    expect(await rejection(backend.api.backup.restore({ path: text }))).toMatchObject({ code: 'INVALID_DATA' });

    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE t (x)');
    f.close();
    expect((await rejection(backend.api.backup.restore({ path: foreign }))).message).toMatch(/not a Holdout one/);

    const future = join(dir, 'future.sqlite');
    const db = new Database(future);
    migrate(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'future', 0);
    db.close();
    expect((await rejection(backend.api.backup.restore({ path: future }))).message).toMatch(/newer than this version/);

    const damaged = join(dir, 'damaged.sqlite');
    await backend.api.backup.create({ path: damaged });
    const bytes = new Database(damaged);
    const pageSize = bytes.pragma('page_size', { simple: true }) as number;
    bytes.close();
    // Overwrite the middle of a page of bar data: the b-tree pages stay readable, the check finds the damage.
    const fd = await import('node:fs').then((fs) => fs.openSync(damaged, 'r+'));
    const fs = await import('node:fs');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, pageSize * 3);
    fs.closeSync(fd);
    expect(await rejection(backend.api.backup.restore({ path: damaged }))).toMatchObject({ code: 'INVALID_DATA' });

    expect(await rejection(backend.api.backup.restore({ path: join(dir, 'missing.sqlite') }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await backend.api.datasets.list({})).map((d) => d.id)).toEqual([dataset.id]);
  });
});
