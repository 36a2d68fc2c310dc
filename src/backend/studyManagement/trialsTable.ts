// A study's trials as typed columns, the one shape both the CSV and the Parquet export write. Column names follow
// Optuna's trials_dataframe() (params_*, values_*), which pandas and R users of tuning tools already know.
import { METRICS } from '../../core';
import type { StudyRecord, TrialRecord } from '../storage/storage';

export type TrialsColumnKind = 'int' | 'float' | 'string' | 'bool' | 'timestamp';
export interface TrialsColumn {
  name: string;
  kind: TrialsColumnKind;
  /** One value per trial; null where the trial has none (timestamps are epoch milliseconds). */
  values: (number | string | boolean | null)[];
}
export interface TrialsTable {
  rows: number;
  columns: TrialsColumn[];
}

interface SpaceParam {
  type: 'int' | 'float' | 'categorical';
  name: string;
  choices?: (number | string | boolean)[];
}

/**
 * number, state, params_<name> for every tuned and fixed parameter (typed: int, float, bool, string), values_<metric>
 * per objective, metric_<id> for every metric any trial reports, fail_reason, duration_ms, cached, notes,
 * started_at and finished_at.
 */
export function buildTrialsTable(study: StudyRecord, trials: readonly TrialRecord[]): TrialsTable {
  const space = study.space as { params: SpaceParam[]; fixed: Record<string, number | string | boolean> };
  const column = (name: string, kind: TrialsColumnKind, pick: (t: TrialRecord) => number | string | boolean | null): TrialsColumn => ({
    name,
    kind,
    values: trials.map(pick),
  });
  const columns: TrialsColumn[] = [column('number', 'int', (t) => t.number), column('state', 'string', (t) => t.state)];
  for (const p of space.params) {
    columns.push(column(`params_${p.name}`, paramKind(p.type, p.choices ?? []), (t) => t.params[p.name] ?? null));
  }
  for (const [name, value] of Object.entries(space.fixed)) {
    columns.push(column(`params_${name}`, valueKind(value), () => value));
  }
  study.objectives.forEach((o, i) => {
    columns.push(column(`values_${o.metric}`, 'float', (t) => finiteOrNull(t.values?.[i])));
  });
  const seen = new Set<string>();
  for (const t of trials) for (const k of Object.keys(t.metrics ?? {})) seen.add(k);
  const ordered = [...METRICS.map((m) => m.id).filter((id) => seen.has(id)), ...[...seen].filter((k) => !METRICS.some((m) => m.id === k)).sort()];
  for (const id of ordered) columns.push(column(`metric_${id}`, 'float', (t) => finiteOrNull(t.metrics?.[id])));
  columns.push(
    column('fail_reason', 'string', (t) => t.failReason),
    column('duration_ms', 'float', (t) => t.durationMs),
    column('cached', 'bool', (t) => t.cached),
    column('notes', 'string', (t) => t.notes ?? ''),
    column('started_at', 'timestamp', (t) => t.startedAt),
    column('finished_at', 'timestamp', (t) => t.finishedAt),
  );
  return { rows: trials.length, columns };
}

function paramKind(type: SpaceParam['type'], choices: readonly (number | string | boolean)[]): TrialsColumnKind {
  if (type === 'int') return 'int';
  if (type === 'float') return 'float';
  if (choices.every((c) => typeof c === 'boolean')) return 'bool';
  if (choices.every((c) => typeof c === 'number')) return choices.every((c) => Number.isInteger(c)) ? 'int' : 'float';
  return 'string';
}

function valueKind(value: number | string | boolean): TrialsColumnKind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'string';
}

function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
