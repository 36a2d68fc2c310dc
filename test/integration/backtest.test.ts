// Backtests through the real back end and worker thread, and through the real CLI: metrics, errors that list
// what is allowed, the per-run time limit, and the indicator cache across runs.
import { runHoldout } from '../helpers/cli';
import { describe, expect, it } from 'vitest';
import { inSampleBarCount } from '../../src/shared';
import { rejectionOf } from '../helpers/rejection';
import { useBackends } from '../helpers/backend';
import { reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir('holdout-bt-');

describe('backtests through the back end', () => {
  it('runs SMA crossover on ttrc.csv in a worker and returns metrics, trades and the profile', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const report = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params: { fast: 10, slow: 50 } });
    expect(report.bars).toBe(5550);
    expect(report.periodsPerYear).toBe(252);
    expect(report.params).toMatchObject({ fast: 10, slow: 50 });
    expect(report.strategy.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.trades.pnl.length).toBeGreaterThan(10);
    // Equity reconciles with the trade list.
    const pnl = report.trades.pnl.reduce((a, b) => a + b, 0);
    expect(report.finalEquity).toBeCloseTo(report.config.initialCapital + pnl, 6);
    expect(report.metrics.sharpe).toEqual(expect.any(Number));
    expect(report.metrics.max_drawdown).toBeLessThanOrEqual(0);
    expect(report.profile.curve.time.length).toBeGreaterThan(100);
    expect(report.profile.monthly.length).toBeGreaterThan(200);

    // A changed parameter changes the result; a repeated one is served from the indicator cache.
    const other = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params: { fast: 20, slow: 50 } });
    expect(other.metrics.total_return).not.toBe(report.metrics.total_return);
    expect(other.indicatorCache.hits).toBeGreaterThan(0);
  });

  it('refuses unknown strategies, unknown and out-of-range parameters, and violated constraints, saying what is allowed', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('msft.csv') } });
    const run = (strategy: string, params: Record<string, number | string>) => backend.api.backtests.run({ datasetId: dataset.id, strategy, params });
    const unknown = await rejectionOf(run('sma-crosover', {}));
    expect(unknown.code).toBe('INVALID_REQUEST');
    expect(unknown.message).toContain('sma-crossover');
    const badName = await rejectionOf(run('sma-crossover', { fastt: 5 }));
    expect(badName.message).toMatch(/fast/);
    const range = await rejectionOf(run('sma-crossover', { fast: 1000 }));
    expect(range.message).toMatch(/2/);
    expect(range.location?.field).toBe('params.fast');
    const constraint = await rejectionOf(run('sma-crossover', { fast: 60, slow: 50 }));
    expect(constraint.message).toContain('fast < slow');
  });

  it('runs on a bar range: the in-sample range reproduces a study trial exactly, the out-of-sample range differs', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const config = { fill: 'close' as const, commissionBps: 1 };
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'sobol',
      budget: { trials: 5 },
      workers: 1,
      seed: 3,
      inSampleFraction: 0.6,
      config,
    });
    expect((await backend.studies.wait(created.id)).status).toBe('completed');
    const detail = await backend.api.studies.get({ id: created.id });
    const inSampleBars = inSampleBarCount(5550, 0.6);
    expect(detail.spec.inSampleBars).toBe(inSampleBars);
    const trial = (await backend.api.studies.trials({ id: created.id })).find((t) => t.state === 'complete' && t.metrics?.sharpe !== null)!;
    expect(trial).toBeDefined();
    const params = { ...detail.spec.fixed, ...trial.params };

    const inSample = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params, config, range: { fromBar: 0, toBar: inSampleBars } });
    expect(inSample.range).toEqual({ fromBar: 0, toBar: inSampleBars });
    expect(inSample.bars).toBe(inSampleBars);
    expect(inSample.datasetBars).toBe(5550);
    expect(inSample.metrics).toEqual(trial.metrics);

    const outOfSample = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params, config, range: { fromBar: inSampleBars, toBar: 5550 } });
    expect(outOfSample.bars).toBe(5550 - inSampleBars);
    expect(outOfSample.range).toEqual({ fromBar: inSampleBars, toBar: 5550 });
    expect(outOfSample.metrics.sharpe).not.toBe(trial.metrics!.sharpe);
    expect(outOfSample.profile.curve.time[0]).toBeGreaterThan(inSample.profile.curve.time.at(-1)!);

    // Without a range: the whole dataset, reported as such.
    const whole = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params, config });
    expect(whole.range).toEqual({ fromBar: 0, toBar: 5550 });
    expect(whole.metrics.sharpe).not.toBe(trial.metrics!.sharpe);

    // Bounds are checked, naming the field.
    const past = await rejectionOf(backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params, range: { fromBar: 0, toBar: 6000 } }));
    expect(past.code).toBe('INVALID_REQUEST');
    expect(past.location?.field).toBe('range.toBar');
    expect(past.message).toContain('5550');
    const empty = await rejectionOf(backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params, range: { fromBar: 10, toBar: 10 } }));
    expect(empty.code).toBe('INVALID_REQUEST');
    expect(empty.message).toContain('toBar');
  });

  it('lists the built-in strategies with their parameter spaces, and the metric definitions', async () => {
    const backend = openBackend();
    const strategies = await backend.api.strategies.list({});
    expect(strategies.map((s) => s.name)).toEqual(
      expect.arrayContaining(['sma-crossover', 'ema-crossover', 'rsi-reversion', 'bollinger-reversion', 'donchian-breakout', 'macd-trend', 'ts-momentum']),
    );
    const sma = strategies.find((s) => s.name === 'sma-crossover')!;
    expect(sma.constraints).toContain('fast < slow');
    const metrics = await backend.api.metrics.definitions({});
    expect(metrics.map((m) => m.id)).toEqual(expect.arrayContaining(['sharpe', 'sortino', 'max_drawdown', 'cagr', 'var', 'cvar']));
  });
});

describe('holdout backtest (CLI)', () => {
  it('prints the metrics, periodsPerYear, finalEquity, maxDrawdown, trades and positionChanges as JSON, on a file read on the fly', () => {
    const home = tempDir();
    const r = runHoldout(home, 'backtest', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--param', 'fast=10', '--param', 'slow=50', '--fill', 'close', '--commission-bps', '1', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.periodsPerYear).toBe(252);
    expect(doc.finalEquity).toEqual(expect.any(Number));
    expect(doc.maxDrawdown).toBeLessThanOrEqual(0);
    expect(doc.trades).toBeGreaterThan(0);
    expect(doc.positionChanges).toBeGreaterThanOrEqual(doc.trades);
    expect(doc.metrics.sharpe).toEqual(expect.any(Number));
    expect(doc.config.fill).toBe('close');
    expect(doc.config.commissionBps).toBe(1);
    // Read on the fly: nothing was stored.
    expect(JSON.parse(runHoldout(home, 'data', 'list', '--json').stdout)).toEqual([]);
  });

  it('runs on a stored dataset by name', () => {
    const home = tempDir();
    expect(runHoldout(home, 'data', 'import', reference('msft.csv'), '--name', 'MSFT').code).toBe(0);
    const r = runHoldout(home, 'backtest', '--data', 'MSFT', '--strategy', 'ema-crossover', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dataset.bars).toBe(249);
  });

  it('exits 1 with a message listing what is allowed for an unknown strategy or parameter', () => {
    const home = tempDir();
    const badStrategy = runHoldout(home, 'backtest', '--data', reference('msft.csv'), '--strategy', 'magic');
    expect(badStrategy.code).toBe(1);
    expect(badStrategy.stderr).toContain('sma-crossover');
    const badParam = runHoldout(home, 'backtest', '--data', reference('msft.csv'), '--strategy', 'sma-crossover', '--param', 'speed=3');
    expect(badParam.code).toBe(1);
    expect(badParam.stderr).toMatch(/fast.*slow/);
    const outOfRange = runHoldout(home, 'backtest', '--data', reference('msft.csv'), '--strategy', 'sma-crossover', '--param', 'fast=0');
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toMatch(/fast/);
    const violated = runHoldout(home, 'backtest', '--data', reference('msft.csv'), '--strategy', 'sma-crossover', '--param', 'fast=60', '--param', 'slow=50');
    expect(violated.code).toBe(1);
    expect(violated.stderr).toContain('fast < slow');
  });
});
