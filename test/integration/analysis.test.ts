// A study's overfitting analysis through the real back end: a small study (real workers, a real SQLite file), then
// analysis.robustness, .parameters and .surface computed in the analytics worker with their backtests in backtest
// workers, every field checked finite and consistent, the cache (second call served from it, a new trial making
// it stale), and `holdout analyze --json` from the real CLI.
import { describe, expect, it } from 'vitest';
import { ParametersReport, RobustnessReport, SurfaceReport } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { runHoldout } from '../helpers/cli';
import { reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

const openBackend = useBackends();
const tempDir = useTempDir('holdout-analyze-');

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

function expectFiniteNumbers(value: unknown, path = 'report'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectFiniteNumbers(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, `${path}.${k}`);
  }
}

describe('study analysis through the back end', () => {
  it('computes, caches and refreshes the robustness, parameters and surface reports of a real study', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      space: { mode: { fixed: 'long-flat' } },
      sampler: 'random',
      budget: { trials: 24 },
      workers: 1,
      seed: 3,
      config: { fill: 'close', commissionBps: 2 },
    });
    const summary = await backend.studies.wait(created.id);
    const trials = (await backend.api.studies.trials({ id: created.id })).filter((t) => t.state === 'complete');
    const N = trials.length;
    expect(N).toBeGreaterThanOrEqual(10);
    const best = summary.best[0];

    // Robustness.
    const options = { partitions: 10, resamples: 500, seed: 1 };
    const robust = RobustnessReport.parse(await backend.api.analysis.robustness({ id: created.id, options }));
    expectFiniteNumbers(robust);
    expect(robust.provenance).toMatchObject({ studyId: created.id, trialCount: N, cached: false, stale: false });
    expect(robust.trial.number).toBe(best.number);
    expect(robust.trial.params).toEqual(best.params);
    expect(robust.sharpe.observations).toBe(Math.floor(dataset.bars * 0.7));
    expect(robust.sharpe.annualised).toBeCloseTo(robust.sharpe.perPeriod * Math.sqrt(robust.sharpe.periodsPerYear), 12);
    // The study's objective is the annualised Sharpe from the same returns (ddof 1, zero risk-free rate).
    expect(robust.sharpe.annualised).toBeCloseTo(best.values[0], 6);
    expect(robust.dsr.trials).toBe(N);
    expect(robust.dsr.effectiveTrials).toBeGreaterThanOrEqual(1);
    expect(robust.dsr.effectiveTrials).toBeLessThanOrEqual(N);
    expect(robust.dsr.averageCorrelation!).toBeGreaterThan(-1);
    expect(robust.dsr.averageCorrelation!).toBeLessThanOrEqual(1);
    expect(robust.dsr.sharpeVariance).toBeGreaterThan(0);
    for (const p of [robust.psr.value, robust.dsr.value]) expect(p >= 0 && p <= 1).toBe(true);
    expect(robust.dsr.value).toBeLessThanOrEqual(robust.psr.value); // SR0 > 0 = the PSR's benchmark
    const pbo = robust.pbo!;
    expect(pbo.value >= 0 && pbo.value <= 1).toBe(true);
    expect(pbo.partitions).toBe(10);
    expect(pbo.combinations).toBe(binomial(10, 5));
    expect(pbo.logits).toHaveLength(binomial(10, 5));
    expect(pbo.value).toBeCloseTo(pbo.logits.filter((l) => l <= 0).length / pbo.logits.length, 12);
    expect(pbo.trials).toBe(N);
    const ci = robust.bootstrap!;
    expect(ci.samples).toBe(500);
    expect(ci.sharpeAnnualised.low).toBeLessThanOrEqual(ci.sharpeAnnualised.median);
    expect(ci.sharpeAnnualised.median).toBeLessThanOrEqual(ci.sharpeAnnualised.high);
    const reshuffle = robust.drawdownReshuffle!;
    expect(reshuffle.trades).toBeGreaterThan(1);
    expect(reshuffle.quantiles.map((q) => q.level)).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    const oos = robust.outOfSample!;
    expect(oos.metric).toBe('sharpe');
    expect(oos.points.map((p) => p.trial)).toEqual(trials.map((t) => t.number));
    expect(oos.points.every((p) => p.inSample === trials.find((t) => t.number === p.trial)!.values![0])).toBe(true);
    expect(oos.rankCorrelation! >= -1 && oos.rankCorrelation! <= 1).toBe(true);
    expect(oos.chosen.inSample).toBe(best.values[0]);
    // The chosen trial out of sample equals a backtest of it on the out-of-sample bars.
    const oosRun = await backend.api.backtests.run({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      params: best.params,
      config: { fill: 'close', commissionBps: 2 },
      range: { fromBar: Math.floor(dataset.bars * 0.7), toBar: dataset.bars },
    });
    expect(oos.chosen.outOfSample).toBeCloseTo(oosRun.metrics.sharpe!, 10);
    expect(['trustworthy', 'caution', 'overfit', 'insufficient']).toContain(robust.verdict.level);
    expect(robust.verdict.headline.length).toBeGreaterThan(10);

    // Served from the cache the second time; other options are another entry.
    const again = await backend.api.analysis.robustness({ id: created.id, options });
    expect(again.provenance).toMatchObject({ cached: true, stale: false, trialCount: N, computedAt: robust.provenance.computedAt });
    expect(again.pbo!.value).toBe(pbo.value);
    const uncorrected = await backend.api.analysis.robustness({ id: created.id, options: { ...options, correlationCorrected: false } });
    expect(uncorrected.provenance.cached).toBe(false);
    expect(uncorrected.dsr.effectiveTrials).toBe(N);
    expect(uncorrected.dsr.averageCorrelation).toBeNull();
    const latest = backend.store.latestAnalysisResult(created.id, 'robustness')!;
    expect(latest.computedAt).toBe(uncorrected.provenance.computedAt);
    // Stored whole, so the store's readers (exports) can parse it with the report's schema.
    expect(RobustnessReport.parse(latest.result).dsr).toEqual(uncorrected.dsr);

    // Parameters.
    const params = ParametersReport.parse(await backend.api.analysis.parameters({ id: created.id, options: { seed: 1 } }));
    expectFiniteNumbers({ ...params, robust: { ...params.robust, trial: 0 } });
    expect(params.objective).toEqual({ metric: 'sharpe', direction: 'maximize' });
    expect(params.importance.map((i) => i.param).sort()).toEqual(['fast', 'slow']);
    const fanovaSum = params.importance.reduce((s, i) => s + i.fanova, 0);
    expect(fanovaSum).toBeGreaterThan(0);
    expect(fanovaSum).toBeLessThanOrEqual(1 + 1e-9);
    expect(params.importance.reduce((s, i) => s + i.gpRelevance!, 0)).toBeCloseTo(1, 9);
    expect(params.peak.trial).toBe(best.number);
    expect(params.peak.value).toBe(best.values[0]);
    expect(params.robust.neighbourhood).toBe(0.1);
    // The chosen point re-run through the trial path reproduces its stored value exactly; 2x costs cost Sharpe.
    expect(params.sensitivity.base.value).toBe(best.values[0]);
    expect(params.sensitivity.base.params).toEqual(best.params);
    expect(params.sensitivity.doubleCosts.change!).toBeLessThan(0);
    expect(params.robust.value).not.toBeNull();
    for (const m of params.sensitivity.moves) {
      expect(['fast', 'slow']).toContain(m.param);
      for (const mv of m.moves) {
        expect([-0.1, -0.05, 0.05, 0.1]).toContain(mv.delta);
        expect(mv.change).toBeCloseTo(mv.value! - params.sensitivity.base.value!, 12);
        expect(mv.params.mode).toBe('long-flat');
      }
    }
    expect(params.partialDependence.map((c) => c.param).sort()).toEqual(['fast', 'slow']);
    for (const c of params.partialDependence) {
      expect(c.x.length).toBe(c.mean.length);
      for (let i = 0; i < c.x.length; i++) expect(c.lower[i]).toBeLessThanOrEqual(c.upper[i]);
    }

    // Surface.
    const surface = SurfaceReport.parse(await backend.api.analysis.surface({ id: created.id, x: 'fast', y: 'slow', resolution: 20 }));
    expectFiniteNumbers(surface);
    expect(surface.x).toMatchObject({ param: 'fast', log: true });
    expect(surface.mean).toHaveLength(20);
    expect(surface.mean.every((row) => row.length === 20)).toBe(true);
    expect(surface.sd.flat().every((s) => s >= 0)).toBe(true);
    expect(surface.trials).toHaveLength(N);
    expect(surface.fixed).toEqual(best.params);
    await expect(backend.api.analysis.surface({ id: created.id, x: 'fast', y: 'mode' })).rejects.toThrow(/"mode" is not a tuned parameter/);

    // A trial finishing while an analysis runs makes that result stale; a cached row on fewer trials than the study
    // has now is recomputed on the next request.
    const donor = trials[0];
    const returns = backend.store.trialReturns(created.id, donor.number)!;
    const number = Math.max(...trials.map((t) => t.number)) + 1;
    const running = backend.api.analysis.robustness({ id: created.id, options: { ...options, seed: 2 } });
    backend.store.addRunningTrials(created.id, [{ number, params: donor.params, startedAt: Date.now() }], null);
    backend.store.finishTrial(
      created.id,
      { number, state: 'complete', values: donor.values, metrics: donor.metrics, failReason: null, durationMs: 1, worker: 0, cached: true, finishedAt: Date.now(), returns },
      null,
    );
    expect((await running).provenance).toMatchObject({ cached: false, stale: true, trialCount: N });
    const refreshed = await backend.api.analysis.robustness({ id: created.id, options });
    expect(refreshed.provenance).toMatchObject({ cached: false, stale: false, trialCount: N + 1 });
    expect(refreshed.dsr.trials).toBe(N + 1);
    expect(refreshed.outOfSample!.points).toHaveLength(N + 1);
    expect((await backend.api.analysis.robustness({ id: created.id, options })).provenance).toMatchObject({ cached: true, trialCount: N + 1 });

    // A stored row that no longer matches the report's schema (another version of the app) is recomputed.
    const row = backend.store.latestAnalysisResult(created.id, 'robustness')!;
    backend.store.putAnalysisResult({ ...row, result: { pbo: 'old format' } });
    expect((await backend.api.analysis.robustness({ id: created.id, options })).provenance).toMatchObject({ cached: false, trialCount: N + 1 });

    // Bad requests name what is wrong.
    await expect(backend.api.analysis.robustness({ id: created.id, options: { partitions: 7 } })).rejects.toThrow(/partitions must be even/);
    await expect(backend.api.analysis.robustness({ id: created.id, options: { trial: 9999 } })).rejects.toThrow(/trial 9999 is not a complete trial/);
    await expect(backend.api.analysis.robustness({ id: 'st_0000000000000000' })).rejects.toThrow(/No study with id/);
  });

  it('holdout analyze --json prints both reports; the human output leads with the verdict', () => {
    const home = tempDir();
    const tune = runHoldout(home, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--fix', 'mode=long-flat', '--sampler', 'sobol', '--trials', '12', '--workers', '1', '--seed', '2', '--json');
    expect(tune.code, tune.stderr).toBe(0);
    const id = (JSON.parse(tune.stdout) as { studyId: string }).studyId;
    const r = runHoldout(home, 'analyze', id, '--json', '--partitions', '8', '--neighbourhood', '0.2');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { robustness: unknown; parameters: unknown };
    const robust = RobustnessReport.parse(doc.robustness);
    const params = ParametersReport.parse(doc.parameters);
    expect(robust.pbo!.combinations).toBe(binomial(8, 4));
    expect(robust.dsr.trials).toBe(robust.provenance.trialCount);
    expect(params.robust.neighbourhood).toBe(0.2);

    const human = runHoldout(home, 'analyze', id, '--partitions', '8', '--neighbourhood', '0.2');
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toMatch(/^(TRUSTWORTHY|CAUTION|OVERFIT|INSUFFICIENT): /);
    expect(human.stdout).toContain('from the cache');
    for (const label of ['PBO', 'DSR', 'PSR', 'MinTRL', 'Bootstrap', 'fANOVA', 'Peak', 'Robust', '2x costs']) expect(human.stdout).toContain(label);

    // A later study on the same data counts the earlier one's complete trials in the DSR's N when asked.
    const first = JSON.parse(tune.stdout) as { counts: { complete: number } };
    const tune2 = runHoldout(home, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--fix', 'mode=long-flat', '--sampler', 'random', '--trials', '8', '--workers', '1', '--seed', '5', '--json');
    expect(tune2.code, tune2.stderr).toBe(0);
    const second = JSON.parse(tune2.stdout) as { studyId: string; counts: { complete: number } };
    const both = runHoldout(home, 'analyze', second.studyId, '--json', '--partitions', '8', '--include-earlier');
    expect(both.code, both.stderr).toBe(0);
    const withEarlier = RobustnessReport.parse((JSON.parse(both.stdout) as { robustness: unknown }).robustness);
    expect(withEarlier.dsr.trials).toBe(first.counts.complete + second.counts.complete);
    expect(withEarlier.provenance.trialCount).toBe(second.counts.complete);

    const bad = runHoldout(home, 'analyze', id, '--partitions', '7');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/partitions must be even/);
  });
});
