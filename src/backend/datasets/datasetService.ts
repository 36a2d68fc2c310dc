// Dataset use cases on the main thread: import (parsing runs in a worker thread, this thread only writes the
// chunks it receives), list, rename, delete, chart (read in a worker), and the bundled samples.
import { basename, join } from 'node:path';
import type { BarColumn } from '../../core';
import {
  HoldoutError,
  fromSerializedError,
  type ChartRequest,
  type ChartSeries,
  type DatasetDetail,
  type DatasetSummary,
  type FileSource,
  type ImportResult,
  type SampleId,
  type SampleInfo,
} from '../../shared';
import type { EventBus } from '../api/eventBus';
import type { ColumnChunk, DatasetRecord, Storage } from '../storage/storage';
import { WorkerHandle, Comlink } from '../workers/workerHandle';
import type { ChartOutcome, DatasetWorkerApi } from './datasetWorkerApi';
import type { ImportOutcome, ImportSink } from './importPipeline';
import { SAMPLES, sampleEntry } from './sampleCatalog';
import type { UploadStaging } from './uploadStaging';

export interface DatasetServiceOptions {
  store: Storage;
  events: EventBus;
  uploads: UploadStaging;
  /** out/main/dataset.worker.js */
  workerFile: string;
  /** resources/samples */
  samplesDir: string;
  /** The database file, which chart reads open read-only from the worker. */
  databasePath: string;
}

const SYNTHETIC_BARS = 2520;

export class DatasetService {
  private readonly running = new Set<WorkerHandle<DatasetWorkerApi>>();
  private reader: WorkerHandle<DatasetWorkerApi> | undefined;

  constructor(private readonly opts: DatasetServiceOptions) {}

  list(): DatasetSummary[] {
    return this.opts.store.listDatasets().map(toSummary);
  }

  get(id: string): DatasetDetail {
    const record = this.opts.store.getDataset(id);
    if (!record) throw new HoldoutError('NOT_FOUND', `No dataset with id ${id}. It may have been deleted.`);
    return { ...toSummary(record), stats: record.stats };
  }

  async importFile(source: FileSource, name?: string): Promise<ImportResult> {
    const { path, fileName, release } = this.resolveSource(source);
    try {
      return await this.runImport(name ?? stripExtension(fileName), fileName, (api, sink) => api.importCsvFile(path, fileName, sink));
    } finally {
      release();
    }
  }

  samples(): SampleInfo[] {
    return SAMPLES.map(({ id, name, description, attribution }) => ({ id, name, description, attribution }));
  }

  async loadSample(id: SampleId, seed = 42): Promise<ImportResult> {
    const entry = sampleEntry(id);
    if (entry.file) {
      const path = join(this.opts.samplesDir, entry.file);
      return this.runImport(entry.name, `sample:${id}`, (api, sink) => api.importCsvFile(path, entry.file!, sink));
    }
    const name = `${entry.name} (seed ${seed})`;
    return this.runImport(name, `sample:${id}:seed=${seed}`, (api, sink) => api.importSynthetic(seed, SYNTHETIC_BARS, sink));
  }

  rename(id: string, name: string): DatasetSummary {
    const record = this.opts.store.renameDataset(id, name);
    this.opts.events.emit('datasets.changed', { reason: 'renamed', id });
    return toSummary(record);
  }

  delete(id: string): { id: string } {
    this.opts.store.deleteDataset(id);
    this.opts.events.emit('datasets.changed', { reason: 'deleted', id });
    return { id };
  }

  async chart(request: ChartRequest): Promise<ChartSeries> {
    if (!this.opts.store.getDataset(request.id)) {
      throw new HoldoutError('NOT_FOUND', `No dataset with id ${request.id}. It may have been deleted.`);
    }
    if (!this.reader?.isAlive) this.reader = new WorkerHandle<DatasetWorkerApi>(this.opts.workerFile, 'dataset reader');
    const result: ChartOutcome = await this.reader.call((api) => api.chart(this.opts.databasePath, request) as Promise<ChartOutcome>);
    if (!result.ok) throw fromSerializedError(result.error);
    return result.chart;
  }

  /** Stops running imports (their partial data is removed) and the reader worker. */
  async close(): Promise<void> {
    const handles = [...this.running];
    if (this.reader) handles.push(this.reader);
    await Promise.all(handles.map((h) => h.terminate()));
  }

  private async runImport(
    name: string,
    source: string,
    start: (api: Comlink.Remote<DatasetWorkerApi>, sink: ImportSink) => Promise<ImportOutcome>,
  ): Promise<ImportResult> {
    const { store, events } = this.opts;
    const writer = store.beginDatasetImport({ name, source });
    const worker = new WorkerHandle<DatasetWorkerApi>(this.opts.workerFile, 'dataset import');
    this.running.add(worker);
    const jobId = writer.id;
    const sink: ImportSink = {
      chunk: (chunk: ColumnChunk) => writer.appendChunk(chunk),
      progress: (p) => events.emit('import.progress', { jobId, file: source, ...p }),
    };
    try {
      const outcome = await worker.call((api) => start(api, Comlink.proxy(sink)));
      if (!outcome.ok) throw fromSerializedError(outcome.error);
      const parsed = outcome.dataset;
      const existing = store.findDatasetByHash(parsed.hash);
      if (existing) {
        writer.abort();
        return { dataset: toSummary(existing), alreadyExisted: true, notes: [`The same data is already in the store as "${existing.name}".`] };
      }
      const record = writer.commit({
        hash: parsed.hash,
        bars: parsed.bars,
        first: parsed.first,
        last: parsed.last,
        frequency: parsed.frequency,
        columns: parsed.columns as BarColumn[],
        stats: parsed.stats,
      });
      events.emit('datasets.changed', { reason: 'imported', id: record.id });
      return { dataset: toSummary(record), alreadyExisted: false, notes: parsed.notes };
    } catch (err) {
      writer.abort();
      throw err;
    } finally {
      this.running.delete(worker);
      await worker.terminate();
    }
  }

  private resolveSource(source: FileSource): { path: string; fileName: string; release: () => void } {
    if (source.kind === 'path') return { path: source.path, fileName: basename(source.path), release: () => undefined };
    const upload = this.opts.uploads.resolve(source.uploadId);
    return { path: upload.path, fileName: source.fileName, release: () => this.opts.uploads.release(source.uploadId) };
  }
}

export function toSummary(record: DatasetRecord): DatasetSummary {
  const { stats: _stats, ...summary } = record;
  return summary;
}

function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
