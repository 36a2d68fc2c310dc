// `holdout study trials|rename|tag|notes|delete`: managing stored studies from the terminal. They are added to the
// `study` command that tuneCommands.ts defines (list, show, resume). A study is named by id or exact name.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { HoldoutError, type StudySummary } from '../../shared';
import type { Backend } from '../../backend';
import { formatCount } from '../format';
import { withBackend, type CliRuntime } from '../runtime';

export function registerStudyManagementCommands(program: Command, runtime: CliRuntime): void {
  const study = program.commands.find((c) => c.name() === 'study') ?? program.command('study').description('Tuning studies');
  study
    .command('trials <study>')
    .description("Export a study's trials for pandas or R: one row per trial, typed params_*, values_*, metric_* columns")
    .option('--format <format>', 'csv or parquet', parseFormat, 'csv')
    .requiredOption('--out <file>', 'the file to write (replaced atomically if it exists)')
    .option('--json', 'print one JSON document on stdout')
    .action((ref: string, opts: { format: 'csv' | 'parquet'; out: string; json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const id = await resolveStudyId(backend, ref);
        const r = await backend.api.studies.exportTrials({ id, format: opts.format, path: resolve(opts.out) });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        process.stdout.write(`Wrote ${formatCount(r.rows)} trials, ${r.columns.length} columns, to ${r.path} (${formatCount(r.bytes)} bytes, ${r.format}).\n`);
      }),
    );
  study
    .command('rename <study> <name>')
    .description('Rename a study')
    .option('--json', 'print one JSON document on stdout')
    .action((ref: string, name: string, opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const s = await backend.api.studies.rename({ id: await resolveStudyId(backend, ref), name });
        print(s, opts.json, `Renamed ${s.id} to "${s.name}".`);
      }),
    );
  study
    .command('tag <study>')
    .description("Add or remove a study's tags (with neither option, print them)")
    .option('--add <tags>', 'comma-separated tags to add')
    .option('--remove <tags>', 'comma-separated tags to remove')
    .option('--json', 'print one JSON document on stdout')
    .action((ref: string, opts: { add?: string; remove?: string; json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const id = await resolveStudyId(backend, ref);
        let s = (await backend.api.studies.get({ id })).summary;
        if (opts.add !== undefined || opts.remove !== undefined) {
          const remove = new Set(splitTags(opts.remove).map((t) => t.toLowerCase()));
          const tags = [...s.tags, ...splitTags(opts.add)].filter((t) => !remove.has(t.toLowerCase()));
          s = await backend.api.studies.setTags({ id, tags });
        }
        print(s, opts.json, s.tags.length > 0 ? s.tags.join(', ') : '(no tags)');
      }),
    );
  study
    .command('notes <study>')
    .description("Print a study's Markdown notes, or replace them")
    .option('--set <text>', 'the new notes')
    .option('--file <file>', 'read the new notes from a file')
    .option('--json', 'print one JSON document on stdout')
    .action((ref: string, opts: { set?: string; file?: string; json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const id = await resolveStudyId(backend, ref);
        if (opts.set !== undefined && opts.file !== undefined) throw new HoldoutError('INVALID_REQUEST', 'Give --set or --file, not both.');
        const text = opts.file !== undefined ? readNotesFile(opts.file) : opts.set;
        const s = text !== undefined ? await backend.api.studies.setNotes({ id, notes: text }) : (await backend.api.studies.get({ id })).summary;
        print(s, opts.json, s.notes === '' ? '(no notes)' : s.notes);
      }),
    );
  study
    .command('delete <study>')
    .description('Delete a study with its trials and analyses (refused while it runs)')
    .option('--yes', 'confirm: without it nothing is deleted')
    .option('--json', 'print one JSON document on stdout')
    .action((ref: string, opts: { yes?: boolean; json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const id = await resolveStudyId(backend, ref);
        const s = (await backend.api.studies.get({ id })).summary;
        const n = s.counts.complete + s.counts.failed + s.counts.pruned + s.counts.running;
        if (!opts.yes) {
          throw new HoldoutError('INVALID_REQUEST', `This deletes study "${s.name}" (${id}) and its ${formatCount(n)} trials for good. Run again with --yes to confirm.`);
        }
        const r = await backend.api.studies.delete({ id });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        process.stdout.write(`Deleted study "${s.name}" (${id}) and its ${formatCount(r.trials)} trials.\n`);
      }),
    );
}

/** A study id, or the exact name of exactly one study. */
export async function resolveStudyId(backend: Backend, ref: string): Promise<string> {
  if (/^st_[0-9a-f]{16}$/.test(ref)) return ref;
  const matches = (await backend.api.studies.list({})).filter((s) => s.name === ref);
  if (matches.length === 1) return matches[0].id;
  if (matches.length === 0) throw new HoldoutError('NOT_FOUND', `No study with id or name "${ref}". List them with: holdout study list`, { value: ref });
  throw new HoldoutError('INVALID_REQUEST', `${matches.length} studies are named "${ref}" (${matches.map((m) => m.id).join(', ')}); give the id.`, { value: ref });
}

function print(s: StudySummary, json: boolean | undefined, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(s, null, 2)}\n` : `${text}\n`);
}

function splitTags(text: string | undefined): string[] {
  return (text ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
}

function readNotesFile(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (err) {
    throw new HoldoutError('INVALID_REQUEST', `--file ${file}: ${err instanceof Error ? err.message : String(err)}`, { file });
  }
}

function parseFormat(value: string): 'csv' | 'parquet' {
  if (value !== 'csv' && value !== 'parquet') throw new InvalidArgumentError('expected csv or parquet.');
  return value;
}
