// `holdout backtest`: one backtest from the terminal, on a stored dataset or a CSV file read on the fly.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BacktestRequest, HoldoutError, type BacktestReport, type ParamValue, type StrategyInfo } from '../../shared';
import type { Backend } from '../../backend';
import { formatCount, formatNumber, formatPercent } from '../format';
import { collect, parseFill, parsePositiveOrZero } from '../optionParsers';
import { withBackend, type CliRuntime } from '../runtime';
import { resolveDatasetId } from './dataCommands';

interface BacktestOptions {
  data: string;
  strategy: string;
  param: string[];
  fill?: 'open' | 'close';
  commissionBps?: number;
  slippageBps?: number;
  json?: boolean;
}

export function registerBacktestCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('backtest')
    .description('Run one backtest of a strategy on a dataset and print its metrics')
    .requiredOption('--data <id|file>', 'a stored dataset (id or exact name) or a CSV file, read on the fly and not stored')
    .requiredOption('--strategy <name>', 'strategy name (see the error message or the app for the list)')
    .option('--param <name=value>', 'a strategy parameter; repeat for several', collect, [])
    .option('--fill <rule>', 'fill at the next bar\'s "open" (default) or at the signal bar\'s "close"', parseFill)
    .option('--commission-bps <bps>', 'commission in basis points of traded notional', parsePositiveOrZero)
    .option('--slippage-bps <bps>', 'slippage in basis points', parsePositiveOrZero)
    .option('--json', 'print one JSON document on stdout')
    .action((opts: BacktestOptions) =>
      withBackend(runtime, async (backend) => {
        const strategies = await backend.api.strategies.list({});
        const strategy = strategies.find((s) => s.name === opts.strategy);
        if (!strategy) {
          throw new HoldoutError('INVALID_REQUEST', `Unknown strategy "${opts.strategy}". Available: ${strategies.map((s) => s.name).join(', ')}.`);
        }
        const request = {
          strategy: strategy.name,
          params: parseParams(strategy, opts.param),
          config: {
            fill: opts.fill === 'close' ? ('close' as const) : ('nextOpen' as const),
            commissionBps: opts.commissionBps ?? 0,
            slippageBps: opts.slippageBps ?? 0,
          },
        };
        const report = await runOn(backend, opts.data, request);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(jsonSummary(report), null, 2)}\n`);
        } else {
          process.stdout.write(humanSummary(report));
        }
      }),
    );
}

async function runOn(backend: Backend, data: string, request: { strategy: string; params: Record<string, ParamValue>; config: object }) {
  const asFile = resolve(data);
  const looksLikeFile = existsSync(asFile) && !/^ds_[0-9a-z]+$/.test(data);
  if (looksLikeFile) {
    const parsed = BacktestRequest.omit({ datasetId: true }).safeParse(request);
    if (!parsed.success) throw new HoldoutError('INVALID_REQUEST', parsed.error.issues[0].message);
    return backend.backtests.runOnFile(asFile, parsed.data);
  }
  return backend.api.backtests.run({ datasetId: await resolveDatasetId(backend, data), ...request });
}

/** Parameters arrive as text; the strategy's declared types say what each must be. */
function parseParams(strategy: StrategyInfo, pairs: string[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  const allowed = strategy.params.map((p) => (p.type === 'categorical' ? `${p.name} (one of ${p.choices.join(', ')})` : `${p.name} (${p.type} ${p.low}..${p.high})`));
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new HoldoutError('INVALID_REQUEST', `--param "${pair}" must look like name=value. Parameters of ${strategy.name}: ${allowed.join('; ')}.`);
    const name = pair.slice(0, eq).trim();
    const text = pair.slice(eq + 1).trim();
    const spec = strategy.params.find((p) => p.name === name);
    if (!spec) {
      throw new HoldoutError('INVALID_REQUEST', `${strategy.name} has no parameter "${name}". Parameters: ${allowed.join('; ')}.`, { field: `params.${name}` });
    }
    if (spec.type === 'categorical') {
      const choice = spec.choices.find((c) => String(c) === text);
      if (choice === undefined) {
        throw new HoldoutError('INVALID_REQUEST', `${strategy.name}: ${name} must be one of ${spec.choices.join(', ')}; got "${text}".`, { field: `params.${name}` });
      }
      out[name] = choice;
    } else {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        throw new HoldoutError('INVALID_REQUEST', `${strategy.name}: ${name} must be a number (${spec.type} in ${spec.low}..${spec.high}); got "${text}".`, { field: `params.${name}` });
      }
      out[name] = value;
    }
  }
  return out;
}

function jsonSummary(r: BacktestReport) {
  return {
    dataset: { id: r.datasetId, hash: r.datasetHash, bars: r.bars },
    strategy: r.strategy,
    params: r.params,
    config: r.config,
    periodsPerYear: r.periodsPerYear,
    finalEquity: r.finalEquity,
    maxDrawdown: r.metrics.max_drawdown,
    trades: r.trades.pnl.length,
    positionChanges: r.positionChanges,
    totalCosts: r.totalCosts,
    metrics: r.metrics,
    timings: r.timings,
  };
}

function humanSummary(r: BacktestReport): string {
  const m = r.metrics;
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    `${r.strategy.name} ${r.strategy.version} (${params}) on ${formatCount(r.bars)} bars, ${formatCount(r.periodsPerYear)} bars a year`,
    `  final equity   ${formatNumber(r.finalEquity, 2)} (costs ${formatNumber(r.totalCosts, 2)})`,
    `  total return   ${formatPercent(m.total_return ?? null, 2)}   CAGR ${formatPercent(m.cagr ?? null, 2)}`,
    `  Sharpe         ${formatNumber(m.sharpe ?? null, 3)}   Sortino ${formatNumber(m.sortino ?? null, 3)}`,
    `  max drawdown   ${formatPercent(m.max_drawdown ?? null, 2)}`,
    `  trades         ${formatCount(r.trades.pnl.length)}   win rate ${formatPercent(m.win_rate ?? null, 1)}   position changes ${formatCount(r.positionChanges)}`,
    '',
  ].join('\n');
}
