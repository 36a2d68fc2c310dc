// Runs inside the dataset worker: streams a CSV file through the core parser, hashes and forwards each column
// chunk to the main thread (which writes it), and computes the dataset's frequency and statistics at the end.
// The file is never held in memory as text; only the time and close columns are kept for the statistics.
import { createReadStream, statSync } from 'node:fs';
import {
  BAR_COLUMNS,
  CsvBarParser,
  computeDatasetStats,
  detectFrequency,
  type BarChunk,
  type BarColumn,
  type BarSeries,
} from '../../core';
import { HoldoutError, type DatasetStats, type Frequency, type SerializedError } from '../../shared';
import type { ColumnChunk } from '../storage/storage';
import { ColumnHasher } from './columnHasher';
import { toSerializedError } from '../api/errorMapping';

/** The main thread's side of an import: receives chunks (transferred, not copied) and progress. */
export interface ImportSink {
  chunk(chunk: ColumnChunk): Promise<void> | void;
  progress(progress: { bytesRead: number; totalBytes: number; bars: number }): void;
}

export interface ParsedDataset {
  hash: string;
  bars: number;
  first: number;
  last: number;
  frequency: Frequency;
  columns: BarColumn[];
  stats: DatasetStats;
  notes: string[];
}

export type ImportOutcome = { ok: true; dataset: ParsedDataset } | { ok: false; error: SerializedError };

/** Transfers a chunk's buffers to the receiver; the caller must not touch the chunk afterwards. */
export type Transfer = <C extends ColumnChunk>(chunk: C, buffers: ArrayBuffer[]) => C;

const PROGRESS_INTERVAL_MS = 100;
const MAX_CHUNKS_IN_FLIGHT = 3;

export async function importCsvFile(path: string, fileName: string, sink: ImportSink, transfer: Transfer): Promise<ImportOutcome> {
  try {
    const totalBytes = fileSize(path, fileName);
    const parser = new CsvBarParser({ fileName });
    const forwarder = new ChunkForwarder(sink, transfer);
    let bytesRead = 0;
    let lastProgress = 0;
    for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      for (const chunk of parser.push(bytes)) await forwarder.forward(chunk);
      bytesRead += buf.byteLength;
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        sink.progress({ bytesRead, totalBytes, bars: forwarder.bars });
      }
    }
    const end = parser.finish();
    for (const chunk of end.chunks) await forwarder.forward(chunk);
    await forwarder.drain();
    sink.progress({ bytesRead: totalBytes, totalBytes, bars: forwarder.bars });
    const notes = end.layout.ignoredColumns.length
      ? [`Ignored column${end.layout.ignoredColumns.length > 1 ? 's' : ''}: ${end.layout.ignoredColumns.join(', ')}.`]
      : [];
    return { ok: true, dataset: forwarder.finish(end.layout.columns, notes) };
  } catch (err) {
    return { ok: false, error: toSerializedError(err) };
  }
}

/** Feeds an in-memory series (a generated sample) through the same path as a file. */
export async function importSeries(series: BarSeries, sink: ImportSink, transfer: Transfer, chunkRows = 65536): Promise<ImportOutcome> {
  try {
    const columns = BAR_COLUMNS.filter((c) => series[c] !== undefined);
    const forwarder = new ChunkForwarder(sink, transfer);
    for (let start = 0; start < series.length; start += chunkRows) {
      const end = Math.min(series.length, start + chunkRows);
      const chunk: BarChunk = { rowStart: start, length: end - start, columns: { time: series.time.slice(start, end), close: series.close.slice(start, end) } };
      for (const c of columns) chunk.columns[c] = series[c]!.slice(start, end);
      await forwarder.forward(chunk);
    }
    await forwarder.drain();
    sink.progress({ bytesRead: 0, totalBytes: 0, bars: forwarder.bars });
    return { ok: true, dataset: forwarder.finish(columns, []) };
  } catch (err) {
    return { ok: false, error: toSerializedError(err) };
  }
}

class ChunkForwarder {
  private readonly hasher = new ColumnHasher();
  private readonly times: Float64Array[] = [];
  private readonly closes: Float64Array[] = [];
  private readonly inFlight: Promise<void>[] = [];
  bars = 0;

  constructor(
    private readonly sink: ImportSink,
    private readonly transfer: Transfer,
  ) {}

  async forward(chunk: BarChunk): Promise<void> {
    this.hasher.update(chunk);
    // Copies survive the transfer below; everything else leaves this thread.
    this.times.push(chunk.columns.time.slice());
    this.closes.push(chunk.columns.close.slice());
    this.bars += chunk.length;
    const buffers = [...new Set(Object.values(chunk.columns).map((c) => c.buffer as ArrayBuffer))];
    // Keep parsing while the main thread writes: a few chunks may be in flight, which bounds memory.
    const written = Promise.resolve(this.sink.chunk(this.transfer(chunk, buffers)));
    // Observed in drain() or by the window below; this only stops an early failure counting as unhandled.
    written.catch(() => undefined);
    this.inFlight.push(written);
    if (this.inFlight.length >= MAX_CHUNKS_IN_FLIGHT) await this.inFlight.shift();
  }

  /** Waits until the main thread has written every chunk sent so far. */
  async drain(): Promise<void> {
    while (this.inFlight.length) await this.inFlight.shift();
  }

  finish(columns: BarColumn[], notes: string[]): ParsedDataset {
    const time = concat(this.times, this.bars);
    const close = concat(this.closes, this.bars);
    this.times.length = 0;
    this.closes.length = 0;
    const frequency = detectFrequency(time);
    const stats = computeDatasetStats({ length: this.bars, time, close }, frequency);
    if (stats.missingSessions > 0) {
      notes.push(
        `${stats.missingSessions.toLocaleString('en-US')} missing session${stats.missingSessions === 1 ? '' : 's'} (gaps) at ${frequency.label} frequency; this is information, not an error.`,
      );
    }
    return { hash: this.hasher.digest(), bars: this.bars, first: time[0], last: time[this.bars - 1], frequency, columns, stats, notes };
  }
}

function fileSize(path: string, fileName: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new HoldoutError('NOT_FOUND', `${fileName}: file not found (${path}).`, { file: fileName });
  }
  if (!stat.isFile()) throw new HoldoutError('INVALID_DATA', `${fileName}: not a regular file.`, { file: fileName });
  return stat.size;
}

function concat(parts: Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
