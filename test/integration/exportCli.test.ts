// `holdout export` and `holdout validate` from the real CLI in child processes: export the best trial, check the
// file, re-run it on other data (as a CSV file, imported first), and the errors a user meets, with exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport, ExportCreateResult, LoadedExport } from '../../src/shared';
import { runHoldout } from '../helpers/cli';
import { assertBuilt, reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

assertBuilt();
const tempDir = useTempDir('holdout-export-cli-');

describe('holdout export and holdout validate', () => {
  let home: string;
  let studyId: string;
  let bestTrial: number;
  let otherTrial: number;
  beforeAll(() => {
    home = tempDir();
    const r = runHoldout(home, 'tune', '--data', reference('msft.csv'), '--strategy', 'sma-crossover', '--sampler', 'random', '--trials', '10', '--workers', '1', '--seed', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { studyId: string; best: { number: number }[] };
    studyId = out.studyId;
    bestTrial = out.best[0].number;
    const db = new Database(join(home, 'holdout.sqlite'), { readonly: true });
    otherTrial = (db.prepare(`SELECT number FROM trials WHERE study_id = ? AND state = 'complete' AND number != ? ORDER BY number LIMIT 1`).get(studyId, bestTrial) as { number: number }).number;
    db.close();
  }, 120_000);

  it('exports the best trial as JSON, and validate checks the file', () => {
    const file = join(home, 'best.json');
    const r = runHoldout(home, 'export', studyId, '--out', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Pick<ExportCreateResult, 'record' | 'document'>;
    expect(out.record).toMatchObject({ studyId, trialNumber: bestTrial, selection: 'peak', format: 'json', path: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(out.document);

    const text = runHoldout(home, 'validate', file);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${file}: valid Holdout export (schema version 1), checksum verified`);
    expect(text.stdout).toContain('not computed: pbo, dsr, psr, walkForwardEfficiency, bootstrap');
    const json = JSON.parse(runHoldout(home, 'validate', file, '--json').stdout) as LoadedExport;
    expect(json.document.checksum).toBe(out.record.checksum);
  });

  it('exports a chosen trial as YAML and refuses to overwrite it without --force', () => {
    const file = join(home, 'trial.yaml');
    const trial = String(otherTrial);
    const r = runHoldout(home, 'export', studyId, '--trial', trial, '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`exported trial #${trial} (manual) of`);
    expect(r.stdout).toMatch(/checksum {4}sha256 [0-9a-f]{64}/);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Holdout trial export/);
    const again = runHoldout(home, 'export', studyId, '--trial', trial, '--out', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('trial.yaml already exists');
    expect(runHoldout(home, 'export', studyId, '--trial', trial, '--out', file, '--force').code).toBe(0);
  });

  it('re-validates on the same data (reproduced) and on a CSV of other data (labelled new data)', () => {
    const file = join(home, 'revalidate.yaml');
    expect(runHoldout(home, 'export', studyId, '--out', file).code).toBe(0);
    const same = runHoldout(home, 'validate', file, '--data', 'msft', '--json');
    expect(same.code, same.stderr).toBe(0);
    const sameReport = JSON.parse(same.stdout) as DriftReport;
    expect(sameReport).toMatchObject({ sameData: true, reproduced: true, verdict: { level: 'reproduced' } });

    const other = runHoldout(home, 'validate', file, '--data', reference('ttrc.csv'));
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toMatch(/^Verdict: (Holding up|Degraded|Better than expected|Sharpe -?\d)/);
    expect(other.stdout).toContain('New data: ttrc');
    expect(other.stdout).toMatch(/metric\s+exported IS\s+exported OOS\s+new data/);
    expect(other.stdout).toMatch(/Total return\s+-?\d+\.\d{4}\s+-?\d+\.\d{4}\s+-?\d+\.\d{4}/);
  });

  it('exits 1 with the field named for a tampered file, a conflicting selection and an unknown trial', () => {
    const file = join(home, 'tampered.json');
    expect(runHoldout(home, 'export', studyId, '--out', file).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"seed": 2', '"seed": 3'));
    const tampered = runHoldout(home, 'validate', file, '--data', 'msft');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`holdout: ${file}: checksum: does not match the content`);

    const both = runHoldout(home, 'export', studyId, '--trial', '1', '--robust', '--out', join(home, 'x.yaml'));
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--trial and --robust exclude each other');
    const unknown = runHoldout(home, 'export', studyId, '--trial', '999', '--out', join(home, 'x.yaml'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('has no complete trial 999');
    const badFormat = runHoldout(home, 'export', studyId, '--format', 'xml', '--out', join(home, 'x.xml'));
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('expected yaml or json');
  });
});
