// Study management through the real back end: rename, tags, notes, delete, continue tuning with real workers,
// and the trials export as CSV (RFC 4180) and Parquet (read back with hyparquet).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { useBackends } from '../helpers/backend';
import { reference } from '../helpers/paths';
import { rejectionOf } from '../helpers/rejection';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir('holdout-manage-');

async function parentStudy() {
  const backend = openBackend();
  const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
  const parent = await backend.api.studies.create({
    datasetId: dataset.id,
    strategy: 'sma-crossover',
    sampler: 'tpe',
    space: { mode: { fixed: 'long-flat' } },
    budget: { trials: 40 },
    workers: 1,
    seed: 5,
    config: { fill: 'close' },
  });
  await backend.studies.wait(parent.id);
  return { backend, dataset, parent };
}

describe('study management', () => {
  it('renames, tags and annotates a study and its trials; deletes it only once it is not running', async () => {
    const { backend, parent } = await parentStudy();
    expect((await backend.api.studies.rename({ id: parent.id, name: '  SMA on TTRC, first pass ' })).name).toBe('SMA on TTRC, first pass');
    const tagged = await backend.api.studies.setTags({ id: parent.id, tags: ['momentum', 'daily', 'Momentum', ' ttrc '] });
    expect(tagged.tags).toEqual(['momentum', 'daily', 'ttrc']);
    expect(await rejectionOf(backend.api.studies.setTags({ id: parent.id, tags: ['a,b'] }))).toMatchObject({ code: 'INVALID_REQUEST' });
    const notes = '## Findings\n\n- fast < 10 is *noisy*\n- see trial #3';
    expect((await backend.api.studies.setNotes({ id: parent.id, notes })).notes).toBe(notes);
    const trial = await backend.api.studies.setTrialNotes({ id: parent.id, number: 3, notes: 'looks overfit' });
    expect(trial).toMatchObject({ number: 3, notes: 'looks overfit' });
    expect((await backend.api.studies.trials({ id: parent.id }))[3].notes).toBe('looks overfit');
    expect(await rejectionOf(backend.api.studies.setTrialNotes({ id: parent.id, number: 999, notes: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
    const listed = (await backend.api.studies.list({})).find((s) => s.id === parent.id)!;
    expect(listed).toMatchObject({ name: 'SMA on TTRC, first pass', tags: ['momentum', 'daily', 'ttrc'], notes, parentId: null });

    const running = await backend.api.studies.create({
      datasetId: parent.datasetId,
      strategy: 'sma-crossover',
      sampler: 'random',
      budget: { trials: 100_000 },
      workers: 1,
    });
    const refused = await rejectionOf(backend.api.studies.delete({ id: running.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/is running; pause or stop it/);
    await backend.api.studies.stop({ id: running.id });
    await backend.studies.wait(running.id);
    const deleted = await backend.api.studies.delete({ id: running.id });
    expect(deleted.id).toBe(running.id);
    expect(deleted.trials).toBeGreaterThan(0);
    expect(backend.store.listTrials(running.id)).toEqual([]);
    expect((await backend.api.studies.list({})).map((s) => s.id)).toEqual([parent.id]);
    expect(await rejectionOf(backend.api.studies.get({ id: running.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("continues a study: seeded with the parent's trials inside the new space, informed from its first ask, deterministic", async () => {
    const { backend, parent } = await parentStudy();
    const parentTrials = await backend.api.studies.trials({ id: parent.id });
    const space = { fast: { low: 2, high: 30, type: 'int' as const }, slow: { low: 20, high: 300, type: 'int' as const } };
    const inside = parentTrials.filter((t) => (t.params.fast as number) <= 30 && (t.params.slow as number) >= 20 && (t.params.slow as number) <= 300);
    expect(inside.length).toBeGreaterThan(10);
    expect(inside.length).toBeLessThan(parentTrials.length);

    const continued = await backend.api.studies.continue({ id: parent.id, space, budget: { trials: 8 }, seed: 11 });
    expect(continued).toMatchObject({ parentId: parent.id, budgetTrials: inside.length + 8, name: `${parent.name} (continued)` });
    const done = await backend.studies.wait(continued.id);
    expect(done.status).toBe('completed');
    const trials = await backend.api.studies.trials({ id: continued.id });
    expect(trials).toHaveLength(inside.length + 8);
    // The seeded trials are the parent's, renumbered, with their results, and say where they came from.
    trials.slice(0, inside.length).forEach((t, i) => {
      expect(t).toMatchObject({ number: i, state: inside[i].state, values: inside[i].values, metrics: inside[i].metrics, params: inside[i].params });
      expect(t.notes).toContain(`Seeded from trial #${inside[i].number} of ${parent.id}`);
    });
    const fresh = trials.slice(inside.length);
    for (const t of fresh) {
      expect(t.params.fast as number).toBeLessThanOrEqual(30);
      expect(t.params.slow as number).toBeGreaterThanOrEqual(20);
    }
    expect(backend.store.trialReturns(continued.id, 0)?.length).toBeGreaterThan(0);

    // A cold start of the same space, sampler and seed asks for other points: the continued study is informed.
    const cold = await backend.api.studies.create({
      datasetId: parent.datasetId,
      strategy: 'sma-crossover',
      sampler: 'tpe',
      space: { ...space, mode: { fixed: 'long-flat' } },
      budget: { trials: 8 },
      workers: 1,
      seed: 11,
      config: { fill: 'close' },
    });
    await backend.studies.wait(cold.id);
    const coldTrials = await backend.api.studies.trials({ id: cold.id });
    expect(fresh.map((t) => t.params)).not.toEqual(coldTrials.map((t) => t.params));

    // The same parent, space and seed continue the same way.
    const again = await backend.api.studies.continue({ id: parent.id, space, budget: { trials: 8 }, seed: 11, name: 'again' });
    await backend.studies.wait(again.id);
    const againTrials = await backend.api.studies.trials({ id: again.id });
    expect(againTrials.map((t) => [t.params, t.values])).toEqual(trials.map((t) => [t.params, t.values]));

    // Deleting the parent keeps the continued study and its seeded trials.
    await backend.api.studies.delete({ id: parent.id });
    const orphan = await backend.api.studies.get({ id: continued.id });
    expect(orphan.summary.parentId).toBeNull();
    expect(await backend.api.studies.trials({ id: continued.id })).toHaveLength(inside.length + 8);
  });

  it('refuses to continue a running study and names an unknown parameter in the new space', async () => {
    const { backend, parent } = await parentStudy();
    expect(await rejectionOf(backend.api.studies.continue({ id: parent.id, space: { nope: { low: 1, high: 2 } } }))).toMatchObject({
      code: 'INVALID_REQUEST',
      location: { field: 'space.nope' },
    });
    const running = await backend.api.studies.create({ datasetId: parent.datasetId, strategy: 'sma-crossover', sampler: 'random', budget: { trials: 100_000 }, workers: 1 });
    expect(await rejectionOf(backend.api.studies.continue({ id: running.id }))).toMatchObject({ code: 'CONFLICT' });
    await backend.api.studies.stop({ id: running.id });
    await backend.studies.wait(running.id);
  });

  it("exports a study's trials as CSV and Parquet with typed columns", async () => {
    const { backend, parent } = await parentStudy();
    await backend.api.studies.setTrialNotes({ id: parent.id, number: 0, notes: 'a "quoted", multi-line\nnote' });
    const trials = await backend.api.studies.trials({ id: parent.id });
    const dir = tempDir();

    const csv = await backend.api.studies.exportTrials({ id: parent.id, format: 'csv', path: join(dir, 'trials.csv') });
    expect(csv.rows).toBe(40);
    expect(csv.columns.slice(0, 6)).toEqual(['number', 'state', 'params_fast', 'params_slow', 'params_mode', 'values_sharpe']);
    expect(csv.columns).toEqual(expect.arrayContaining(['metric_sharpe', 'metric_max_drawdown', 'fail_reason', 'duration_ms', 'cached', 'started_at', 'finished_at']));
    const text = readFileSync(csv.path, 'utf8');
    expect(text.split('\r\n')[0]).toBe(csv.columns.join(','));
    expect(text).toContain('"a ""quoted"", multi-line\nnote"');
    const firstRow = text.split('\r\n')[1].split(',');
    expect(firstRow[0]).toBe('0');
    expect(Number(firstRow[2])).toBe(trials[0].params.fast);
    expect(firstRow[4]).toBe('long-flat');
    expect(firstRow.at(-1)).toBe(new Date(trials[0].finishedAt!).toISOString());
    expect(csv.bytes).toBe(Buffer.byteLength(text));

    const pq = await backend.api.studies.exportTrials({ id: parent.id, format: 'parquet', path: join(dir, 'trials.parquet') });
    const file = await asyncBufferFromFile(pq.path);
    const meta = await parquetMetadataAsync(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ number: 'INT64', params_fast: 'INT64', params_mode: 'BYTE_ARRAY', values_sharpe: 'DOUBLE', cached: 'BOOLEAN', started_at: 'INT64' });
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows).toHaveLength(40);
    rows.forEach((row, i) => {
      expect(Number(row.number)).toBe(trials[i].number);
      expect(Number(row.params_fast)).toBe(trials[i].params.fast);
      expect(row.values_sharpe).toBe(trials[i].values?.[0] ?? null);
      expect(row.metric_sharpe).toBe(trials[i].metrics?.sharpe ?? null);
      expect(row.state).toBe(trials[i].state);
      expect((row.finished_at as Date).getTime()).toBe(trials[i].finishedAt);
    });
    expect(rows[0].notes).toBe('a "quoted", multi-line\nnote');

    expect(await rejectionOf(backend.api.studies.exportTrials({ id: parent.id, format: 'csv', path: join(dir, 'missing', 'x.csv') }))).toMatchObject({
      code: 'INVALID_REQUEST',
      location: { field: 'path' },
    });
    expect(await rejectionOf(backend.api.studies.exportTrials({ id: parent.id, format: 'csv', path: 'relative.csv' }))).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
