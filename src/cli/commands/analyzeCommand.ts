// `holdout analyze STUDY`: a study's overfitting analysis in the terminal — the verdict first, then PBO, DSR (with
// the number of trials and its correlation-corrected effective number), PSR, MinTRL, bootstrap intervals, parameter
// importance, and the peak against the robust optimum with its sensitivity. Results come from (and go to) the
// store's analysis cache, like the app's. --json prints { robustness, parameters } as one document.
import { InvalidArgumentError, type Command } from 'commander';
import type { AnalysisRequest, ParametersReport, RobustnessReport } from '../../shared';
import { formatNumber, table } from '../format';
import { withBackend, type CliRuntime } from '../runtime';

interface AnalyzeOptions {
  json?: boolean;
  trial?: number;
  partitions?: number;
  includeEarlier?: boolean;
  correlation: boolean;
  neighbourhood?: number;
}

export function registerAnalyzeCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('analyze <study>')
    .description('Overfitting analysis of a study: verdict, PBO, deflated Sharpe, bootstrap, importance, robust optimum')
    .option('--json', 'print one JSON document on stdout')
    .option('--trial <n>', 'judge this trial (default: the best by the first objective)', parseNonNegativeInt)
    .option('--partitions <s>', 'CSCV partitions for PBO, even (default 16)', parseNonNegativeInt)
    .option('--include-earlier', "count earlier studies' trials on the same dataset in the DSR's number of trials")
    .option('--no-correlation', 'do not correct the number of trials for correlation between trials')
    .option('--neighbourhood <f>', 'half-width of the robust optimum\'s neighbourhood, a fraction of each range (default 0.1)', parseFraction)
    .action((id: string, opts: AnalyzeOptions) =>
      withBackend(runtime, async (backend) => {
        const options: Partial<AnalysisRequest['options']> = {
          ...(opts.trial !== undefined ? { trial: opts.trial } : {}),
          ...(opts.partitions !== undefined ? { partitions: opts.partitions } : {}),
          ...(opts.includeEarlier ? { includeEarlierStudies: true } : {}),
          ...(opts.correlation === false ? { correlationCorrected: false } : {}),
          ...(opts.neighbourhood !== undefined ? { neighbourhood: opts.neighbourhood } : {}),
        };
        if (!opts.json) process.stderr.write(`Analysing ${id}: backtests out of sample, PBO, bootstrap, GP surrogate...\n`);
        const robustness = await backend.api.analysis.robustness({ id, options });
        const parameters = await backend.api.analysis.parameters({ id, options });
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ robustness, parameters }, null, 2)}\n`);
        process.stdout.write(`${[...robustnessLines(robustness), '', ...parametersLines(parameters), ''].join('\n')}\n`);
      }),
    );
}

function robustnessLines(r: RobustnessReport): string[] {
  const lines = [`${r.verdict.level.toUpperCase()}: ${r.verdict.headline}`, ...r.verdict.reasons.map((s) => `  - ${s}`), ''];
  const p = r.provenance;
  lines.push(
    `Trial ${r.trial.number} (${paramsText(r.trial.params)}), ${p.trialCount} complete trials${p.cached ? ', from the cache' : ''}${p.stale ? ' (stale)' : ''}`,
  );
  if (r.pbo) {
    lines.push(
      `  PBO          ${formatNumber(r.pbo.value, 3)} over ${r.pbo.combinations} combinations of ${r.pbo.partitions} partitions, ${r.pbo.trials} trials; P(out-of-sample loss) ${formatNumber(r.pbo.probOosLoss, 3)}`,
    );
  } else lines.push('  PBO          n/a');
  const d = r.dsr;
  lines.push(
    `  DSR          ${formatNumber(d.value, 3)} with N = ${d.trials}, effective N = ${formatNumber(d.effectiveTrials, 1)}${d.averageCorrelation === null ? '' : ` (average correlation ${formatNumber(d.averageCorrelation, 2)})`}; SR0 ${formatNumber(d.expectedMaxSharpe, 4)} per bar`,
    `  PSR          ${formatNumber(r.psr.value, 3)} that the Sharpe ratio beats ${r.psr.benchmark}`,
    `  Sharpe       ${formatNumber(r.sharpe.annualised, 2)} annualised (${formatNumber(r.sharpe.perPeriod, 4)} per bar, ${r.sharpe.observations} bars, skew ${formatNumber(r.sharpe.skewness, 2)}, kurtosis ${formatNumber(r.sharpe.kurtosis, 2)})`,
    `  MinTRL       ${r.minTrackRecord.observations === null ? 'n/a (the Sharpe ratio is not above 0)' : `${Math.ceil(r.minTrackRecord.observations)} bars (${formatNumber(r.minTrackRecord.years, 1)} years) at ${r.minTrackRecord.confidence * 100}%`}`,
  );
  if (r.bootstrap) {
    const b = r.bootstrap;
    lines.push(
      `  Bootstrap    Sharpe ${formatNumber(b.sharpeAnnualised.low, 2)} to ${formatNumber(b.sharpeAnnualised.high, 2)}, CAGR ${percent(b.cagr.low)} to ${percent(b.cagr.high)} (${b.sharpeAnnualised.level * 100}%, ${b.samples} resamples, mean block ${b.meanBlock})`,
    );
  }
  if (r.drawdownReshuffle) {
    const q = r.drawdownReshuffle;
    const at = (level: number) => q.quantiles.find((x) => x.level === level)?.value ?? null;
    lines.push(`  Drawdown     ${percent(q.observed)} as traded; reshuffled median ${percent(at(0.5))}, 95th percentile ${percent(at(0.95))} (${q.trades} trades)`);
  }
  if (r.outOfSample) {
    const o = r.outOfSample;
    lines.push(
      `  Out of sample ${o.metric} ${formatNumber(o.chosen.inSample, 3)} in, ${formatNumber(o.chosen.outOfSample, 3)} out; rank correlation across trials ${formatNumber(o.rankCorrelation, 2)}`,
    );
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines;
}

function parametersLines(p: ParametersReport): string[] {
  const rows = [...p.importance]
    .sort((a, b) => b.fanova - a.fanova)
    .map((i) => [i.param, formatNumber(i.fanova, 3), formatNumber(i.gpRelevance, 3), formatNumber(i.lengthscale, 3)]);
  const lines = [`Importance of the parameters for ${p.objective.metric} (${p.objective.direction})`, table(['parameter', 'fANOVA', 'GP relevance', 'length-scale'], rows, new Set([1, 2, 3])), ''];
  lines.push(
    `Peak    trial ${p.peak.trial} (${paramsText(p.peak.params)}): ${formatNumber(p.peak.value, 4)}, neighbourhood ${formatNumber(p.peak.neighbourhoodValue, 4)}`,
    `Robust  ${paramsText(p.robust.params)}${p.robust.trial === null ? '' : ` (trial ${p.robust.trial})`}: neighbourhood ${formatNumber(p.robust.neighbourhoodValue, 4)} (±${p.robust.neighbourhood} of each range, ${p.robust.trialsInNeighbourhood} trials in it), backtest ${formatNumber(p.robust.value, 4)}`,
    '',
    `Sensitivity of ${paramsText(p.sensitivity.base.params)} (${formatNumber(p.sensitivity.base.value, 4)}): change of ${p.objective.metric}, a loss negative`,
  );
  const deltas = [...new Set(p.sensitivity.moves.flatMap((m) => m.moves.map((x) => x.delta)))].sort((a, b) => a - b);
  const moveRows = p.sensitivity.moves.map((m) => [
    m.param,
    ...deltas.map((d) => {
      const x = m.moves.find((mv) => mv.delta === d);
      return x ? formatNumber(x.change, 4) : '-';
    }),
  ]);
  lines.push(table(['parameter', ...deltas.map((d) => `${d > 0 ? '+' : ''}${d * 100}%`)], moveRows, new Set(deltas.map((_, i) => i + 1))));
  lines.push(`2x costs: ${formatNumber(p.sensitivity.doubleCosts.value, 4)} (change ${formatNumber(p.sensitivity.doubleCosts.change, 4)})`);
  for (const n of p.notes) lines.push(`note: ${n}`);
  return lines;
}

function paramsText(params: Record<string, number | string | boolean>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v}`)
    .join(' ');
}

function percent(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number >= 0.');
  return n;
}

function parseFraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 0.5) throw new InvalidArgumentError('expected a number in (0, 0.5].');
  return n;
}
