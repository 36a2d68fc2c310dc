// A strategy's constraints are honoured by the sampler, for user strategies (a predicate in the user's file,
// loaded by the study worker) and built-ins, with some parameters fixed: no trial breaks one, so none fails for it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackends } from '../helpers/backend';
import { fixturesDir, reference } from '../helpers/paths';

const openBackend = useBackends();
const RULE = 'slow >= ratio * fast';

function withSpacedCrossover() {
  const backend = openBackend();
  const folder = join(backend.databasePath, '..', 'strategies');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(fixturesDir, 'strategies', 'spaced-crossover.ts'), join(folder, 'spaced-crossover.ts'));
  return backend;
}

describe('strategy constraints in the sampler', () => {
  const cases: { sampler: 'random' | 'tpe'; space: Record<string, { fixed: number }>; trials: number }[] = [
    { sampler: 'random', space: {}, trials: 60 },
    { sampler: 'tpe', space: { ratio: { fixed: 3 } }, trials: 40 },
  ];
  it.each(cases)("never sends a point breaking a user strategy's predicate to a backtest ($sampler, fixed $space)", async ({ sampler, space, trials: budget }) => {
    const backend = withSpacedCrossover();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({ datasetId: dataset.id, strategy: 'spaced-crossover', sampler, space, budget: { trials: budget }, workers: 2, seed: 11 });
    const summary = await backend.studies.wait(created.id);
    expect(summary.status, summary.error ?? '').toBe('completed');
    const trials = await backend.api.studies.trials({ id: created.id });
    expect(trials).toHaveLength(budget);
    const fixed = space.ratio?.fixed;
    for (const t of trials) {
      const { fast, slow } = t.params as { fast: number; slow: number };
      const ratio = fixed ?? (t.params.ratio as number);
      expect(slow, `trial ${t.number}: ${JSON.stringify(t.params)}`).toBeGreaterThanOrEqual(ratio * fast);
      expect(t.failReason ?? '').not.toContain(RULE);
    }
    expect(summary.counts.complete).toBe(budget);
    // The rule rules out most of the box: the sampler covered the feasible part, not one corner of it.
    expect(new Set(trials.map((t) => t.params.fast)).size).toBeGreaterThan(budget / 4);
  });

  it("applies a built-in's constraint when one of its parameters is fixed, and refuses a space it leaves empty", async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'sobol',
      space: { slow: { fixed: 20 } },
      budget: { trials: 40 },
      workers: 2,
      seed: 5,
    });
    const summary = await backend.studies.wait(created.id);
    expect(summary.status, summary.error ?? '').toBe('completed');
    const trials = await backend.api.studies.trials({ id: created.id });
    for (const t of trials) expect(t.params.fast as number).toBeLessThan(20);
    expect(summary.counts.failed).toBe(0);
    await expect(
      backend.api.studies.create({ datasetId: dataset.id, strategy: 'sma-crossover', space: { fast: { low: 30, high: 60 }, slow: { fixed: 20 } } }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', location: { field: 'space' } });
  });
});
