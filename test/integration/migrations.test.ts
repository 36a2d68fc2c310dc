// Schema migrations against real database files: from an empty file, and from every older schema version as an
// older Holdout left it (test/fixtures/db/schema-v<N>.sqlite).
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/backend';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, currentVersion, migrate } from '../../src/backend/storage/migrations';
import { fixturesDir } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

describe('schema migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest version and record each step', () => {
    const file = join(tempDir(), 'empty.sqlite');
    const db = new Database(file);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(currentVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`upgrade a real schema-v${version} file and keep its dataset`, () => {
      const fixture = join(fixturesDir, 'db', `schema-v${version}.sqlite`);
      expect(existsSync(fixture), `missing fixture ${fixture}: run test/fixtures/db/makeSchemaFixtures.ts`).toBe(true);
      const file = join(tempDir(), `v${version}.sqlite`);
      copyFileSync(fixture, file);
      const store = openSqliteStore(file);
      expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      const [dataset] = store.listDatasets();
      expect(dataset.id).toBe('ds_fixture01');
      expect(Array.from(store.loadBars(dataset.id).close)).toEqual([10, 10.5, 10.25, 11, 10.75]);
      store.setSetting('after.upgrade', 'yes');
      expect(store.getSetting('after.upgrade')).toBe('yes');
      store.close();
    });
  }

  it('keep the schema-v3 study and its trials through migration 4, with empty notes and tags and no parent', () => {
    const file = join(tempDir(), 'v3-notes.sqlite');
    copyFileSync(join(fixturesDir, 'db', 'schema-v3.sqlite'), file);
    const store = openSqliteStore(file);
    const [study] = store.listStudies();
    expect(study).toMatchObject({ id: 'st_fixture01', name: 'fixture study', notes: '', tags: [], parentId: null });
    const trials = store.listTrials(study.id);
    expect(trials.length).toBeGreaterThan(0);
    expect(trials.map((t) => t.notes)).toEqual(trials.map(() => ''));
    expect(store.updateStudyInfo(study.id, { tags: ['legacy'] }).tags).toEqual(['legacy']);
    store.close();
  });

  it('refuse a database from a newer Holdout, leaving it untouched', () => {
    const file = join(tempDir(), 'future.sqlite');
    const db = new Database(file);
    migrate(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'from the future', 0);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this version of Holdout/);
    const again = new Database(file);
    expect(currentVersion(again)).toBe(LATEST_SCHEMA_VERSION + 1);
    again.close();
  });

  it('open in WAL mode with foreign keys on', () => {
    const store = openSqliteStore(join(tempDir(), 'pragmas.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });
});
