// Tuning studies through the real back end: a study worker, a pool of two backtest workers sharing the bars,
// every trial committed to a real SQLite file, the result cache, failing trials, and progress events.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { reference } from '../helpers/paths';

const openBackend = useBackends();

const FLAKY = `
export default {
  name: 'flaky', label: 'Flaky', version: '1.0.0', description: 'Throws for n = 3, flat (NaN Sharpe) for n = 4.',
  params: [{ name: 'n', label: 'n', type: 'int', low: 1, high: 6, default: 2 }],
  targets(data, p) {
    if (p.n === 3) throw new Error('n = 3 is not supported');
    const out = new Float64Array(data.close.length);
    if (p.n === 4) return out;
    for (let t = p.n; t < out.length; t++) out[t] = data.close[t - 1] > data.close[t - 1 - p.n] ? 1 : 0;
    return out;
  },
};
`;

const SLOW = `
export default {
  name: 'slow', label: 'Slow', version: '1.0.0', description: 'Takes 40 ms a trial; never ends for n = 6.',
  params: [{ name: 'n', label: 'n', type: 'int', low: 1, high: 6, default: 2 }],
  targets(data, p) {
    const until = Date.now() + 40;
    while (p.n === 6 || Date.now() < until) { /* busy */ }
    const out = new Float64Array(data.close.length);
    for (let t = p.n; t < out.length; t++) out[t] = data.close[t - 1] > data.close[t - 1 - p.n] ? 1 : 0;
    return out;
  },
};
`;

describe('tuning studies through the back end', () => {
  it('runs a 30-trial TPE study with 2 workers, commits every trial and reports the best one', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const events: EventMessage[] = [];
    backend.events.subscribe((m) => events.push(m));
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'tpe',
      budget: { trials: 30 },
      workers: 2,
      seed: 7,
      config: { fill: 'close' },
    });
    expect(created.id).toMatch(/^st_/);
    const summary = await backend.studies.wait(created.id);
    expect(summary.status).toBe('completed');
    const trials = await backend.api.studies.trials({ id: created.id });
    expect(trials.map((t) => t.number)).toEqual([...Array(30).keys()]);
    expect(trials.every((t) => t.state !== 'running')).toBe(true);
    expect(summary.counts.complete + summary.counts.failed).toBe(30);
    const complete = trials.filter((t) => t.state === 'complete');
    const bestValue = Math.max(...complete.map((t) => t.values![0]));
    expect(summary.best[0].values[0]).toBe(bestValue);
    expect(complete.find((t) => t.number === summary.best[0].number)?.metrics?.sharpe).toBe(bestValue);
    expect(new Set(trials.filter((t) => !t.cached).map((t) => t.worker))).toEqual(new Set([0, 1]));
    for (const t of complete) expect(t.params.fast as number).toBeLessThan(t.params.slow as number);
    const detail = await backend.api.studies.get({ id: created.id });
    expect(detail.spec.inSampleBars).toBe(Math.floor(5550 * 0.7));
    expect(backend.store.trialReturns(created.id, complete[0].number)?.length).toBe(detail.spec.inSampleBars);
    const progress = events.filter((e) => e.event === 'study.progress');
    expect(progress.length).toBeGreaterThan(0);
    const streamed = events.filter((e) => e.event === 'study.trials').flatMap((e) => (e.payload as { trials: unknown[] }).trials);
    expect(streamed.length).toBe(30);
    expect((await backend.api.studies.list({})).map((s) => s.id)).toContain(created.id);
  });

  it('runs a short GP study', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'gp',
      space: { mode: { fixed: 'long-flat' } },
      budget: { trials: 14 },
      workers: 2,
      objectives: [{ metric: 'sharpe' }, { metric: 'max_drawdown' }],
    });
    const summary = await backend.studies.wait(created.id);
    expect(summary.status).toBe('completed');
    expect(summary.counts.complete).toBe(14);
    expect(summary.best.length).toBeGreaterThan(0);
    expect(summary.objectives[1].direction).toBe('maximize');
  });

  it('serves repeats from the cache and keeps going past failing trials', async () => {
    const backend = openBackend();
    writeFileSync(join(backend.databasePath, '..', 'strategies', 'flaky.ts'), FLAKY);
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({ datasetId: dataset.id, strategy: 'flaky', sampler: 'random', budget: { trials: 24 }, workers: 2, seed: 3 });
    const summary = await backend.studies.wait(created.id);
    expect(summary.status).toBe('completed');
    const trials = await backend.api.studies.trials({ id: created.id });
    expect(trials).toHaveLength(24);
    const threw = trials.find((t) => t.params.n === 3);
    expect(threw?.state).toBe('failed');
    expect(threw?.failReason).toMatch(/n = 3 is not supported/);
    const flat = trials.find((t) => t.params.n === 4);
    expect(flat?.state).toBe('failed');
    expect(flat?.failReason).toMatch(/NaN/);
    expect(summary.counts.cached).toBeGreaterThan(0);
    const cached = trials.filter((t) => t.cached);
    for (const c of cached) {
      const original = trials.find((t) => !t.cached && t.params.n === c.params.n && t.state === 'complete');
      if (original) expect(c.values).toEqual(original.values);
    }
  });

  it('pauses, resumes and stops a study, and stops a trial that runs past its time limit', async () => {
    const backend = openBackend();
    writeFileSync(join(backend.databasePath, '..', 'strategies', 'slow.ts'), SLOW);
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({ datasetId: dataset.id, strategy: 'slow', sampler: 'sobol', budget: { trials: 12 }, workers: 2, trialTimeLimitSec: 0.5 });
    await new Promise((r) => setTimeout(r, 300));
    await backend.api.studies.pause({ id: created.id });
    const paused = await backend.studies.wait(created.id);
    expect(paused.status).toBe('paused');
    expect(paused.counts.running).toBe(0);
    const pausedCount = paused.counts.complete + paused.counts.failed;
    expect(pausedCount).toBeLessThan(12);
    await backend.api.studies.resume({ id: created.id });
    const done = await backend.studies.wait(created.id);
    expect(done.status).toBe('completed');
    const trials = await backend.api.studies.trials({ id: created.id });
    expect(trials).toHaveLength(12);
    const hung = trials.filter((t) => t.params.n === 6);
    expect(hung.length).toBeGreaterThan(0);
    for (const t of hung) {
      expect(t.state).toBe('failed');
      expect(t.failReason).toMatch(/longer than 0\.5 s/);
    }
    expect(trials.filter((t) => t.state === 'complete').length).toBeGreaterThan(0);
    await expect(backend.api.studies.resume({ id: created.id })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const again = await backend.api.studies.create({ datasetId: dataset.id, strategy: 'slow', sampler: 'sobol', budget: { trials: 50 }, workers: 1, seed: 9 });
    await backend.api.studies.stop({ id: again.id });
    const stopped = await backend.studies.wait(again.id);
    expect(stopped.status).toBe('stopped');
    expect(stopped.counts.complete + stopped.counts.failed).toBeLessThan(50);
  });

  it('rejects a bad request naming the field', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    await expect(backend.api.studies.create({ datasetId: dataset.id, strategy: 'sma-crossover', space: { nope: { low: 1, high: 2 } } })).rejects.toMatchObject({
      location: { field: 'space.nope' },
    });
    await expect(backend.api.studies.create({ datasetId: dataset.id, strategy: 'sma-crossover', objectives: [{ metric: 'bogus' }] })).rejects.toMatchObject({
      location: { field: 'objectives.0.metric' },
    });
  });
});

describe('deterministic studies', () => {
  it('one worker and one seed give the same trials, and a paused and resumed study continues the same sequence', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const request = { datasetId: dataset.id, strategy: 'sma-crossover', sampler: 'tpe' as const, budget: { trials: 24 }, workers: 1, seed: 11 };
    const straight = await backend.api.studies.create(request);
    await backend.studies.wait(straight.id);
    const expected = (await backend.api.studies.trials({ id: straight.id })).map((t) => t.params);
    expect(expected).toHaveLength(24);

    const interrupted = await backend.api.studies.create(request);
    // Pause as soon as a few trials are in, then resume from what is stored.
    for (let i = 0; i < 200 && (await backend.api.studies.get({ id: interrupted.id })).summary.counts.complete < 5; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await backend.api.studies.pause({ id: interrupted.id });
    const paused = await backend.studies.wait(interrupted.id);
    expect(paused.status).toBe('paused');
    expect(paused.counts.complete).toBeLessThan(24);
    await backend.api.studies.resume({ id: interrupted.id });
    await backend.studies.wait(interrupted.id);
    const resumed = (await backend.api.studies.trials({ id: interrupted.id })).map((t) => t.params);
    expect(resumed).toEqual(expected);
  });
});
