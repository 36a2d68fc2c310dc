// The export file format (a chosen trial with its provenance, defined once here; resources/holdout-export.schema.json
// is generated from it by scripts/generateExportSchema.ts) and the `exports` API: create, history, load, revalidate.
import { z } from 'zod';
import { BacktestConfig, ParamValue } from './backtestSchemas';
import { DatasetId } from './schemas';
import { StudyId } from './studySchemas';

export const EXPORT_SCHEMA_VERSION = 1;
export const EXPORT_KIND = 'holdout.trial-export';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (SHA-256)');
const IsoTime = z.iso.datetime({ offset: false });
const MetricValues = z.record(z.string(), z.number().nullable()).describe('Metric id to value; null where the metric is undefined for this run.');
const Interval = z.object({ level: z.number().gt(0).lt(1), low: z.number(), median: z.number(), high: z.number() }).strict();

/** One parameter with its declared type, so a reader can check the value without the strategy at hand. */
export const ExportParameter = z.discriminatedUnion('type', [
  z.object({ type: z.literal('int'), value: z.number().int() }).strict(),
  z.object({ type: z.literal('float'), value: z.number() }).strict(),
  z.object({ type: z.literal('categorical'), value: ParamValue }).strict(),
]);
export type ExportParameter = z.infer<typeof ExportParameter>;

export const ExportSelectionMethod = z.enum(['peak', 'robust', 'manual']);
export type ExportSelectionMethod = z.infer<typeof ExportSelectionMethod>;
export const ExportFormat = z.enum(['yaml', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ROBUSTNESS_FIGURES = ['pbo', 'dsr', 'psr', 'walkForwardEfficiency', 'bootstrap'] as const;

export const CHECKSUM_DEFINITION =
  'SHA-256 (lowercase hex) of the canonical JSON of the whole document without its "checksum" field: object keys sorted by UTF-16 code units at every level, no whitespace, strings and numbers as JSON.stringify writes them.';

export const HoldoutExport = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    kind: z.literal(EXPORT_KIND),
    strategy: z
      .object({
        name: z.string().min(1),
        version: z.string().min(1),
        /** SHA-256 of the code that produced the targets (see README, "Code hash"). */
        codeHash: Sha256,
        source: z.enum(['builtin', 'user']),
      })
      .strict(),
    parameters: z.record(z.string().min(1), ExportParameter),
    dataset: z
      .object({
        id: DatasetId,
        name: z.string(),
        hash: Sha256,
        bars: z.number().int().min(1),
        firstTimestamp: IsoTime,
        lastTimestamp: IsoTime,
        frequency: z.object({ label: z.string(), seconds: z.number().positive(), periodsPerYear: z.number().positive() }).strict(),
      })
      .strict(),
    /** Bars 0..inSampleBars-1 were tuned on; the rest were never seen by the tuner. */
    split: z
      .object({
        inSampleFraction: z.number().gt(0).lte(1),
        /** First tuned bar (0-based), present only when the study tuned on a later range (a walk-forward window). */
        inSampleFrom: z.number().int().min(1).optional(),
        inSampleBars: z.number().int().min(1),
        outOfSampleBars: z.number().int().min(0),
      })
      .strict(),
    /** Costs, fills and sizing: the backtest settings every metric here was computed with. */
    settings: BacktestConfig,
    objectives: z
      .array(z.object({ metric: z.string().min(1), direction: z.enum(['maximize', 'minimize']), inSample: z.number().nullable() }).strict())
      .min(1),
    metrics: z
      .object({
        inSample: MetricValues,
        /** Null when the study gave every bar to the tuner (no out-of-sample part). */
        outOfSample: MetricValues.nullable(),
      })
      .strict(),
    robustness: z
      .object({
        pbo: z.number().min(0).max(1).optional(),
        dsr: z.number().min(0).max(1).optional(),
        psr: z.number().min(0).max(1).optional(),
        /** Pardo's walk-forward efficiency of the latest completed walk-forward run with this strategy, data and settings. */
        walkForwardEfficiency: z.number().optional(),
        /** The walk-forward run that efficiency comes from. */
        walkForwardRun: z.object({ id: z.string().min(1), name: z.string(), windows: z.number().int().min(1), mode: z.string() }).strict().optional(),
        bootstrap: z.object({ samples: z.number().int().min(1), sharpeAnnualised: Interval, cagr: Interval }).strict().optional(),
        /** When the robustness analysis these figures come from was computed. */
        computedAt: IsoTime.optional(),
        /** The figures above that were not computed for this study (absent, never zero). */
        notComputed: z.array(z.enum(ROBUSTNESS_FIGURES)),
      })
      .strict(),
    selection: z
      .object({
        method: ExportSelectionMethod,
        /** The trial exported; null for a robust optimum that is not one of the study's trials. */
        trial: z.number().int().min(0).nullable(),
        /** Robust optimum: neighbourhood half-width as a fraction of each parameter's range, and trials inside it. */
        neighbourhood: z.number().gt(0).lte(0.5).optional(),
        trialsInNeighbourhood: z.number().int().min(0).optional(),
      })
      .strict(),
    study: z
      .object({
        id: StudyId,
        name: z.string(),
        sampler: z.enum(['random', 'sobol', 'tpe', 'gp']),
        seed: z.number().int().min(0),
        /** Finished trials (complete, failed or pruned) when exported. */
        trials: z.number().int().min(0),
      })
      .strict(),
    app: z.object({ name: z.literal('Holdout'), version: z.string().min(1) }).strict(),
    exportedAt: IsoTime,
    checksum: Sha256.describe(CHECKSUM_DEFINITION),
  })
  .strict()
  .meta({
    $id: 'https://holdout.dev/schemas/holdout-export-v1.json',
    title: 'Holdout trial export',
    description: `A tuned strategy configuration exported by Holdout, with its provenance. checksum: ${CHECKSUM_DEFINITION}`,
  });
export type HoldoutExport = z.infer<typeof HoldoutExport>;

// ---- the exports API -----------------------------------------------------------------------------------------

export const ExportId = z.string().regex(/^ex_[0-9a-f]{16}$/, 'an export id looks like ex_ followed by 16 hex digits');

export const ExportCreateRequest = z
  .object({
    studyId: StudyId,
    /** peak: the best trial by the first objective; robust: the robust optimum; manual: the trial given. */
    selection: ExportSelectionMethod.default('peak'),
    trial: z.number().int().min(0).optional(),
    format: ExportFormat.default('yaml'),
    /** Absolute path to write to; default <data folder>/exports/<study>-trial<N>.<ext> (a free name). */
    path: z.string().min(1).optional(),
    /** Replace a file already at `path` (a save dialog has asked); otherwise an existing file is an error. */
    overwrite: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.selection !== 'manual' || r.trial !== undefined, { message: 'a manual selection needs a trial number', path: ['trial'] });
export type ExportCreateRequest = z.output<typeof ExportCreateRequest>;

export const ExportRecord = z.object({
  id: ExportId,
  studyId: StudyId,
  studyName: z.string(),
  /** Null for a robust optimum that is not one of the study's trials. */
  trialNumber: z.number().int().nullable(),
  selection: ExportSelectionMethod,
  format: ExportFormat,
  path: z.string(),
  checksum: Sha256,
  createdAt: z.number(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const ExportCreateResult = z.object({ record: ExportRecord, document: HoldoutExport, content: z.string() });
export type ExportCreateResult = z.infer<typeof ExportCreateResult>;

/** An export file to read: a path on the back end's machine, or content uploaded from the renderer. */
export const ExportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('content'), name: z.string().min(1).max(500), text: z.string().max(20_000_000) }).strict(),
]);
export type ExportSource = z.infer<typeof ExportSource>;

export const LoadedExport = z.object({ file: z.string(), format: ExportFormat, document: HoldoutExport, checksumVerified: z.literal(true) });
export type LoadedExport = z.infer<typeof LoadedExport>;

export const RevalidateRequest = z.object({ source: ExportSource, datasetId: DatasetId }).strict();
export type RevalidateRequest = z.output<typeof RevalidateRequest>;

export const DriftRunSegment = z.enum(['inSample', 'outOfSample', 'newData']);
export const DriftVerdictLevel = z.enum(['reproduced', 'not-reproduced', 'holding', 'degraded', 'improved', 'unknown']);

export const DriftReport = z.object({
  file: z.string(),
  export: z.object({
    checksum: Sha256,
    exportedAt: z.string(),
    studyId: StudyId,
    studyName: z.string(),
    selection: ExportSelectionMethod,
    trial: z.number().int().nullable(),
    dataset: z.object({ name: z.string(), hash: Sha256, firstTimestamp: z.string(), lastTimestamp: z.string() }),
  }),
  dataset: z.object({ id: DatasetId, name: z.string(), hash: Sha256, bars: z.number().int(), first: z.number(), last: z.number() }),
  /** The new dataset is the exported one (same content hash): the exported runs are repeated, bar for bar. */
  sameData: z.boolean(),
  strategy: z.object({
    name: z.string(),
    version: z.string(),
    codeHash: Sha256,
    exportedVersion: z.string(),
    exportedCodeHash: Sha256,
    /** The strategy's code is not the code that produced the exported metrics. */
    codeChanged: z.boolean(),
  }),
  /** The backtests run now: same data gives the exported in- and out-of-sample ranges; new data its whole range. */
  runs: z.array(z.object({ segment: DriftRunSegment, label: z.string(), fromBar: z.number().int(), toBar: z.number().int() })),
  /** One row per metric: the exported values next to the new ones (aligned with `runs`). */
  rows: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      direction: z.enum(['maximize', 'minimize']),
      exportedInSample: z.number().nullable(),
      exportedOutOfSample: z.number().nullable(),
      now: z.array(z.number().nullable()),
    }),
  ),
  /** Same data only: every metric of every run equals the exported value exactly. */
  reproduced: z.boolean().nullable(),
  bootstrap: z
    .object({ level: z.number(), low: z.number(), high: z.number(), sharpe: z.number().nullable(), inside: z.boolean().nullable(), segment: DriftRunSegment })
    .nullable(),
  verdict: z.object({ level: DriftVerdictLevel, headline: z.string(), reasons: z.array(z.string()) }),
  /** Shown before anything else: a changed strategy code, a different strategy version. */
  warnings: z.array(z.string()),
});
export type DriftReport = z.infer<typeof DriftReport>;

/**
 * The JSON Schema of the export format, as shipped in resources/holdout-export.schema.json (draft-07, so any
 * validator reads it). scripts/generate-export-schema.mjs writes it; a unit test fails when the file is stale.
 */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(HoldoutExport, { target: 'draft-7', io: 'output' }), null, 2)}\n`;
}
