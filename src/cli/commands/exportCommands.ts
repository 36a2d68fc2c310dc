// `holdout export` and `holdout validate`: write a study's trial (the peak, the robust optimum or any trial) to a
// YAML or JSON file with its provenance, and check such a file (schema, checksum) and re-run it on new data.
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { HoldoutError, type DriftReport, type ExportFormat, type LoadedExport } from '../../shared';
import { formatNumber, table } from '../format';
import { withBackend, type CliRuntime } from '../runtime';
import { datasetFor } from './tuneCommands';

interface ExportOptions {
  trial?: number;
  robust?: boolean;
  format?: ExportFormat;
  out: string;
  force?: boolean;
  json?: boolean;
}

export function registerExportCommands(program: Command, runtime: CliRuntime): void {
  program
    .command('export <study>')
    .description("Export a study's best trial (or --trial N, or --robust) with its provenance to a YAML or JSON file")
    .option('--trial <n>', 'export this trial instead of the best one', parseTrial)
    .option('--robust', 'export the robust optimum (the best neighbourhood) instead of the peak')
    .option('--format <format>', 'yaml or json (default: from the --out extension, else yaml)', parseFormat)
    .requiredOption('--out <file>', 'the file to write (atomically: a failed export leaves nothing behind)')
    .option('--force', 'replace the file if it exists')
    .option('--json', 'print one JSON document on stdout')
    .action((study: string, opts: ExportOptions) =>
      withBackend(runtime, async (backend) => {
        if (opts.robust && opts.trial !== undefined) throw new HoldoutError('INVALID_REQUEST', '--trial and --robust exclude each other: give one.', { field: 'trial' });
        const path = resolve(opts.out);
        const format = opts.format ?? (/\.json$/i.test(path) ? 'json' : 'yaml');
        const result = await backend.api.exports.create({
          studyId: study,
          selection: opts.robust ? 'robust' : opts.trial !== undefined ? 'manual' : 'peak',
          ...(opts.trial !== undefined ? { trial: opts.trial } : {}),
          format,
          path,
          overwrite: opts.force === true,
        });
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ record: result.record, document: result.document }, null, 2)}\n`);
        const r = result.record;
        const d = result.document;
        const oos = d.metrics.outOfSample?.sharpe;
        process.stdout.write(
          [
            `exported ${r.trialNumber === null ? 'the robust optimum' : `trial #${r.trialNumber}`} (${r.selection}) of ${r.studyName} to ${r.path}`,
            `  parameters  ${Object.entries(d.parameters).map(([k, p]) => `${k}=${String(p.value)}`).join(' ')}`,
            `  sharpe      ${formatNumber(d.metrics.inSample.sharpe ?? null, 4)} in sample, ${oos === undefined ? 'no out-of-sample part' : `${formatNumber(oos, 4)} out of sample`}`,
            `  robustness  ${robustnessText(d)}`,
            `  checksum    sha256 ${r.checksum}`,
            '',
          ].join('\n'),
        );
      }),
    );

  program
    .command('validate <file>')
    .description('Check an export file (schema and checksum); with --data, re-run it on a dataset and report the drift')
    .option('--data <id|file>', 'a stored dataset (id or exact name) or a CSV file (imported into the store first)')
    .option('--json', 'print one JSON document on stdout')
    .action((file: string, opts: { data?: string; json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const source = { kind: 'path' as const, path: resolve(file) };
        if (opts.data === undefined) {
          const loaded = await backend.api.exports.load({ source });
          if (opts.json) return void process.stdout.write(`${JSON.stringify(loaded, null, 2)}\n`);
          return void process.stdout.write(loadedText(loaded));
        }
        const datasetId = await datasetFor(backend, opts.data);
        const report = await backend.api.exports.revalidate({ source, datasetId });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        process.stdout.write(driftText(report));
      }),
    );
}

function robustnessText(d: LoadedExport['document']): string {
  const r = d.robustness;
  const parts = [
    r.pbo !== undefined ? `PBO ${formatNumber(r.pbo, 3)}` : undefined,
    r.dsr !== undefined ? `DSR ${formatNumber(r.dsr, 3)}` : undefined,
    r.psr !== undefined ? `PSR ${formatNumber(r.psr, 3)}` : undefined,
    r.walkForwardEfficiency !== undefined ? `WFE ${formatNumber(r.walkForwardEfficiency, 3)}` : undefined,
    r.bootstrap ? `Sharpe ${Math.round(r.bootstrap.sharpeAnnualised.level * 100)}% interval [${formatNumber(r.bootstrap.sharpeAnnualised.low, 3)}, ${formatNumber(r.bootstrap.sharpeAnnualised.high, 3)}]` : undefined,
  ].filter((p) => p !== undefined);
  const missing = r.notComputed.length ? `not computed: ${r.notComputed.join(', ')}` : '';
  return [parts.join(', '), missing].filter(Boolean).join('; ') || 'none';
}

function loadedText(l: LoadedExport): string {
  const d = l.document;
  return [
    `${l.file}: valid Holdout export (schema version ${d.schemaVersion}), checksum verified`,
    `  strategy    ${d.strategy.name} ${d.strategy.version} (code ${d.strategy.codeHash.slice(0, 12)}…)`,
    `  parameters  ${Object.entries(d.parameters).map(([k, p]) => `${k}=${String(p.value)}`).join(' ')}`,
    `  dataset     ${d.dataset.name}, ${d.dataset.bars} bars, ${d.dataset.firstTimestamp} to ${d.dataset.lastTimestamp}`,
    `  study       ${d.study.name} (${d.study.id}), ${d.selection.method}${d.selection.trial === null ? '' : ` trial #${d.selection.trial}`}`,
    `  robustness  ${robustnessText(d)}`,
    `  exported    ${d.exportedAt} by Holdout ${d.app.version}`,
    '',
  ].join('\n');
}

function driftText(r: DriftReport): string {
  const lines: string[] = [];
  for (const w of r.warnings) lines.push(`WARNING: ${w}`);
  lines.push(`Verdict: ${r.verdict.headline}`);
  for (const reason of r.verdict.reasons) lines.push(`  - ${reason}`);
  lines.push('', `${r.sameData ? 'Same data as exported' : 'New data'}: ${r.dataset.name} (${r.dataset.id}), ${r.dataset.bars} bars`);
  const headers = ['metric', 'exported IS', 'exported OOS', ...r.runs.map((run) => (run.segment === 'inSample' ? 'now IS' : run.segment === 'outOfSample' ? 'now OOS' : 'new data'))];
  const rows = r.rows.map((row) => [row.label, formatNumber(row.exportedInSample, 4), formatNumber(row.exportedOutOfSample, 4), ...row.now.map((v) => formatNumber(v, 4))]);
  lines.push(table(headers, rows, new Set(headers.map((_, i) => i).slice(1))));
  if (r.bootstrap) {
    lines.push(
      '',
      `Bootstrap ${Math.round(r.bootstrap.level * 100)}% Sharpe interval [${formatNumber(r.bootstrap.low, 3)}, ${formatNumber(r.bootstrap.high, 3)}]: Sharpe now ${formatNumber(r.bootstrap.sharpe, 3)}, ${r.bootstrap.inside === null ? 'undefined' : r.bootstrap.inside ? 'inside' : 'outside'}`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function parseTrial(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a trial number (a whole number >= 0).');
  return n;
}

function parseFormat(value: string): ExportFormat {
  if (value !== 'yaml' && value !== 'json') throw new InvalidArgumentError('expected yaml or json.');
  return value;
}
