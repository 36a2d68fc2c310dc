// Zod schemas of every value that crosses a process boundary. Types are inferred from these, so the
// schema a request is validated with and the type a caller compiles against cannot drift apart.
import { z } from 'zod';

export const DatasetId = z.string().regex(/^ds_[0-9a-z]{6,40}$/, 'a dataset id looks like ds_…');

export const Frequency = z.object({
  /** Median spacing of consecutive bars, in seconds. */
  seconds: z.number().positive(),
  /** Human label: "daily", "30-minute", "hourly", "weekly", "irregular (≈ 2.5 hours)". */
  label: z.string(),
  /** Bars per year used to annualise statistics (252 for daily equity data, and so on). */
  periodsPerYear: z.number().positive(),
});
export type Frequency = z.infer<typeof Frequency>;

export const BarColumnName = z.enum(['time', 'open', 'high', 'low', 'close', 'adjClose', 'volume']);

export const Gap = z.object({
  /** Last bar before the gap and first bar after it, epoch ms. */
  from: z.number(),
  to: z.number(),
  /** Sessions (bars at the dataset's frequency, weekends excluded) missing in between. */
  missing: z.number().int().nonnegative(),
});
export type Gap = z.infer<typeof Gap>;

export const Move = z.object({ time: z.number(), ret: z.number() });

export const DatasetStats = z.object({
  bars: z.number().int(),
  first: z.number(),
  last: z.number(),
  /** Total sessions missing inside the range (information, never an error). */
  missingSessions: z.number().int().nonnegative(),
  /** The largest gaps, largest first (at most 10). */
  largestGaps: z.array(Gap),
  /** Statistics of daily simple returns (intraday data is first reduced to the last close of each UTC day). */
  dailyReturns: z.object({
    count: z.number().int(),
    mean: z.number().nullable(),
    std: z.number().nullable(),
    skewness: z.number().nullable(),
    /** Excess kurtosis (a normal distribution has 0). */
    excessKurtosis: z.number().nullable(),
  }),
  /** The largest absolute bar-to-bar moves, largest first (at most 10). */
  largestMoves: z.array(Move),
  minClose: z.number(),
  maxClose: z.number(),
});
export type DatasetStats = z.infer<typeof DatasetStats>;

export const DatasetSummary = z.object({
  id: DatasetId,
  name: z.string(),
  bars: z.number().int().nonnegative(),
  first: z.number(),
  last: z.number(),
  frequency: Frequency,
  /** SHA-256 (hex) of the normalised columns: identifies the data itself, whatever the file was called. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  columns: z.array(BarColumnName),
  /** Where it came from: a file name, or "sample:<id>". */
  source: z.string(),
  importedAt: z.number(),
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;

export const DatasetDetail = DatasetSummary.extend({ stats: DatasetStats });
export type DatasetDetail = z.infer<typeof DatasetDetail>;

export const ImportResult = z.object({
  dataset: DatasetSummary,
  /** True when the same data (same hash) was already in the store: nothing new was written. */
  alreadyExisted: z.boolean(),
  /** Informational notes (gaps found, columns ignored), never errors. */
  notes: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A file the back end can read: a path on this machine, or an upload staged by the browser-mode server. */
export const FileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^up_[0-9a-f]{32}$/), fileName: z.string().min(1) }),
]);
export type FileSource = z.infer<typeof FileSource>;

export const SampleId = z.enum(['usdchf-30min', 'smi-daily', 'cac-daily', 'ftse-daily', 'synthetic-daily']);
export type SampleId = z.infer<typeof SampleId>;

export const SampleInfo = z.object({
  id: SampleId,
  name: z.string(),
  description: z.string(),
  attribution: z.string(),
});
export type SampleInfo = z.infer<typeof SampleInfo>;

export const ChartRequest = z.object({
  id: DatasetId,
  /** Visible range, epoch ms; omitted means the whole series. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** About the chart's width in pixels: the series is decimated to at most this many buckets. */
  maxPoints: z.number().int().min(10).max(20000),
});
export type ChartRequest = z.infer<typeof ChartRequest>;

export const ChartSeries = z.object({
  kind: z.enum(['ohlc', 'line']),
  /** Bucket times (the first bar's time in each bucket), epoch ms. */
  time: z.array(z.number()),
  open: z.array(z.number()).optional(),
  high: z.array(z.number()).optional(),
  low: z.array(z.number()).optional(),
  close: z.array(z.number()),
  volume: z.array(z.number()).optional(),
  /** Bars represented (after range selection) and whether they were aggregated into buckets. */
  bars: z.number().int(),
  decimated: z.boolean(),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser', 'cli']),
  dataDir: z.string(),
  databasePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ImportProgress = z.object({
  jobId: z.string(),
  file: z.string(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  bars: z.number(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
