// `holdout tune` and `holdout study list|show|resume`: tuning studies from the terminal. A --data FILE is imported
// into the store first (the same data is stored once, by content hash), so the study can be listed, shown and
// resumed later like any other. Progress goes to stderr: a redrawn bar on a TTY, a plain line a second otherwise;
// with --json, stdout holds only the final JSON document. Ctrl-C pauses the study (resume it with study resume).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { HoldoutError, type StudyProgress, type StudySummary } from '../../shared';
import type { Backend } from '../../backend';
import { formatCount, formatNumber, table } from '../format';
import { parseNonNegativeInt, parsePositive, parsePositiveInt, parseSampler } from '../optionParsers';
import { withBackend, type CliRuntime } from '../runtime';
import { addCostOptions, addSpaceOptions, configFromOptions, spaceFromOptions, type CostOptions, type SpaceOptions } from '../searchOptions';
import { resolveDatasetId } from './dataCommands';

interface TuneOptions extends SpaceOptions, CostOptions {
  data: string;
  strategy: string;
  objective: string;
  sampler: 'random' | 'sobol' | 'tpe' | 'gp';
  trials?: number;
  timeLimit?: number;
  workers?: number;
  seed?: number;
  inSample?: number;
  trialTimeLimit?: number;
  json?: boolean;
}

export function registerTuneCommands(program: Command, runtime: CliRuntime): void {
  const tune = program
    .command('tune')
    .description('Tune a strategy\'s parameters on the in-sample part of a dataset (a Bayesian or quasi-random search)')
    .requiredOption('--data <id|file>', 'a stored dataset (id or exact name) or a CSV file (imported into the store first)')
    .requiredOption('--strategy <name>', 'strategy name');
  addSpaceOptions(tune)
    .option('--objective <metrics>', 'comma-separated metric ids, each optionally :max or :min', 'sharpe')
    .option('--sampler <name>', 'random, sobol, tpe or gp', parseSampler, 'tpe')
    .option('--trials <n>', 'number of trials (default 100 unless --time-limit is given)', parsePositiveInt)
    .option('--time-limit <seconds>', 'stop asking for new trials after this long', parsePositive)
    .option('--workers <k>', 'backtest workers (default: CPU cores - 1)', parsePositiveInt)
    .option('--seed <s>', 'sampler seed', parseNonNegativeInt)
    .option('--in-sample <fraction>', 'fraction of the bars given to the tuner (default 0.7); the rest is never seen', parsePositive)
    .option('--trial-time-limit <seconds>', 'a trial running longer is stopped and counted as failed (default 60)', parsePositive);
  addCostOptions(tune)
    .option('--json', 'print one JSON document on stdout')
    .action((opts: TuneOptions) =>
      withBackend(runtime, async (backend) => {
        const datasetId = await datasetFor(backend, opts.data);
        const space = spaceFromOptions(opts);
        const created = await backend.api.studies.create({
          datasetId,
          strategy: opts.strategy,
          space,
          objectives: parseObjectives(opts.objective),
          sampler: opts.sampler,
          budget: { ...(opts.trials !== undefined ? { trials: opts.trials } : {}), ...(opts.timeLimit !== undefined ? { timeLimitSec: opts.timeLimit } : {}) },
          ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.inSample !== undefined ? { inSampleFraction: opts.inSample } : {}),
          ...(opts.trialTimeLimit !== undefined ? { trialTimeLimitSec: opts.trialTimeLimit } : {}),
          config: configFromOptions(opts),
        });
        await follow(backend, created, opts.json === true);
      }),
    );

  const study = program.command('study').description('Tuning studies: list, show, resume, continue, export trials, rename, tag, notes, delete');
  study
    .command('list')
    .description('Every study, newest first')
    .option('--json', 'print one JSON document on stdout')
    .action((opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const list = await backend.api.studies.list({});
        if (opts.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        if (list.length === 0) return void process.stdout.write('No studies yet. Start one with: holdout tune --data ID --strategy NAME\n');
        const rows = list.map((s) => [
          s.id,
          s.name,
          s.strategy,
          s.sampler,
          s.status,
          formatCount(s.counts.complete + s.counts.failed + s.counts.pruned),
          s.best[0] ? formatNumber(s.best[0].values[0], 4) : 'n/a',
        ]);
        process.stdout.write(`${table(['id', 'name', 'strategy', 'sampler', 'status', 'trials', 'best'], rows, new Set([5, 6]))}\n`);
      }),
    );
  study
    .command('show <id>')
    .description('One study: its specification, trial counts and best trial(s)')
    .option('--json', 'print one JSON document on stdout')
    .action((id: string, opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const detail = await backend.api.studies.get({ id });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
        const s = detail.summary;
        const spec = detail.spec;
        const lines = [
          `${s.name} (${s.id})`,
          `  status       ${s.status}${s.error ? ` (${s.error})` : ''}`,
          `  strategy     ${s.strategy} on ${s.datasetId}, ${formatCount(spec.inSampleBars)} in-sample bars (${spec.inSampleFraction})`,
          `  sampler      ${s.sampler}, seed ${spec.seed}, ${spec.workers} worker(s)`,
          `  objectives   ${s.objectives.map((o) => `${o.metric} (${o.direction})`).join(', ')}`,
          `  space        ${spec.space.map((p) => describeParam(p)).join('; ')}${Object.keys(spec.fixed).length ? `; fixed ${Object.entries(spec.fixed).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}`,
          `  trials       ${countsText(s)}`,
          `  wall time    ${(s.wallTimeMs / 1000).toFixed(1)} s`,
          ...bestLines(s),
          '',
        ];
        process.stdout.write(lines.join('\n'));
      }),
    );
  study
    .command('resume <id>')
    .description('Continue a paused or interrupted study from its stored trials and sampler state')
    .option('--json', 'print one JSON document on stdout')
    .action((id: string, opts: { json?: boolean }) =>
      withBackend(runtime, async (backend) => {
        const summary = await backend.api.studies.resume({ id });
        await follow(backend, summary, opts.json === true);
      }),
    );
  const continued = study.command('continue <id>').description("Continue tuning in a new study, seeded with this one's finished trials that fit the new space");
  addSpaceOptions(continued)
    .option('--sampler <name>', "random, sobol, tpe or gp (default: the parent's; random and sobol ignore the seeded trials)", parseSampler)
    .option('--trials <n>', 'new trials to run (default 100 unless --time-limit is given)', parsePositiveInt)
    .option('--time-limit <seconds>', 'stop asking for new trials after this long', parsePositive)
    .option('--workers <k>', 'backtest workers (default: CPU cores - 1)', parsePositiveInt)
    .option('--seed <s>', 'sampler seed', parseNonNegativeInt)
    .option('--name <name>', 'name of the new study')
    .option('--json', 'print one JSON document on stdout')
    .action(
      (
        id: string,
        opts: { space?: string; range: string[]; fix: string[]; sampler?: 'random' | 'sobol' | 'tpe' | 'gp'; trials?: number; timeLimit?: number; workers?: number; seed?: number; name?: string; json?: boolean },
      ) =>
        withBackend(runtime, async (backend) => {
          const space = spaceFromOptions(opts);
          const budget = { ...(opts.trials !== undefined ? { trials: opts.trials } : {}), ...(opts.timeLimit !== undefined ? { timeLimitSec: opts.timeLimit } : {}) };
          const created = await backend.api.studies.continue({
            id,
            space,
            ...(Object.keys(budget).length > 0 ? { budget } : {}),
            ...(opts.sampler !== undefined ? { sampler: opts.sampler } : {}),
            ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
            ...(opts.name !== undefined ? { name: opts.name } : {}),
          });
          if (!opts.json) process.stderr.write(`study ${created.id}: continues ${id}, seeded with ${created.counts.complete} of its trials\n`);
          await follow(backend, created, opts.json === true);
        }),
    );
}

/** Shows progress until the study's run ends, then prints the result. */
async function follow(backend: Backend, created: StudySummary, json: boolean): Promise<void> {
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  const unsubscribe = backend.events.subscribe((m) => {
    if (m.event !== 'study.progress') return;
    const p = m.payload as StudyProgress;
    if (p.id !== created.id) return;
    const text = progressText(p, created.budgetTrials);
    if (tty) process.stderr.write(`\r${text}\x1b[K`);
    else if (Date.now() - lastLine >= 1000) {
      lastLine = Date.now();
      process.stderr.write(`${text}\n`);
    }
  });
  const onSigint = () => void backend.api.studies.pause({ id: created.id });
  process.once('SIGINT', onSigint);
  let summary: StudySummary;
  try {
    summary = await backend.studies.wait(created.id);
  } finally {
    unsubscribe();
    process.removeListener('SIGINT', onSigint);
    if (tty) process.stderr.write('\n');
  }
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          studyId: summary.id,
          status: summary.status,
          objectives: summary.objectives,
          best: summary.best,
          counts: summary.counts,
          wallTimeSec: summary.wallTimeMs / 1000,
          ...(summary.error ? { error: summary.error } : {}),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write([`study ${summary.id}: ${summary.status}${summary.error ? ` (${summary.error})` : ''}`, `  trials     ${countsText(summary)}`, `  wall time  ${(summary.wallTimeMs / 1000).toFixed(1)} s`, ...bestLines(summary), ''].join('\n'));
  }
  if (summary.status === 'failed') throw new HoldoutError('INTERNAL', `Study ${summary.id} failed: ${summary.error ?? 'unknown error'}`);
}

function progressText(p: StudyProgress, budget: number | null): string {
  const done = p.counts.complete + p.counts.failed + p.counts.pruned;
  const best = p.best[0] ? ` best ${formatNumber(p.best[0].values[0], 4)}` : '';
  const eta = p.etaSec === null ? '' : ` eta ${Math.ceil(p.etaSec)} s`;
  const rate = `${p.trialsPerSec.toFixed(1)}/s`;
  if (budget === null) return `${done} trials (${p.counts.failed} failed, ${p.counts.cached} cached) ${rate}${best}${eta}`;
  const width = 30;
  const filled = Math.min(width, Math.round((done / budget) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${budget} (${p.counts.failed} failed, ${p.counts.cached} cached) ${rate}${best}${eta}`;
}

function countsText(s: StudySummary): string {
  const c = s.counts;
  return `${c.complete} complete, ${c.failed} failed, ${c.running} running, ${c.cached} from cache${s.budgetTrials !== null ? ` (budget ${s.budgetTrials})` : ''}`;
}

function bestLines(s: StudySummary): string[] {
  return s.best.map(
    (b) => `  best #${b.number}   ${s.objectives.map((o, i) => `${o.metric} ${formatNumber(b.values[i], 4)}`).join(', ')}   ${Object.entries(b.params).map(([k, v]) => `${k}=${v}`).join(' ')}`,
  );
}

function describeParam(p: Record<string, unknown>): string {
  if (p.type === 'categorical') return `${String(p.name)} in {${(p.choices as unknown[]).join(', ')}}`;
  return `${String(p.name)} ${String(p.type)} ${String(p.low)}..${String(p.high)}${p.log ? ' log' : ''}${p.step !== undefined ? ` step ${String(p.step)}` : ''}`;
}

/** A stored dataset (id or exact name), or a CSV file imported into the store first (by content hash, so once). */
export async function datasetFor(backend: Backend, data: string): Promise<string> {
  const asFile = resolve(data);
  if (existsSync(asFile) && !/^ds_[0-9a-z]+$/.test(data)) {
    const result = await backend.api.datasets.import({ source: { kind: 'path', path: asFile } });
    return result.dataset.id;
  }
  return resolveDatasetId(backend, data);
}

export function parseObjectives(text: string): { metric: string; direction?: 'maximize' | 'minimize' }[] {
  return text.split(',').map((part) => {
    const [metric, dir] = part.trim().split(':');
    if (dir === undefined) return { metric };
    if (/^max(imi[sz]e)?$/.test(dir)) return { metric, direction: 'maximize' as const };
    if (/^min(imi[sz]e)?$/.test(dir)) return { metric, direction: 'minimize' as const };
    throw new HoldoutError('INVALID_REQUEST', `--objective "${part}": the direction must be max or min.`, { field: 'objective' });
  });
}
