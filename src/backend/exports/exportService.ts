// The `exports` API: export a study's trial (peak, robust optimum or any trial) to a YAML or JSON file with its
// provenance, list the export history, load and verify an export file, and re-validate it on another dataset.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import {
  HoldoutError,
  type BacktestConfig,
  type BacktestReport,
  type DriftReport,
  type ExportCreateRequest,
  type ExportCreateResult,
  type ExportRecord,
  type ExportSource,
  type LoadedExport,
  type ParametersReport,
  type ParamValues,
  type StudyDetail,
  type WalkForwardSummary,
  tunedBarRange,
} from '../../shared';
import type { BacktestService } from '../backtests/backtestService';
import type { Storage } from '../storage/storage';
import type { StudyService } from '../studies/studyService';
import { writeFileAtomic } from './atomicWrite';
import { buildDriftReport, type DriftRun } from './driftReport';
import { exportChecksum } from './exportChecksum';
import { canonicalJson } from './canonicalJson';
import { buildExportDocument, robustSelection, type ExportInputs } from './exportDocument';
import { parseExportText, serializeExport } from './exportFileCodec';
import { ExportValidator } from './exportValidator';

export interface ExportServiceOptions {
  store: Storage;
  backtests: BacktestService;
  studies: StudyService;
  appVersion: string;
  /** Default folder for exports: <data folder>/exports. */
  exportsDir: string;
  resourcesDir: string;
  /** The study's parameters analysis (robust optimum), computed when no cached one exists. */
  parametersAnalysis: (studyId: string) => Promise<ParametersReport>;
  /** Every walk-forward run (for the walk-forward efficiency of the exported strategy, data and settings). */
  walkForwardRuns?: () => Promise<WalkForwardSummary[]>;
  /** Test hook passed to the atomic write (runs between writing the temporary file and the rename). */
  beforeRename?: (tempPath: string) => void;
}

export class ExportService {
  private validatorInstance?: ExportValidator;

  constructor(private readonly opts: ExportServiceOptions) {}

  private get validator(): ExportValidator {
    return (this.validatorInstance ??= new ExportValidator(this.opts.resourcesDir));
  }

  async create(request: ExportCreateRequest): Promise<ExportCreateResult> {
    const { store } = this.opts;
    const study = this.opts.studies.get(request.studyId);
    const dataset = store.getDataset(study.summary.datasetId);
    if (!dataset || dataset.hash !== study.spec.datasetHash) {
      throw new HoldoutError('NOT_FOUND', `The dataset of study ${study.summary.id} (${study.summary.datasetId}) is no longer in the store, so its trial cannot be re-run for the export.`, {
        field: 'studyId',
        value: request.studyId,
      });
    }
    const { info } = await this.opts.backtests.strategyFor(study.summary.strategy);
    if (info.codeHash !== study.spec.strategyHash) {
      throw new HoldoutError(
        'CONFLICT',
        `The code of strategy '${info.name}' has changed since study ${study.summary.id} ran (code hash ${info.codeHash.slice(0, 12)}… now, ${study.spec.strategyHash.slice(0, 12)}… then): exported metrics would not be the study's. Restore the strategy file or tune again.`,
        { field: 'studyId', value: request.studyId },
      );
    }
    const chosen = await this.choose(request, study);
    const config = study.spec.config;
    const run = (range: { fromBar: number; toBar: number }) =>
      this.opts.backtests.run({ datasetId: dataset.id, strategy: info.name, params: chosen.params, config, range });
    const tuned = tunedBarRange(study.spec);
    const inSample = await run(tuned);
    const outOfSample = tuned.toBar < dataset.bars ? await run({ fromBar: tuned.toBar, toBar: dataset.bars }) : null;
    const robustness = store.latestAnalysisResult(study.summary.id, 'robustness');
    const now = Date.now();
    const document = buildExportDocument({
      study,
      dataset,
      strategy: info,
      selection: chosen.selection,
      inSample,
      outOfSample,
      robustness: robustness && { result: robustness.result, computedAt: robustness.computedAt },
      walkForward: await this.walkForwardFor(study),
      appVersion: this.opts.appVersion,
      now,
    });
    // Validated against the shipped JSON Schema before anything is written.
    this.validator.validate(JSON.parse(JSON.stringify(document)), 'the export');
    const content = serializeExport(document, request.format);
    const path = this.targetPath(request, study.summary.name, chosen.selection.trial);
    try {
      writeFileAtomic(path, content, { beforeRename: this.opts.beforeRename });
    } catch (err) {
      if (err instanceof HoldoutError) throw err;
      const e = err as NodeJS.ErrnoException;
      throw new HoldoutError('INVALID_REQUEST', `Could not write the export to ${path}: ${e.message}. Nothing was written.`, { file: path, field: 'path' });
    }
    const record: ExportRecord = {
      id: `ex_${randomBytes(8).toString('hex')}`,
      studyId: study.summary.id,
      studyName: study.summary.name,
      trialNumber: chosen.selection.trial,
      selection: chosen.selection.method,
      format: request.format,
      path,
      checksum: document.checksum,
      createdAt: now,
    };
    store.addExport(record);
    return { record, document, content };
  }

  history(): ExportRecord[] {
    return this.opts.store.listExports();
  }

  /** Reads an export file, checks it against the JSON Schema, then checks its checksum. */
  load(source: ExportSource): LoadedExport {
    const { file, text } = readSource(source);
    const { data, format } = parseExportText(text, file);
    const document = this.validator.validate(data, file);
    const expected = exportChecksum(data as Record<string, unknown>);
    if (expected !== document.checksum) {
      throw new HoldoutError(
        'INVALID_DATA',
        `${file}: checksum: does not match the content (expected ${expected.slice(0, 12)}…, the file says ${document.checksum.slice(0, 12)}…); the file was changed after it was exported.`,
        { file, field: 'checksum', value: document.checksum },
      );
    }
    return { file, format, document, checksumVerified: true };
  }

  /** Runs the exported strategy and settings on a dataset and compares with the exported figures. */
  async revalidate(source: ExportSource, datasetId: string): Promise<DriftReport> {
    const loaded = this.load(source);
    const doc = loaded.document;
    const dataset = this.opts.store.getDataset(datasetId);
    if (!dataset) throw new HoldoutError('NOT_FOUND', `No dataset with id ${datasetId}. It may have been deleted.`, { field: 'datasetId', value: datasetId });
    if (doc.settings.fill === 'nextOpen' && !dataset.columns.includes('open')) {
      throw new HoldoutError(
        'INVALID_REQUEST',
        `${loaded.file}: settings.fill: the export fills at the next bar's open, and ${dataset.name} has no open prices (close only); re-validate on data with an open column.`,
        { file: loaded.file, field: 'settings.fill', value: 'nextOpen' },
      );
    }
    const params: ParamValues = Object.fromEntries(Object.entries(doc.parameters).map(([k, p]) => [k, p.value]));
    const config: BacktestConfig = doc.settings;
    const run = async (segment: DriftRun['segment'], label: string, range: { fromBar: number; toBar: number }): Promise<DriftRun> => {
      let report: BacktestReport;
      try {
        report = await this.opts.backtests.run({ datasetId: dataset.id, strategy: doc.strategy.name, params, config, range });
      } catch (err) {
        if (err instanceof HoldoutError && err.location?.field === 'strategy' && err.code === 'INVALID_REQUEST') {
          throw new HoldoutError('NOT_FOUND', `${loaded.file}: strategy '${doc.strategy.name}' is not available here (${err.message})`, { file: loaded.file, field: 'strategy.name', value: doc.strategy.name });
        }
        throw err;
      }
      return { segment, label, report };
    };
    const runs: DriftRun[] = [];
    if (dataset.hash === doc.dataset.hash) {
      const tuned = tunedBarRange(doc.split);
      const split = tuned.toBar;
      runs.push(await run('inSample', `In sample, exported data (bars ${tuned.fromBar + 1}–${split})`, tuned));
      if (split < dataset.bars) runs.push(await run('outOfSample', `Out of sample, exported data (bars ${split + 1}–${dataset.bars})`, { fromBar: split, toBar: dataset.bars }));
    } else {
      runs.push(await run('newData', `New data: ${dataset.name} (all ${dataset.bars} bars)`, { fromBar: 0, toBar: dataset.bars }));
    }
    return buildDriftReport({ loaded, dataset, runs, metrics: this.opts.backtests.metricDefinitions() });
  }

  /** The latest completed walk-forward run of the study's strategy on its dataset with the same settings. */
  private async walkForwardFor(study: StudyDetail): Promise<ExportInputs['walkForward']> {
    if (!this.opts.walkForwardRuns) return undefined;
    const settings = canonicalJson(study.spec.config);
    const run = (await this.opts.walkForwardRuns())
      .filter((r) => r.status === 'completed' && r.efficiency !== null && r.datasetId === study.summary.datasetId && r.strategy === study.summary.strategy)
      .filter((r) => canonicalJson(r.request.config) === settings)
      .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];
    return run && { id: run.id, name: run.name, windows: run.windows.length, mode: run.request.mode, efficiency: run.efficiency! };
  }

  private async choose(request: ExportCreateRequest, study: StudyDetail): Promise<{ params: ParamValues; selection: ExportInputs['selection'] }> {
    const complete = this.opts.studies.trials(request.studyId).filter((t) => t.state === 'complete' && t.values !== null);
    if (request.selection === 'manual') {
      const trial = complete.find((t) => t.number === request.trial);
      if (!trial) {
        throw new HoldoutError('NOT_FOUND', `Study ${request.studyId} has no complete trial ${request.trial}.`, { field: 'trial', value: String(request.trial) });
      }
      return { params: trial.params, selection: { method: 'manual', trial: trial.number } };
    }
    if (request.selection === 'peak') {
      if (complete.length === 0) throw new HoldoutError('CONFLICT', `Study ${request.studyId} has no complete trial to export yet.`, { field: 'studyId', value: request.studyId });
      const sign = study.summary.objectives[0].direction === 'maximize' ? 1 : -1;
      // Highest by the first objective; the earliest trial wins a tie, as in the study's own best.
      const best = complete.reduce((a, b) => (sign * b.values![0] > sign * a.values![0] ? b : a));
      return { params: best.params, selection: { method: 'peak', trial: best.number } };
    }
    const cached = this.opts.store.latestAnalysisResult(request.studyId, 'parameters');
    const report = (cached && robustSelection(cached.result)) ?? (await this.opts.parametersAnalysis(request.studyId));
    const robust = report.robust;
    return {
      params: { ...study.spec.fixed, ...robust.params },
      selection: { method: 'robust', trial: robust.trial, neighbourhood: robust.neighbourhood, trialsInNeighbourhood: robust.trialsInNeighbourhood },
    };
  }

  private targetPath(request: ExportCreateRequest, studyName: string, trial: number | null): string {
    const ext = request.format === 'json' ? 'json' : 'yaml';
    if (request.path === undefined) {
      const stem = `${slug(studyName)}-${trial === null ? 'robust' : `trial${trial}`}`;
      mkdirSync(this.opts.exportsDir, { recursive: true });
      for (let n = 1; ; n++) {
        const candidate = join(this.opts.exportsDir, `${stem}${n === 1 ? '' : `-${n}`}.${ext}`);
        if (!existsSync(candidate)) return candidate;
      }
    }
    const path = request.path;
    if (!isAbsolute(path)) throw new HoldoutError('INVALID_REQUEST', `The export path must be absolute: "${path}".`, { field: 'path', value: path });
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new HoldoutError('INVALID_REQUEST', `Cannot export to ${path}: the folder ${dir} does not exist.`, { file: path, field: 'path', value: path });
    }
    if (existsSync(path) && !request.overwrite) {
      throw new HoldoutError('CONFLICT', `${basename(path)} already exists in ${dir}; choose another name or allow overwriting.`, { file: path, field: 'path', value: path });
    }
    return path;
  }
}

function readSource(source: ExportSource): { file: string; text: string } {
  if (source.kind === 'content') return { file: source.name, text: source.text };
  try {
    return { file: source.path, text: readFileSync(source.path, 'utf8') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new HoldoutError('NOT_FOUND', `No export file at ${source.path}.`, { file: source.path });
    throw new HoldoutError('INVALID_REQUEST', `Cannot read ${source.path}: ${e.message}`, { file: source.path });
  }
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'study';
}
