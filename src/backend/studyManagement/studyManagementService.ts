// Study management on the main thread (the store's only writer): rename, tags, notes, delete, continue tuning and
// the trials export. Everything but continue and export is a single small write, safe even while a study runs;
// delete refuses a running study (its run would write trials into a deleted study).
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  HoldoutError,
  type StudyContinueRequest,
  type StudySummary,
  type StudyTrial,
  type TrialsExportFormat,
  type TrialsExportResult,
} from '../../shared';
import type { EventBus } from '../api/eventBus';
import type { Storage, StudyRecord } from '../storage/storage';
import type { StudyService } from '../studies/studyService';
import { writeFileAtomic } from './atomicFile';
import { trialsCsv } from './csvWriter';
import { trialsParquet } from './parquetWriter';
import { continuationRequest, continuationSeeder } from './studyContinuation';
import { buildTrialsTable } from './trialsTable';

export interface StudyManagementOptions {
  store: Storage;
  studies: StudyService;
  events?: EventBus;
  appVersion: string;
}

export class StudyManagementService {
  constructor(private readonly opts: StudyManagementOptions) {}

  rename(id: string, name: string): StudySummary {
    this.mustGet(id);
    this.opts.store.updateStudyInfo(id, { name });
    return this.opts.studies.summary(id);
  }

  setTags(id: string, tags: readonly string[]): StudySummary {
    this.mustGet(id);
    // Tags compare case-insensitively; the first spelling is kept, the order is the user's.
    const seen = new Set<string>();
    const unique = tags.map((t) => t.trim()).filter((t) => t !== '' && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
    this.opts.store.updateStudyInfo(id, { tags: unique });
    return this.opts.studies.summary(id);
  }

  setNotes(id: string, notes: string): StudySummary {
    this.mustGet(id);
    this.opts.store.updateStudyInfo(id, { notes });
    return this.opts.studies.summary(id);
  }

  setTrialNotes(id: string, number: number, notes: string): StudyTrial {
    this.mustGet(id);
    return this.opts.store.setTrialNotes(id, number, notes);
  }

  delete(id: string): { id: string; trials: number } {
    const r = this.mustGet(id);
    if (r.status === 'running') {
      throw new HoldoutError('CONFLICT', `Study "${r.name}" (${id}) is running; pause or stop it before deleting it.`, { field: 'id', value: id });
    }
    const trials = this.opts.store.listTrials(id).length;
    this.opts.store.deleteStudy(id);
    return { id, trials };
  }

  async continue(request: StudyContinueRequest): Promise<StudySummary> {
    const parent = this.mustGet(request.id);
    if (parent.status === 'running') {
      throw new HoldoutError('CONFLICT', `Study "${parent.name}" (${parent.id}) is still running; pause or stop it before continuing it in a new study.`, {
        field: 'id',
        value: parent.id,
      });
    }
    return this.opts.studies.create(continuationRequest(parent, request), continuationSeeder(this.opts.store, parent));
  }

  exportTrials(id: string, format: TrialsExportFormat, path: string): TrialsExportResult {
    const study = this.mustGet(id);
    if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) {
      throw new HoldoutError('INVALID_REQUEST', `Cannot write ${path}: the folder ${dirname(path)} does not exist.`, { field: 'path', file: path });
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new HoldoutError('INVALID_REQUEST', `Cannot write ${path}: it is a folder.`, { field: 'path', file: path });
    }
    const table = buildTrialsTable(study, this.opts.store.listTrials(id));
    const data = format === 'csv' ? trialsCsv(table) : trialsParquet(table, `Holdout ${this.opts.appVersion}`);
    const bytes = writeFileAtomic(path, data);
    return { path, format, rows: table.rows, columns: table.columns.map((c) => c.name), bytes };
  }

  private mustGet(id: string): StudyRecord {
    const r = this.opts.store.getStudy(id);
    if (!r) throw new HoldoutError('NOT_FOUND', `No study with id ${id}.`, { field: 'id', value: id });
    return r;
  }
}
