// `holdout walkforward`: a walk-forward optimisation from the terminal. Data, strategy and parameter ranges are
// given as for `holdout tune` (same parsers); each window's study shows up in `holdout study list`. Progress goes to
// stderr, one line per window phase; with --json, stdout holds only the final JSON document. Ctrl-C stops the run.
import { InvalidArgumentError, type Command } from 'commander';
import { HoldoutError, type WalkForwardProgress, type WalkForwardSummary } from '../../shared';
import type { Backend } from '../../backend';
import { formatCount, formatNumber, formatPercent, table } from '../format';
import { withBackend, type CliRuntime } from '../runtime';
import { parseNonNegativeInt, parsePositive, parsePositiveInt, parseSampler } from '../optionParsers';
import { addCostOptions, addSpaceOptions, configFromOptions, spaceFromOptions, type CostOptions, type SpaceOptions } from '../searchOptions';
import { datasetFor, parseObjectives } from './tuneCommands';

interface WalkForwardOptions extends SpaceOptions, CostOptions {
  data: string;
  strategy: string;
  objective: string;
  sampler: 'random' | 'sobol' | 'tpe' | 'gp';
  trialsPerWindow: number;
  inSample: number;
  outOfSample: number;
  step?: number;
  anchored?: boolean;
  purge?: number;
  embargo?: number;
  selection: 'peak' | 'robust';
  seed?: number;
  workers?: number;
  trialTimeLimit?: number;
  name?: string;
  json?: boolean;
}

export function registerWalkForwardCommand(program: Command, runtime: CliRuntime): void {
  const command = program
    .command('walkforward')
    .description('Walk-forward optimisation: tune on each window\'s in-sample bars, test the choice on the bars that follow, stitch the tests')
    .requiredOption('--data <id|file>', 'a stored dataset (id or exact name) or a CSV file (imported into the store first)')
    .requiredOption('--strategy <name>', 'strategy name');
  addSpaceOptions(command)
    .option('--objective <metric>', 'one metric id, optionally :max or :min', 'sharpe')
    .option('--sampler <name>', 'random, sobol, tpe or gp', parseSampler, 'tpe')
    .requiredOption('--trials-per-window <n>', 'trials of each window\'s study', parsePositiveInt)
    .requiredOption('--in-sample <bars>', 'in-sample bars of each window (before the purge)', parsePositiveInt)
    .requiredOption('--out-of-sample <bars>', 'out-of-sample bars of each window', parsePositiveInt)
    .option('--step <bars>', 'bars between window starts (default: out-of-sample + embargo)', parsePositiveInt)
    .option('--anchored', 'every in-sample part starts at the first bar (default: rolling, fixed length)')
    .option('--purge <bars>', 'bars dropped from the end of each in-sample part', parseNonNegativeInt)
    .option('--embargo <bars>', 'bars after each out-of-sample part that the next window neither tests nor trains on', parseNonNegativeInt)
    .option('--selection <rule>', '"peak" (the best trial) or "robust" (the robust optimum of the parameters analysis)', parseSelection, 'peak')
    .option('--seed <s>', 'sampler seed of the first window (window k uses seed + k)', parseNonNegativeInt)
    .option('--workers <k>', 'backtest workers (default: CPU cores - 1)', parsePositiveInt)
    .option('--trial-time-limit <seconds>', 'a trial running longer is stopped and counted as failed (default 60)', parsePositive);
  addCostOptions(command)
    .option('--name <name>', 'a name for the run')
    .option('--json', 'print one JSON document on stdout')
    .action((opts: WalkForwardOptions) =>
      withBackend(runtime, async (backend) => {
        const objectives = parseObjectives(opts.objective);
        if (objectives.length !== 1) throw new HoldoutError('INVALID_REQUEST', `--objective "${opts.objective}": a walk-forward optimises one metric.`, { field: 'objective' });
        const datasetId = await datasetFor(backend, opts.data);
        const space = spaceFromOptions(opts);
        const created = await backend.api.walkForward.create({
          datasetId,
          strategy: opts.strategy,
          ...(opts.name !== undefined ? { name: opts.name } : {}),
          space,
          objective: objectives[0],
          sampler: opts.sampler,
          trialsPerWindow: opts.trialsPerWindow,
          mode: opts.anchored ? 'anchored' : 'rolling',
          inSampleBars: opts.inSample,
          outOfSampleBars: opts.outOfSample,
          ...(opts.step !== undefined ? { stepBars: opts.step } : {}),
          ...(opts.purge !== undefined ? { purgeBars: opts.purge } : {}),
          ...(opts.embargo !== undefined ? { embargoBars: opts.embargo } : {}),
          selection: opts.selection,
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
          ...(opts.trialTimeLimit !== undefined ? { trialTimeLimitSec: opts.trialTimeLimit } : {}),
          config: configFromOptions(opts),
        });
        await follow(backend, created, opts.json === true);
      }),
    );
}

function parseSelection(value: string): 'peak' | 'robust' {
  if (value !== 'peak' && value !== 'robust') throw new InvalidArgumentError('expected "peak" or "robust".');
  return value;
}

/** Reports each window as it starts and is evaluated, then prints the result. */
async function follow(backend: Backend, created: WalkForwardSummary, json: boolean): Promise<void> {
  process.stderr.write(`walk-forward ${created.id}: ${created.windows.length} windows, ${created.request.trialsPerWindow} trials each\n`);
  const unsubscribe = backend.events.subscribe((m) => {
    if (m.event !== 'walkForward.progress') return;
    const p = m.payload as WalkForwardProgress;
    if (p.id !== created.id || p.currentWindow === null) return;
    process.stderr.write(`window ${p.currentWindow + 1}/${p.windowCount}: ${p.phase}${p.studyId ? ` (study ${p.studyId})` : ''}\n`);
  });
  const onSigint = () => void backend.api.walkForward.stop({ id: created.id });
  process.once('SIGINT', onSigint);
  let run: WalkForwardSummary;
  try {
    run = await backend.walkForward.wait(created.id);
  } finally {
    unsubscribe();
    process.removeListener('SIGINT', onSigint);
  }
  if (json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  else process.stdout.write(humanReport(run));
  if (run.status === 'failed') throw new HoldoutError('INTERNAL', `Walk-forward ${run.id} failed: ${run.error ?? 'unknown error'}`);
}

function humanReport(run: WalkForwardSummary): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const metric = run.objective.metric;
  const rows = run.windows.map((w) => [
    String(w.index + 1),
    `${formatCount(w.inSample.fromBar)}-${formatCount(w.inSample.toBar - 1)}`,
    `${day(w.inSample.fromTime)}..${day(w.inSample.toTime)}`,
    `${formatCount(w.outOfSample.fromBar)}-${formatCount(w.outOfSample.toBar - 1)}`,
    `${day(w.outOfSample.fromTime)}..${day(w.outOfSample.toTime)}`,
    w.params ? Object.entries(w.params).map(([k, v]) => `${k}=${v}`).join(' ') : w.status,
    formatNumber(w.inSamplePerformance?.objective ?? null, 3),
    formatNumber(w.outOfSamplePerformance?.objective ?? null, 3),
    formatPercent(w.inSamplePerformance?.cagr ?? null, 2),
    formatPercent(w.outOfSamplePerformance?.cagr ?? null, 2),
    formatNumber(w.efficiency, 2),
  ]);
  const lines = [
    `walk-forward ${run.id}: ${run.status}${run.error ? ` (${run.error})` : ''}`,
    `  ${run.strategy} on ${run.datasetName ?? run.datasetId}, ${run.request.mode}, in-sample ${run.request.inSampleBars}, out-of-sample ${run.request.outOfSampleBars}, step ${run.stepBars}, purge ${run.request.purgeBars}, embargo ${run.request.embargoBars}, ${run.request.selection} selection`,
    '',
    table(['win', 'IS bars (first-last)', 'IS dates', 'OOS bars', 'OOS dates', 'chosen', `IS ${metric}`, `OOS ${metric}`, 'IS CAGR', 'OOS CAGR', 'WFE'], rows, new Set([0, 6, 7, 8, 9, 10])),
    '',
    `  walk-forward efficiency  ${formatNumber(run.efficiency, 3)}  (mean OOS CAGR / mean IS CAGR; below about 0.5 suggests overfitting)`,
  ];
  for (const d of run.drift) {
    const values = d.values.map((v) => (v === null ? '-' : String(v))).join(', ');
    lines.push(`  drift ${d.name.padEnd(12)} ${values}${d.numeric ? `   mean ${formatNumber(d.mean, 2)}, CV ${formatNumber(d.coefficientOfVariation, 3)}` : ''}`);
  }
  if (run.stitched) {
    const m = run.stitched.metrics;
    lines.push(
      `  stitched out of sample  ${formatCount(run.stitched.bars)} bars: total return ${formatPercent(m.total_return ?? null, 2)}, CAGR ${formatPercent(m.cagr ?? null, 2)}, Sharpe ${formatNumber(m.sharpe ?? null, 3)}, max drawdown ${formatPercent(m.max_drawdown ?? null, 2)}`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
