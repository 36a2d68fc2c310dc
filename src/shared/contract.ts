// The one contract between the renderer and the back end: every request (input and output schema) and every
// pushed event. The preload, the browser-mode client, the IPC handlers and the HTTP/WebSocket server all derive
// from this object, so a method exists everywhere or nowhere.
import { z } from 'zod';
import {
  AppInfo,
  ChartRequest,
  ChartSeries,
  DatasetDetail,
  DatasetId,
  DatasetSummary,
  FileSource,
  ImportProgress,
  ImportResult,
  SampleId,
  SampleInfo,
} from './schemas';
import { BacktestReport, BacktestRequest, MetricInfo, StrategyInfo, StrategyProblems } from './backtestSchemas';
import { StudyCreateRequest, StudyDetail, StudyIdInput, StudyProgress, StudySummary, StudyTrial, StudyTrialsEvent } from './studySchemas';
import {
  BackupRequest,
  BackupResult,
  RestoreResult,
  StudyContinueRequest,
  StudyDeleted,
  StudyNotesRequest,
  StudyRenameRequest,
  StudyTagsRequest,
  TrialNotesRequest,
  TrialsExportRequest,
  TrialsExportResult,
} from './studyManagementSchemas';
import { DriftReport, ExportCreateRequest, ExportCreateResult, ExportRecord, ExportSource, LoadedExport, RevalidateRequest } from './exportSchemas';
import { AnalysisRequest, ParametersReport, RobustnessReport, SurfaceReport, SurfaceRequest } from './analysisSchemas';
import { WalkForwardCreateRequest, WalkForwardIdInput, WalkForwardProgress, WalkForwardSummary } from './walkForwardSchemas';

interface MethodDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** One line for the API reference and for error messages. */
  doc: string;
}
function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): MethodDef<I, O> {
  return { input, output, doc };
}
const NoInput = z.object({}).strict();

export const contract = {
  app: {
    info: method(NoInput, AppInfo, 'Version, mode (desktop or browser) and where the data lives.'),
  },
  datasets: {
    list: method(NoInput, z.array(DatasetSummary), 'Every dataset in the store, newest first.'),
    get: method(z.object({ id: DatasetId }).strict(), DatasetDetail, 'One dataset with its summary statistics.'),
    import: method(
      z.object({ source: FileSource, name: z.string().trim().min(1).max(200).optional() }).strict(),
      ImportResult,
      'Import a CSV of bars. All or nothing: a failed import leaves the store as it was.',
    ),
    rename: method(z.object({ id: DatasetId, name: z.string().trim().min(1).max(200) }).strict(), DatasetSummary, 'Rename a dataset.'),
    delete: method(z.object({ id: DatasetId }).strict(), z.object({ id: DatasetId }), 'Delete a dataset and its bars.'),
    chart: method(ChartRequest, ChartSeries, 'Price series for a chart, decimated to the requested width.'),
    samples: method(NoInput, z.array(SampleInfo), 'The sample datasets that ship with the app.'),
    loadSample: method(
      z.object({ sample: SampleId, seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).strict(),
      ImportResult,
      'Import one of the bundled samples (or generate the synthetic one).',
    ),
  },
  strategies: {
    list: method(NoInput, z.array(StrategyInfo), 'Built-in strategies and the user strategies found in the strategies folder.'),
    problems: method(
      NoInput,
      StrategyProblems,
      'The user strategies folder and every file in it that failed to compile or load, with file, line and message.',
    ),
  },
  metrics: {
    definitions: method(NoInput, z.array(MetricInfo), 'Every performance metric: id, label, unit, direction and what it means.'),
  },
  backtests: {
    run: method(BacktestRequest, BacktestReport, 'Run one backtest in a worker and return its metrics, trades and performance profile.'),
  },
  studies: {
    create: method(StudyCreateRequest, StudySummary, 'Create a tuning study and start it in the background; progress comes as study.progress events.'),
    list: method(NoInput, z.array(StudySummary), 'Every study, newest first.'),
    get: method(StudyIdInput, StudyDetail, 'One study: its summary and its full specification.'),
    trials: method(StudyIdInput, z.array(StudyTrial), 'Every trial of a study in number order (without per-bar returns).'),
    pause: method(StudyIdInput, StudySummary, 'Stop asking for new trials; running trials finish, then the study is paused.'),
    resume: method(StudyIdInput, StudySummary, 'Continue a paused or interrupted study from its stored trials and sampler state.'),
    stop: method(StudyIdInput, StudySummary, 'End a study for good: running trials finish, no new ones start.'),
    rename: method(StudyRenameRequest, StudySummary, 'Rename a study (also while it runs).'),
    setTags: method(StudyTagsRequest, StudySummary, "Replace a study's tags (duplicates, ignoring case, are dropped)."),
    setNotes: method(StudyNotesRequest, StudySummary, "Replace a study's Markdown notes."),
    setTrialNotes: method(TrialNotesRequest, StudyTrial, "Replace one trial's Markdown notes."),
    delete: method(StudyIdInput, StudyDeleted, 'Delete a study with its trials and analyses; refused while it runs.'),
    continue: method(
      StudyContinueRequest,
      StudySummary,
      "Continue tuning: a new study with the parent's definition and a changed space, budget or sampler, seeded with the parent's trials inside the new space, started at once.",
    ),
    exportTrials: method(TrialsExportRequest, TrialsExportResult, "Write a study's trials to a CSV or Parquet file (atomically)."),
  },
  analysis: {
    robustness: method(
      AnalysisRequest,
      RobustnessReport,
      'Overfitting checks of a study: PSR, DSR, MinTRL, PBO, bootstrap intervals, reshuffled drawdowns, out of sample, verdict (cached).',
    ),
    parameters: method(
      AnalysisRequest,
      ParametersReport,
      'Parameter importance, peak against robust optimum with sensitivity and 2x costs, partial dependence (cached).',
    ),
    surface: method(SurfaceRequest, SurfaceReport, "The GP posterior mean and sd over two parameters, the others held at a trial's values."),
  },
  walkForward: {
    create: method(
      WalkForwardCreateRequest,
      WalkForwardSummary,
      'Start a walk-forward run in the background: a study per window on its in-sample bars, its choice tested on the next bars; progress comes as walkForward.progress events.',
    ),
    list: method(NoInput, z.array(WalkForwardSummary), 'Every walk-forward run, newest first.'),
    get: method(WalkForwardIdInput, WalkForwardSummary, 'One walk-forward run: windows, efficiency, parameter drift and the stitched out-of-sample curve.'),
    stop: method(WalkForwardIdInput, WalkForwardSummary, "End a walk-forward run: the current window's study is stopped and no further window starts."),
  },
  exports: {
    create: method(
      ExportCreateRequest,
      ExportCreateResult,
      'Export a trial (peak, robust optimum or any trial) with its provenance to a YAML or JSON file, schema-checked, checksummed, written atomically.',
    ),
    history: method(NoInput, z.array(ExportRecord), 'Every export made, newest first: what, when and where to.'),
    load: method(z.object({ source: ExportSource }).strict(), LoadedExport, 'Read an export file and verify its schema and checksum.'),
    revalidate: method(
      RevalidateRequest,
      DriftReport,
      'Run an export on a dataset: its metrics next to the exported ones, the bootstrap-interval check, code changes and a verdict.',
    ),
  },
  backup: {
    create: method(BackupRequest, BackupResult, 'Back up the whole database to a file (online: safe while a study runs); the copy is integrity-checked.'),
    restore: method(
      BackupRequest,
      RestoreResult,
      'Replace the database with a backup after checking it (integrity, schema version; older ones are migrated); the current one is kept beside it. Refused while a study runs.',
    ),
  },
} as const;

export const events = {
  'datasets.changed': z.object({ reason: z.enum(['imported', 'renamed', 'deleted']), id: DatasetId }),
  'import.progress': ImportProgress,
  'study.progress': StudyProgress,
  'study.trials': StudyTrialsEvent,
  'walkForward.progress': WalkForwardProgress,
} as const;

type Contract = typeof contract;
export type Namespace = keyof Contract;
export type MethodName<N extends Namespace> = keyof Contract[N] & string;
/** "datasets.import" and so on: the wire name of every method. */
export type Channel = { [N in Namespace]: `${N}.${MethodName<N>}` }[Namespace];

type Def<C extends string> = C extends `${infer N}.${infer M}`
  ? N extends Namespace
    ? M extends keyof Contract[N]
      ? Contract[N][M]
      : never
    : never
  : never;
export type InputOf<C extends Channel> = Def<C> extends MethodDef<infer I, z.ZodType> ? z.input<I> : never;
export type OutputOf<C extends Channel> = Def<C> extends MethodDef<z.ZodType, infer O> ? z.output<O> : never;

/** What the renderer sees: `api.datasets.list({})` and so on, each returning a promise of the output type. */
export type HoldoutApi = {
  [N in Namespace]: {
    [M in MethodName<N>]: Contract[N][M] extends MethodDef<infer I, infer O> ? (input: z.input<I>) => Promise<z.output<O>> : never;
  };
};

/** What the back end implements: each method receives its input already validated, defaults applied. */
export type HoldoutHandlers = {
  [N in Namespace]: {
    [M in MethodName<N>]: Contract[N][M] extends MethodDef<infer I, infer O> ? (input: z.output<I>) => Promise<z.output<O>> : never;
  };
};

/** Builds the HoldoutApi object from one function that sends a method's wire name and input somewhere. */
export function buildApi(call: (channel: Channel, input: unknown) => Promise<unknown>): HoldoutApi {
  return Object.fromEntries(
    Object.entries(contract).map(([ns, methods]) => [
      ns,
      Object.fromEntries(Object.keys(methods).map((m) => [m, (input: unknown) => call(`${ns}.${m}` as Channel, input)])),
    ]),
  ) as unknown as HoldoutApi;
}

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
export type EventListener = (message: EventMessage) => void;

export function channels(): Channel[] {
  const out: string[] = [];
  for (const ns of Object.keys(contract) as Namespace[]) {
    for (const m of Object.keys(contract[ns])) out.push(`${ns}.${m}`);
  }
  return out as Channel[];
}

export function methodDef(channel: string): MethodDef<z.ZodType, z.ZodType> | undefined {
  const dot = channel.indexOf('.');
  if (dot < 0) return undefined;
  const ns = channel.slice(0, dot);
  const m = channel.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const group = contract[ns as Namespace] as Record<string, MethodDef<z.ZodType, z.ZodType>>;
  return Object.hasOwn(group, m) ? group[m] : undefined;
}
