// Dataset import end to end through the real back end: streaming parser in a real worker thread, a real SQLite
// file, content hashes, atomicity when an import fails half-way, and errors that name file, line and column.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../helpers/rejection';
import { openSqliteStore } from '../../src/backend';
import type { ImportResult } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { reference } from '../helpers/paths';
import { REFERENCE_BAR_FILES, readReferenceCsv } from '../helpers/referenceCsv';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir();

async function importPath(backend: ReturnType<typeof openBackend>, path: string, name?: string): Promise<ImportResult> {
  return backend.api.datasets.import({ source: { kind: 'path', path }, name });
}

function chunkRowCount(dbFile: string): number {
  const store = openSqliteStore(dbFile);
  const n = (store.db.prepare('SELECT COUNT(*) AS n FROM dataset_chunks').get() as { n: number }).n;
  store.close();
  return n;
}

describe('dataset import (real SQLite file, real worker thread)', () => {
  it('imports every bar file of ../shared/reference and reads back bit-identical columns after reopening', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const ids = new Map<string, string>();
    for (const ref of REFERENCE_BAR_FILES) {
      const result = await importPath(backend, reference(ref.file));
      expect(result.alreadyExisted).toBe(false);
      expect(result.dataset.bars).toBe(ref.bars);
      expect(result.dataset.columns).toEqual(ref.columns);
      expect(result.dataset.hash).toMatch(/^[0-9a-f]{64}$/);
      ids.set(ref.file, result.dataset.id);
    }
    await backend.close();

    const store = openSqliteStore(join(dataDir, 'holdout.sqlite'));
    try {
      expect(store.listDatasets()).toHaveLength(REFERENCE_BAR_FILES.length);
      for (const ref of REFERENCE_BAR_FILES) {
        const expected = readReferenceCsv(reference(ref.file));
        const bars = store.loadBars(ids.get(ref.file)!);
        expect(bars.length).toBe(expected.rows);
        const pairs: Array<[Float64Array | undefined, string]> = [
          [bars.time, expected.header[0]],
          [bars.open, 'open'],
          [bars.high, 'high'],
          [bars.low, 'low'],
          [bars.close, 'close'],
          [bars.volume, 'volume'],
        ];
        for (const [actual, column] of pairs) {
          if (!expected.columns[column]) {
            expect(actual, `${ref.file} should have no ${column} column`).toBeUndefined();
            continue;
          }
          // Bit-identical: compare the raw bytes, not approximate values.
          expect(Buffer.from(actual!.buffer).equals(Buffer.from(expected.columns[column].buffer)), `${ref.file} ${column}`).toBe(true);
        }
      }
    } finally {
      store.close();
    }
  });

  it('records the detected frequency: daily for msft.csv, 30-minute for usdchf_30min.csv', async () => {
    const backend = openBackend();
    const msft = await importPath(backend, reference('msft.csv'));
    expect(msft.dataset.frequency.label).toBe('daily');
    expect(msft.dataset.frequency.periodsPerYear).toBe(252);
    expect(msft.dataset.first).toBe(Date.UTC(2000, 8, 27));
    expect(msft.dataset.last).toBe(Date.UTC(2001, 8, 27));
    const fx = await importPath(backend, reference('usdchf_30min.csv'));
    expect(fx.dataset.frequency.label).toBe('30-minute');
    expect(fx.dataset.frequency.seconds).toBe(1800);
  });

  it('rejects the indicator reference files, which have no close column, naming what it found', async () => {
    const backend = openBackend();
    for (const file of ['ttr_indicators_msft.csv', 'ttr_indicators_ttrc.csv']) {
      const err = await rejectionOf(importPath(backend, reference(file)));
      expect(err.code).toBe('INVALID_DATA');
      expect(err.message).toMatch(/close/i);
      expect(err.location?.file).toBe(file);
      expect(err.location?.line).toBe(1);
    }
    expect(await backend.api.datasets.list({})).toEqual([]);
  });

  it('gives the same hash for the same data however the file is formatted, and keeps one copy', async () => {
    const backend = openBackend();
    const dir = tempDir();
    const original = await importPath(backend, reference('msft.csv'));
    // Same bars: semicolons, CRLF, upper-case reordered header, quoted fields, trailing zeros, no final newline.
    const ref = readReferenceCsv(reference('msft.csv'));
    // Trailing zeros change the text, not the number.
    const padded = (x: number) => (String(x).includes('.') ? `${x}00` : `${x}.0`);
    const lines = ['"VOLUME";"Close";"Low";"High";"Open";"Date"'];
    for (let i = 0; i < ref.rows; i++) {
      const c = ref.columns;
      const day = new Date(c.date[i]).toISOString().slice(0, 10);
      lines.push([`"${c.volume[i]}"`, `${c.close[i]}`, padded(c.low[i]), `${c.high[i]}`, `${c.open[i]}`, day].join(';'));
    }
    const variant = join(dir, 'msft-variant.csv');
    writeFileSync(variant, lines.join('\r\n'));
    const again = await importPath(backend, variant, 'msft again');
    expect(again.dataset.hash).toBe(original.dataset.hash);
    expect(again.alreadyExisted).toBe(true);
    expect(again.dataset.id).toBe(original.dataset.id);
    expect(await backend.api.datasets.list({})).toHaveLength(1);
    // Different data, different hash.
    const other = await importPath(backend, reference('eustock_SMI.csv'));
    expect(other.dataset.hash).not.toBe(original.dataset.hash);
  });

  it('leaves no trace when an import fails after chunks were written (error on the last line of 200,000)', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    await importPath(backend, reference('msft.csv'));
    const rows = ['date,close'];
    const t0 = Date.UTC(2000, 0, 1) / 1000;
    for (let i = 0; i < 200_000; i++) rows.push(`${t0 + i * 60},${(100 + (i % 50) / 10).toFixed(2)}`);
    rows.push(`${t0 + 200_000 * 60},not-a-price`);
    const file = join(tempDir(), 'broken-at-the-end.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const err = await rejectionOf(importPath(backend, file));
    expect(err.code).toBe('INVALID_DATA');
    expect(err.location).toMatchObject({ file: 'broken-at-the-end.csv', line: 200_002, column: 'close', value: 'not-a-price' });
    expect(err.message).toContain('line 200002');
    expect((await backend.api.datasets.list({})).map((d) => d.name)).toEqual(['msft']);
    await backend.close();
    const store = openSqliteStore(join(dataDir, 'holdout.sqlite'));
    const msft = store.listDatasets()[0];
    const perColumn = Math.ceil(msft.bars / 65536);
    store.close();
    expect(chunkRowCount(join(dataDir, 'holdout.sqlite'))).toBe(perColumn * msft.columns.length);
  });

  it('removes an import that a crash interrupted, on the next open', () => {
    const file = join(tempDir(), 'crash.sqlite');
    const store = openSqliteStore(file);
    const writer = store.beginDatasetImport({ name: 'interrupted', source: 'x.csv' });
    writer.appendChunk({ rowStart: 0, length: 2, columns: { time: Float64Array.of(0, 1), close: Float64Array.of(1, 2) } });
    // Simulate the process dying: close the connection without commit or abort.
    store.db.close();
    expect(chunkRowCount(file)).toBe(0);
    const reopened = openSqliteStore(file);
    expect((reopened.db.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n).toBe(0);
    reopened.close();
  });

  it('says which file was not found', async () => {
    const backend = openBackend();
    const err = await rejectionOf(importPath(backend, '/nonexistent/prices.csv'));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('prices.csv');
  });

  it('loads every sample, including the seeded synthetic series, and reports gaps as notes', async () => {
    const backend = openBackend();
    const samples = await backend.api.datasets.samples({});
    expect(samples.map((s) => s.id)).toEqual(['usdchf-30min', 'smi-daily', 'cac-daily', 'ftse-daily', 'synthetic-daily']);
    for (const s of samples) {
      const r = await backend.api.datasets.loadSample({ sample: s.id });
      expect(r.dataset.bars).toBeGreaterThan(1000);
      expect(r.dataset.source).toContain(`sample:${s.id}`);
    }
    const synthetic = (await backend.api.datasets.list({})).find((d) => d.source.startsWith('sample:synthetic-daily'))!;
    expect(synthetic.columns).toEqual(['time', 'open', 'high', 'low', 'close', 'volume']);
    // Same seed, same data: the second load finds the first.
    expect((await backend.api.datasets.loadSample({ sample: 'synthetic-daily' })).alreadyExisted).toBe(true);
    expect((await backend.api.datasets.loadSample({ sample: 'synthetic-daily', seed: 7 })).alreadyExisted).toBe(false);
    const msft = await importPath(backend, reference('msft.csv'));
    expect(msft.notes.join(' ')).toMatch(/missing session/);
  });

  it('serves a decimated chart from the worker, and full detail for a zoomed range', async () => {
    const backend = openBackend();
    const { dataset } = await importPath(backend, reference('ttrc.csv'));
    const whole = await backend.api.datasets.chart({ id: dataset.id, maxPoints: 500 });
    expect(whole.kind).toBe('ohlc');
    expect(whole.decimated).toBe(true);
    expect(whole.time.length).toBeLessThanOrEqual(500);
    // Candle buckets keep the extremes: the chart's highest high is the series' highest high.
    const ref = readReferenceCsv(reference('ttrc.csv'));
    expect(Math.max(...whole.high!)).toBe(Math.max(...ref.columns.high));
    expect(Math.min(...whole.low!)).toBe(Math.min(...ref.columns.low));
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(1990, 2, 31);
    const zoom = await backend.api.datasets.chart({ id: dataset.id, from, to, maxPoints: 500 });
    expect(zoom.decimated).toBe(false);
    expect(zoom.time[0]).toBeGreaterThanOrEqual(from);
    expect(zoom.time[zoom.time.length - 1]).toBeLessThanOrEqual(to);
  });

  it('validates requests at the boundary and names the bad field', async () => {
    const backend = openBackend();
    const err = await rejectionOf(backend.dispatch('datasets.rename', { id: 'ds_nope', name: '' }));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.location?.field).toBeDefined();
    const unknown = await rejectionOf(backend.dispatch('datasets.explode', {}));
    expect(unknown.message).toContain('Unknown method');
  });

  it('renames and deletes, emitting change events', async () => {
    const backend = openBackend();
    const seen: string[] = [];
    backend.events.subscribe((m) => {
      if (m.event === 'datasets.changed') seen.push((m.payload as { reason: string }).reason);
    });
    const { dataset } = await importPath(backend, reference('msft.csv'));
    await backend.api.datasets.rename({ id: dataset.id, name: 'Microsoft' });
    expect((await backend.api.datasets.get({ id: dataset.id })).name).toBe('Microsoft');
    await backend.api.datasets.delete({ id: dataset.id });
    expect(await backend.api.datasets.list({})).toEqual([]);
    expect(seen).toEqual(['imported', 'renamed', 'deleted']);
  });
});
