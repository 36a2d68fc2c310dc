// `holdout data import|list|show`: datasets from the terminal, with --json for scripts.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { HoldoutError, type DatasetDetail, type DatasetSummary } from '../../shared';
import type { Backend } from '../../backend';
import { formatCount, formatNumber, formatPercent, formatTime, table } from '../format';
import { withBackend, type CliRuntime } from '../runtime';

export function registerDataCommands(program: Command, runtime: CliRuntime): void {
  const data = program.command('data').description('Import, list and inspect price datasets');

  data
    .command('import')
    .description('Import a CSV of bars (OHLCV, or close-only with optional volume)')
    .argument('<file>', 'CSV file: comma, semicolon or tab separated, with a header row')
    .option('--name <name>', 'name for the dataset (default: the file name)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (file: string, opts: { name?: string; json?: boolean }) => {
      await withBackend(runtime, async (backend) => {
        const result = await backend.api.datasets.import({ source: { kind: 'path', path: resolve(file) }, name: opts.name });
        if (opts.json) return printJson({ ...result.dataset, alreadyExisted: result.alreadyExisted, notes: result.notes });
        const d = result.dataset;
        const verb = result.alreadyExisted ? 'Already in the store as' : 'Imported';
        process.stdout.write(
          `${verb} "${d.name}" (${d.id}): ${formatCount(d.bars)} bars, ${d.frequency.label}, ` +
            `${formatTime(d.first, d.frequency.seconds)} to ${formatTime(d.last, d.frequency.seconds)}\n` +
            `hash ${d.hash}\n` +
            result.notes.map((n) => `note: ${n}\n`).join(''),
        );
      });
    });

  data
    .command('list')
    .description('List the datasets in the store')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: { json?: boolean }) => {
      await withBackend(runtime, async (backend) => {
        const list = await backend.api.datasets.list({});
        if (opts.json) return printJson(list);
        if (list.length === 0) {
          process.stdout.write('No datasets yet. Import one with: holdout data import FILE.csv\n');
          return;
        }
        const rows = list.map((d) => [
          d.id,
          d.name,
          formatCount(d.bars),
          formatTime(d.first, d.frequency.seconds),
          formatTime(d.last, d.frequency.seconds),
          d.frequency.label,
          d.hash.slice(0, 12),
        ]);
        process.stdout.write(`${table(['id', 'name', 'bars', 'first', 'last', 'frequency', 'hash'], rows, new Set([2]))}\n`);
      });
    });

  data
    .command('show')
    .description('Show one dataset and its summary statistics')
    .argument('<id>', 'dataset id (ds_…) or its exact name')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withBackend(runtime, async (backend) => {
        const detail = await backend.api.datasets.get({ id: await resolveDatasetId(backend, id) });
        if (opts.json) return printJson(detail);
        process.stdout.write(describeDataset(detail));
      });
    });
}

/** Accepts an id or a unique dataset name, so people can type what they see in the list. */
export async function resolveDatasetId(backend: Backend, idOrName: string): Promise<string> {
  const list: DatasetSummary[] = await backend.api.datasets.list({});
  if (list.some((d) => d.id === idOrName)) return idOrName;
  const named = list.filter((d) => d.name === idOrName);
  if (named.length === 1) return named[0].id;
  if (named.length > 1) {
    throw new HoldoutError('CONFLICT', `${named.length} datasets are named "${idOrName}": use the id (${named.map((d) => d.id).join(', ')}).`);
  }
  throw new HoldoutError('NOT_FOUND', `No dataset with id or name "${idOrName}". See: holdout data list`);
}

function describeDataset(d: DatasetDetail): string {
  const s = d.stats;
  const t = (ms: number) => formatTime(ms, d.frequency.seconds);
  const lines = [
    `${d.name} (${d.id})`,
    `  source        ${d.source}`,
    `  bars          ${formatCount(d.bars)} (${d.columns.join(', ')})`,
    `  range         ${t(d.first)} to ${t(d.last)}`,
    `  frequency     ${d.frequency.label} (${formatCount(d.frequency.periodsPerYear)} bars a year)`,
    `  hash          ${d.hash}`,
    `  close         ${formatNumber(s.minClose)} to ${formatNumber(s.maxClose)}`,
    `  missing       ${formatCount(s.missingSessions)} sessions`,
    `  daily returns n=${formatCount(s.dailyReturns.count)} mean ${formatPercent(s.dailyReturns.mean)} std ${formatPercent(s.dailyReturns.std)} ` +
      `skew ${formatNumber(s.dailyReturns.skewness, 3)} excess kurtosis ${formatNumber(s.dailyReturns.excessKurtosis, 3)}`,
  ];
  if (s.largestGaps.length) {
    lines.push('  largest gaps');
    for (const g of s.largestGaps) lines.push(`    ${t(g.from)} -> ${t(g.to)}  ${g.missing} missing`);
  }
  if (s.largestMoves.length) {
    lines.push('  largest moves');
    for (const m of s.largestMoves) lines.push(`    ${t(m.time)}  ${formatPercent(m.ret, 2)}`);
  }
  return `${lines.join('\n')}\n`;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
