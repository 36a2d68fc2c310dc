// `holdout backup FILE` and `holdout restore FILE`: the whole database to and from one file. A backup is an
// online SQLite backup, integrity-checked; a restore checks the file (integrity, Holdout schema, version),
// migrates an older one, keeps the current database beside it as <name>.before-restore-<time>.sqlite, then
// swaps. Running it while the desktop app or `holdout serve` has the same data folder open is not supported.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatCount } from '../format';
import { withBackend, type CliRuntime } from '../runtime';

export function registerBackupCommands(program: Command, runtime: CliRuntime): void {
  program
    .command('backup')
    .description('Back up the whole database (datasets, studies, trials, settings) to one SQLite file')
    .argument('<file>', 'the backup file to write (replaced if it exists)')
    .option('--json', 'print one JSON document on stdout')
    .action((file: string, opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const r = await backend.api.backup.create({ path: resolve(file) });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        process.stdout.write(
          `Backed up to ${r.path} (${formatCount(r.bytes)} bytes, schema version ${r.schemaVersion}): ` +
            `${formatCount(r.datasets)} datasets, ${formatCount(r.studies)} studies, ${formatCount(r.trials)} trials; integrity check ok.\n`,
        );
      }),
    );
  program
    .command('restore')
    .description('Replace the database with a backup; the current one is kept beside it')
    .argument('<file>', 'a backup written by holdout backup (or a copy of holdout.sqlite)')
    .option('--json', 'print one JSON document on stdout')
    .action((file: string, opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const r = await backend.api.backup.restore({ path: resolve(file) });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        const migrated = r.fromSchemaVersion !== r.schemaVersion ? `, migrated from schema version ${r.fromSchemaVersion} to ${r.schemaVersion}` : '';
        process.stdout.write(
          `Restored ${r.path}${migrated}: ${formatCount(r.datasets)} datasets, ${formatCount(r.studies)} studies, ${formatCount(r.trials)} trials.\n` +
            `The previous database is kept as ${r.previousCopy}\n`,
        );
      }),
    );
}
