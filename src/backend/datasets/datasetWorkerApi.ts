// What the dataset worker thread exposes through comlink: CSV import, sample generation, and chart reads.
// Errors come back as values (ok: false) so their file/line/column survive the thread boundary intact.
import * as Comlink from 'comlink';
import { generateSyntheticBars } from '../../core';
import type { ChartRequest, ChartSeries, SerializedError } from '../../shared';
import { toSerializedError } from '../api/errorMapping';
import { ChartReader } from './chartReader';
import { importCsvFile, importSeries, type ImportOutcome, type ImportSink } from './importPipeline';

const readers = new Map<string, ChartReader>();

export type ChartOutcome = { ok: true; chart: ChartSeries } | { ok: false; error: SerializedError };

export const datasetWorkerApi = {
  importCsvFile(path: string, fileName: string, sink: ImportSink): Promise<ImportOutcome> {
    return importCsvFile(path, fileName, sink, Comlink.transfer);
  },

  importSynthetic(seed: number, bars: number, sink: ImportSink): Promise<ImportOutcome> {
    return importSeries(generateSyntheticBars({ bars, seed }), sink, Comlink.transfer);
  },

  chart(dbPath: string, request: ChartRequest): ChartOutcome {
    try {
      let reader = readers.get(dbPath);
      if (!reader) {
        reader = new ChartReader(dbPath);
        readers.set(dbPath, reader);
      }
      return { ok: true, chart: reader.chart(request) };
    } catch (err) {
      return { ok: false, error: toSerializedError(err) };
    }
  },

  close(): void {
    for (const r of readers.values()) r.close();
    readers.clear();
  },
};

export type DatasetWorkerApi = typeof datasetWorkerApi;
