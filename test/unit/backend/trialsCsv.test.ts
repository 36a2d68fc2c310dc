// The trials table and its RFC 4180 CSV: typed columns named like Optuna's trials_dataframe, quoting, missing values.
import { describe, expect, it } from 'vitest';
import { csvField, trialsCsv } from '../../../src/backend/studyManagement/csvWriter';
import { buildTrialsTable } from '../../../src/backend/studyManagement/trialsTable';
import type { StudyRecord, TrialRecord } from '../../../src/backend/storage/storage';

const study = {
  space: {
    params: [
      { type: 'int', name: 'fast', low: 2, high: 10 },
      { type: 'float', name: 'stop', low: 0.01, high: 0.1 },
      { type: 'categorical', name: 'mode', choices: ['long-flat', 'long-short'] },
    ],
    fixed: { slow: 50, trail: true },
  },
  objectives: [
    { metric: 'sharpe', direction: 'maximize' },
    { metric: 'max_drawdown', direction: 'minimize' },
  ],
} as unknown as StudyRecord;

const trial = (over: Partial<TrialRecord>): TrialRecord => ({
  number: 0,
  state: 'complete',
  params: { fast: 3, stop: 0.05, mode: 'long-flat' },
  values: [1.25, 0.1],
  metrics: { sharpe: 1.25, max_drawdown: 0.1, custom: 7 },
  failReason: null,
  durationMs: 2.5,
  worker: 0,
  cached: false,
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  finishedAt: Date.UTC(2026, 0, 2, 3, 4, 6),
  notes: '',
  ...over,
});

describe('trials export table and CSV', () => {
  it('types and names every column', () => {
    const table = buildTrialsTable(study, [trial({}), trial({ number: 1, state: 'failed', values: null, metrics: null, failReason: 'boom, "quoted"' })]);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ['number', 'int'],
      ['state', 'string'],
      ['params_fast', 'int'],
      ['params_stop', 'float'],
      ['params_mode', 'string'],
      ['params_slow', 'int'],
      ['params_trail', 'bool'],
      ['values_sharpe', 'float'],
      ['values_max_drawdown', 'float'],
      ['metric_sharpe', 'float'],
      ['metric_max_drawdown', 'float'],
      ['metric_custom', 'float'],
      ['fail_reason', 'string'],
      ['duration_ms', 'float'],
      ['cached', 'bool'],
      ['notes', 'string'],
      ['started_at', 'timestamp'],
      ['finished_at', 'timestamp'],
    ]);
    const csv = trialsCsv(table).split('\r\n');
    expect(csv[1]).toBe('0,complete,3,0.05,long-flat,50,true,1.25,0.1,1.25,0.1,7,,2.5,false,,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z');
    expect(csv[2]).toBe('1,failed,3,0.05,long-flat,50,true,,,,,,"boom, ""quoted""",2.5,false,,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z');
    expect(csv[3]).toBe('');
  });

  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes NaN and infinite values as missing, and a table without trials as its header', () => {
    const table = buildTrialsTable(study, [trial({ values: [Number.NaN, Infinity], metrics: { sharpe: null } })]);
    expect(table.columns.find((c) => c.name === 'values_sharpe')?.values).toEqual([null]);
    expect(table.columns.find((c) => c.name === 'metric_sharpe')?.values).toEqual([null]);
    expect(trialsCsv(buildTrialsTable(study, [])).split('\r\n')).toHaveLength(2);
  });
});
