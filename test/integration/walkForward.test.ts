// Walk-forward optimisation through the real back end: a study per window (real study and backtest workers, a
// real SQLite file) on the window's in-sample bars only, the choice tested on the following bars, the parts
// stitched, and studies on a bar range with a result cache that tells ranges apart.
import { describe, expect, it } from 'vitest';
import { walkForwardEfficiency } from '../../src/core';
import type { EventMessage, WalkForwardProgress } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { rejectionOf } from '../helpers/rejection';
import { reference } from '../helpers/paths';

const openBackend = useBackends();

async function expectHoldoutError(promise: Promise<unknown>, expected: { code: string; field: string }): Promise<void> {
  const err = await rejectionOf(promise);
  expect({ code: err.code, field: err.location?.field }).toEqual(expected);
}

const SPACE = { fast: { low: 2, high: 30, type: 'int' as const }, slow: { low: 40, high: 200, type: 'int' as const }, mode: { fixed: 'long-flat' } };

describe('walk-forward runs through the back end', () => {
  it('runs 3 rolling windows with purge and embargo, never tuning on what it tests, and stitches the tests', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    expect(dataset.bars).toBe(5550);
    const events: EventMessage[] = [];
    backend.events.subscribe((m) => events.push(m));
    // Out-of-sample starts at 2500, 3520, 4540 (step 1020 = 1000 + 10 embargo + 10 untested); a 4th would start at 5560.
    const created = await backend.api.walkForward.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      space: SPACE,
      sampler: 'random',
      trialsPerWindow: 12,
      workers: 1,
      seed: 3,
      config: { fill: 'close' },
      mode: 'rolling',
      inSampleBars: 2500,
      outOfSampleBars: 1000,
      stepBars: 1020,
      purgeBars: 5,
      embargoBars: 10,
    });
    expect(created.id).toMatch(/^wf_[0-9a-f]{16}$/);
    expect(created.status).toBe('running');
    expect(created.windows).toHaveLength(3);
    const run = await backend.walkForward.wait(created.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.completedWindows).toBe(3);

    const w = run.windows;
    expect(w.map((x) => [x.inSample.fromBar, x.inSample.toBar, x.outOfSample.fromBar, x.outOfSample.toBar])).toEqual([
      [0, 2495, 2500, 3500],
      [1020, 3500, 3520, 4520],
      [2040, 4520, 4540, 5540],
    ]);
    const studies = await backend.api.studies.list({});
    for (const win of w) {
      expect(win.status).toBe('completed');
      // The study tuned on exactly the window's in-sample bars: before its test part by the purge at least, and
      // (embargo) not past the previous window's test part.
      const detail = await backend.api.studies.get({ id: win.studyId! });
      expect(detail.summary.status).toBe('completed');
      expect(detail.spec.inSampleFrom).toBe(win.inSample.fromBar);
      expect(detail.spec.inSampleFrom + detail.spec.inSampleBars).toBe(win.inSample.toBar);
      expect(win.inSample.toBar + 5).toBeLessThanOrEqual(win.outOfSample.fromBar);
      if (win.index > 0) expect(win.inSample.toBar).toBeLessThanOrEqual(w[win.index - 1].outOfSample.toBar);
      // Each trial's stored returns cover the in-sample range and nothing more.
      const trial = (await backend.api.studies.trials({ id: win.studyId! })).find((t) => t.state === 'complete')!;
      expect(backend.store.trialReturns(win.studyId!, trial.number)?.length).toBe(win.inSample.toBar - win.inSample.fromBar);
      // Peak selection: the study's best trial, whose in-sample objective the window's re-run reproduces.
      const best = detail.summary.best[0];
      expect(win.trialNumber).toBe(best.number);
      expect(win.params).toEqual(best.params);
      expect(win.inSamplePerformance!.sharpe).toBeCloseTo(best.values[0], 10);
      expect(win.inSample.fromTime).toBeLessThan(win.inSample.toTime);
      expect(win.inSample.toTime).toBeLessThan(win.outOfSample.fromTime);
      // Visible among the studies, named after the run.
      expect(studies.find((s) => s.id === win.studyId)?.name).toContain(created.id);
      // The test part's returns, scored on its bars alone (the in-sample bars before it are history only).
      const oos = backend.store.walkForwardWindowReturns(created.id, win.index)!;
      expect(oos.length).toBe(win.outOfSample.toBar - win.outOfSample.fromBar);
      expect(win.outOfSamplePerformance!.totalReturn).toBeCloseTo(oos.reduce((e, r) => e * (1 + r), 1) - 1, 10);
    }
    for (let k = 1; k < w.length; k++) expect(w[k].outOfSample.fromBar - w[k - 1].outOfSample.toBar).toBeGreaterThanOrEqual(10);

    // Stitched: one bar per out-of-sample bar, compounded across windows from the initial capital.
    const stitched = run.stitched!;
    expect(stitched.bars).toBe(3000);
    expect(stitched.equity.length).toBeLessThanOrEqual(2000);
    let equity = 100_000;
    for (const win of w) for (const r of backend.store.walkForwardWindowReturns(created.id, win.index)!) equity *= 1 + r;
    expect(stitched.equity[stitched.equity.length - 1]).toBeCloseTo(equity, 6);
    expect(stitched.metrics.total_return).toBeCloseTo(equity / 100_000 - 1, 10);
    expect(stitched.time[0]).toBe(w[0].outOfSample.fromTime);
    expect(stitched.time[stitched.time.length - 1]).toBe(w[2].outOfSample.toTime);

    // Efficiency: mean OOS CAGR over mean IS CAGR (core walkForwardEfficiency), per window and overall.
    const expected = walkForwardEfficiency(w.map((x) => ({ inSampleAnnualised: x.inSamplePerformance!.cagr ?? NaN, outOfSampleAnnualised: x.outOfSamplePerformance!.cagr ?? NaN })));
    expect(run.efficiency ?? NaN).toBe(expected.overall);
    w.forEach((x, k) => expect(x.efficiency ?? NaN).toBe(expected.perWindow[k]));
    // Drift: the chosen values per window.
    const fast = run.drift.find((d) => d.name === 'fast')!;
    expect(fast.values).toEqual(w.map((x) => x.params!.fast));
    expect(fast.numeric).toBe(true);
    expect(run.drift.find((d) => d.name === 'mode')?.numeric).toBe(false);

    const progress = events.filter((m) => m.event === 'walkForward.progress').map((m) => m.payload as WalkForwardProgress);
    expect(progress.filter((p) => p.phase === 'tuning').map((p) => p.currentWindow)).toEqual([0, 1, 2]);
    expect(progress.at(-1)).toMatchObject({ status: 'completed', completedWindows: 3, phase: 'done' });
    expect((await backend.api.walkForward.list({})).map((r) => r.id)).toEqual([created.id]);
    // get() answers the same thing again from the store.
    expect(await backend.api.walkForward.get({ id: created.id })).toEqual(run);
  });

  it("tests the robust optimum of each window's parameters analysis with selection 'robust'", async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.walkForward.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      space: SPACE,
      sampler: 'random',
      trialsPerWindow: 30,
      workers: 1,
      seed: 5,
      config: { fill: 'close' },
      inSampleBars: 3000,
      outOfSampleBars: 1200,
      selection: 'robust',
    });
    const run = await backend.walkForward.wait(created.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.windows).toHaveLength(3);
    for (const w of run.windows) {
      const report = await backend.api.analysis.parameters({ id: w.studyId! });
      expect(w.params).toEqual({ ...report.robust.params, mode: 'long-flat' });
      expect(w.trialNumber).toBe(report.robust.trial);
    }
    expect(run.stitched!.bars).toBe(2550);
  });

  it('keeps the finished windows of a run cut short by closing the back end, and shows it interrupted when reopened', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.walkForward.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      space: SPACE,
      sampler: 'random',
      trialsPerWindow: 8,
      workers: 1,
      config: { fill: 'close' },
      inSampleBars: 1000,
      outOfSampleBars: 1000,
    });
    // Wait until the first window is done and the second one tunes, then close mid-run.
    await new Promise<void>((resolve) => {
      const off = backend.events.subscribe((m) => {
        if (m.event === 'walkForward.progress' && (m.payload as WalkForwardProgress).currentWindow === 1) {
          off();
          resolve();
        }
      });
    });
    const dataDir = backend.databasePath.replace(/\/holdout\.sqlite$/, '');
    await backend.close();
    const reopened = openBackend(dataDir);
    const run = await reopened.api.walkForward.get({ id: created.id });
    expect(run.status).toBe('interrupted');
    expect(run.windows[0].status).toBe('completed');
    expect(run.windows[0].params).not.toBeNull();
    expect(reopened.store.walkForwardWindowReturns(created.id, 0)?.length).toBe(1000);
    expect(run.windows[1].status).toBe('stopped');
    expect((await reopened.api.studies.get({ id: run.windows[1].studyId! })).summary.status).toBe('interrupted');
    expect(run.windows.slice(2).every((w) => w.status === 'pending')).toBe(true);
    expect(run.stitched).toBeNull();
  });

  it('tunes a study on a bar range only, and never serves one range from another range\'s cache', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const study = (fromBar: number, toBar: number) =>
      backend.api.studies
        .create({ datasetId: dataset.id, strategy: 'sma-crossover', space: SPACE, sampler: 'random', budget: { trials: 6 }, workers: 1, seed: 11, config: { fill: 'close' }, range: { fromBar, toBar } })
        .then((s) => backend.studies.wait(s.id))
        .then(async (s) => ({ summary: s, trials: await backend.api.studies.trials({ id: s.id }) }));
    const a = await study(0, 1500);
    const b = await study(1500, 3000);
    const again = await study(0, 1500);
    expect(b.trials.map((t) => t.params)).toEqual(a.trials.map((t) => t.params));
    expect(b.summary.counts.cached).toBe(0);
    expect(b.trials.map((t) => t.values)).not.toEqual(a.trials.map((t) => t.values));
    expect(again.summary.counts.cached).toBe(6);
    expect(again.trials.map((t) => t.values)).toEqual(a.trials.map((t) => t.values));
    // A trial's metrics are those of a backtest on the same range.
    const t = b.trials.find((x) => x.state === 'complete')!;
    const report = await backend.api.backtests.run({ datasetId: dataset.id, strategy: 'sma-crossover', params: t.params, config: { fill: 'close' }, range: { fromBar: 1500, toBar: 3000 } });
    expect(report.metrics.sharpe).toBeCloseTo(t.values![0], 10);
    await expectHoldoutError(
      backend.api.studies.create({ datasetId: dataset.id, strategy: 'sma-crossover', range: { fromBar: 5000, toBar: 6000 } }),
      { code: 'INVALID_REQUEST', field: 'range.toBar' },
    );
  });

  it('rejects windows that do not fit, naming the field, and stops a run on request', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const base = { datasetId: dataset.id, strategy: 'sma-crossover', space: SPACE, sampler: 'random' as const, workers: 1, config: { fill: 'close' as const } };
    await expectHoldoutError(backend.api.walkForward.create({ ...base, inSampleBars: 5000, outOfSampleBars: 1000, purgeBars: 5000 }), {
      code: 'INVALID_REQUEST',
      field: 'purgeBars',
    });
    await expectHoldoutError(backend.api.walkForward.create({ ...base, inSampleBars: 1000, outOfSampleBars: 500, stepBars: 500, embargoBars: 20 }), {
      code: 'INVALID_REQUEST',
      field: 'stepBars',
    });
    await expectHoldoutError(backend.api.walkForward.create({ ...base, inSampleBars: 6000, outOfSampleBars: 500 }), { code: 'INVALID_REQUEST', field: 'inSampleBars' });
    await expectHoldoutError(backend.api.walkForward.create({ ...base, space: { nope: { fixed: 1 } }, inSampleBars: 1000, outOfSampleBars: 500 }), {
      code: 'INVALID_REQUEST',
      field: 'space.nope',
    });
    expect(await backend.api.walkForward.list({})).toEqual([]);

    const created = await backend.api.walkForward.create({ ...base, trialsPerWindow: 100_000, inSampleBars: 1000, outOfSampleBars: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await backend.api.walkForward.stop({ id: created.id });
    const run = await backend.walkForward.wait(created.id);
    expect(run.status).toBe('stopped');
    expect(run.windows[0].status).toBe('stopped');
    expect(run.windows.slice(1).every((x) => x.status === 'pending' && x.studyId === null)).toBe(true);
    expect((await backend.api.studies.get({ id: run.windows[0].studyId! })).summary.status).toBe('stopped');
    expect(run.stitched).toBeNull();
  });
});
