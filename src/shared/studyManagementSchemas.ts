// Schemas for managing studies after they are created (rename, tags, notes, delete, continue tuning, trials
// export) and for backing up and restoring the whole database.
import { z } from 'zod';
import { ParamOverride, SamplerName, StudyId } from './studySchemas';

export const StudyName = z.string().trim().min(1).max(200);
/** A tag: trimmed, 1 to 40 characters, no commas (the CLI takes tags comma-separated). */
export const StudyTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((t) => !t.includes(','), { message: 'a tag cannot contain a comma' });
/** Markdown; 100,000 characters is a long paper, far beyond notes on a study. */
export const Notes = z.string().max(100_000);

export const StudyRenameRequest = z.object({ id: StudyId, name: StudyName }).strict();
export const StudyTagsRequest = z.object({ id: StudyId, tags: z.array(StudyTag).max(32) }).strict();
export const StudyNotesRequest = z.object({ id: StudyId, notes: Notes }).strict();
export const TrialNotesRequest = z.object({ id: StudyId, number: z.number().int().min(0), notes: Notes }).strict();
export const StudyDeleted = z.object({ id: StudyId, trials: z.number().int() });

/**
 * A new study from an old one: same dataset, strategy, objectives, in-sample bars and backtest config; the space
 * starts from the parent's (ranges and fixed values) with `space` overriding parameters by name; sampler, seed and
 * workers default to the parent's. Trials of the parent inside the new space seed the new study (see
 * src/backend/studyManagement/studyContinuation.ts); `budget.trials` counts new trials only.
 */
export const StudyContinueRequest = z
  .object({
    id: StudyId,
    name: StudyName.optional(),
    space: z.record(z.string(), ParamOverride).default({}),
    sampler: SamplerName.optional(),
    budget: z
      .object({ trials: z.number().int().min(1).max(1_000_000).optional(), timeLimitSec: z.number().positive().optional() })
      .strict()
      .default({ trials: 100 }),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    workers: z.number().int().min(1).max(256).optional(),
  })
  .strict();
export type StudyContinueRequest = z.output<typeof StudyContinueRequest>;

export const TrialsExportFormat = z.enum(['csv', 'parquet']);
export type TrialsExportFormat = z.infer<typeof TrialsExportFormat>;
export const AbsolutePath = z
  .string()
  .min(1)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), { message: 'must be an absolute path' });
export const TrialsExportRequest = z.object({ id: StudyId, format: TrialsExportFormat, path: AbsolutePath }).strict();
export const TrialsExportResult = z.object({ path: z.string(), format: TrialsExportFormat, rows: z.number().int(), columns: z.array(z.string()), bytes: z.number().int() });
export type TrialsExportResult = z.infer<typeof TrialsExportResult>;

export const BackupRequest = z.object({ path: AbsolutePath }).strict();
export const BackupResult = z.object({
  path: z.string(),
  bytes: z.number().int(),
  schemaVersion: z.number().int(),
  studies: z.number().int(),
  trials: z.number().int(),
  datasets: z.number().int(),
  durationMs: z.number(),
});
export type BackupResult = z.infer<typeof BackupResult>;
export const RestoreResult = z.object({
  path: z.string(),
  /** The database as it was before the restore, kept beside it. */
  previousCopy: z.string(),
  /** The backup's schema version before it was migrated up to this app's. */
  fromSchemaVersion: z.number().int(),
  schemaVersion: z.number().int(),
  studies: z.number().int(),
  trials: z.number().int(),
  datasets: z.number().int(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;
