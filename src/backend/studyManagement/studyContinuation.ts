// "Continue tuning": a new study from an old one with a changed space, budget or sampler. Decision: the parent's
// finished trials that fall inside the new space are copied into the new study as its trials 0..k-1 (metrics,
// values and per-bar returns included), in the same transaction that creates it, and the study records its
// parent (parent_study_id). The study's first run then restores its sampler from those trials exactly as a
// resume does (StudyRun.resumeState with no sampler state), so its first asks are informed by them, and the same
// parent, space and seed give the same new trials. Copying rather than merely warm-starting keeps every later
// reader (best trial, history, analyses, export) working on one study's trials, and they stay after the parent
// is deleted. The seeded trials count towards the trial budget, so budget.trials is added to their number.
import { SearchSpaceError, searchSpaceFromSpecs, type ParamSpec } from '../../core';
import { HoldoutError, type ParamOverride, type StudyContinueRequest, type StudyCreateRequest } from '../../shared';
import type { SeededTrial, Storage, StudyRecord, TrialRecord } from '../storage/storage';
import type { StoredParamSpec } from '../studies/studyWorkerApi';

type ParamValue = number | string | boolean;

/** The stored shape of a study's space column (see StoredSpace in studyService.ts). */
interface ParentSpace {
  params: StoredParamSpec[];
  fixed: Record<string, ParamValue>;
}

/** The create request of the new study: the parent's definition, its space overridden by the request's. */
export function continuationRequest(parent: StudyRecord, request: StudyContinueRequest): StudyCreateRequest {
  const space = parent.space as ParentSpace;
  const overrides: Record<string, ParamOverride> = {};
  for (const p of space.params) {
    // Categorical parameters keep the strategy's declared choices (a create request cannot narrow them).
    if (p.type === 'categorical') continue;
    overrides[p.name] = { low: p.low, high: p.high, type: p.type, ...(p.log ? { log: true } : {}), ...(p.step !== undefined ? { step: p.step } : {}) };
  }
  for (const [name, value] of Object.entries(space.fixed)) overrides[name] = { fixed: value };
  Object.assign(overrides, request.space);
  const from = (parent as { inSampleFrom?: number }).inSampleFrom ?? 0;
  const created = {
    datasetId: parent.datasetId,
    strategy: parent.strategyName,
    name: request.name ?? `${parent.name} (continued)`,
    space: overrides,
    objectives: parent.objectives,
    sampler: (request.sampler ?? parent.sampler) as StudyCreateRequest['sampler'],
    budget: request.budget,
    workers: request.workers ?? parent.workers,
    seed: request.seed ?? parent.seed,
    inSampleFraction: parent.inSampleFraction,
    config: parent.config as StudyCreateRequest['config'],
    trialTimeLimitSec: parent.trialTimeLimitSec,
    // A study on a bar range (walk-forward windows) continues on the same bars.
    ...(from > 0 ? { range: { fromBar: from, toBar: from + parent.inSampleBars } } : {}),
  };
  return created as StudyCreateRequest;
}

/**
 * The parent's finished trials whose full parameters lie inside the new study's space, renumbered 0..k-1, each
 * with the number it had in the parent (`from`).
 */
export function seedTrials(parent: StudyRecord, parentTrials: readonly TrialRecord[], child: StudyRecord): { trial: TrialRecord; from: number }[] {
  const parentFixed = (parent.space as ParentSpace).fixed;
  const childSpace = child.space as ParentSpace;
  const space = searchSpaceFromSpecs(childSpace.params as unknown as ParamSpec[]);
  const names = childSpace.params.map((p) => p.name);
  const out: { trial: TrialRecord; from: number }[] = [];
  for (const t of parentTrials) {
    if (t.state === 'running') continue;
    const full: Record<string, ParamValue> = { ...t.params, ...parentFixed };
    if (Object.entries(childSpace.fixed).some(([k, v]) => full[k] !== v)) continue;
    const params: Record<string, ParamValue> = {};
    let complete = true;
    for (const n of names) {
      if (!(n in full)) complete = false;
      else params[n] = full[n];
    }
    if (!complete) continue;
    try {
      space.toInternal(params);
    } catch (err) {
      if (err instanceof SearchSpaceError) continue;
      throw err;
    }
    const notes = `Seeded from trial #${t.number} of ${parent.id}.${t.notes ? `\n\n${t.notes}` : ''}`;
    out.push({ trial: { ...t, number: out.length, params, notes }, from: t.number });
  }
  return out;
}

/** The StudySeeder that stores the continued study with its seeded trials in one transaction. */
export function continuationSeeder(store: Storage, parent: StudyRecord): (draft: StudyRecord) => void {
  return (draft) => {
    if (draft.strategyHash !== parent.strategyHash) {
      throw new HoldoutError(
        'CONFLICT',
        `The code of strategy ${parent.strategyName} changed since study ${parent.id} ran, so its trials do not describe the strategy as it is now. Start a new study instead.`,
        { field: 'id', value: parent.id },
      );
    }
    if (draft.datasetHash !== parent.datasetHash) {
      throw new HoldoutError('CONFLICT', `The dataset of study ${parent.id} changed since it ran. Start a new study instead.`, { field: 'id', value: parent.id });
    }
    const seeded = seedTrials(parent, store.listTrials(parent.id), draft);
    const withReturns: SeededTrial[] = seeded.map(({ trial, from }) => {
      const returns = store.trialReturns(parent.id, from);
      return returns ? { ...trial, returns } : trial;
    });
    const record: StudyRecord = {
      ...draft,
      parentId: parent.id,
      tags: [...(parent.tags ?? [])],
      budgetTrials: draft.budgetTrials === null ? null : draft.budgetTrials + seeded.length,
      samplerSettings: { ...draft.samplerSettings, seededFrom: parent.id, seededTrials: seeded.length },
    };
    store.createSeededStudy(record, withReturns);
  };
}
