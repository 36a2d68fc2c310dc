// While a study runs, the WAL is checkpointed in the study worker (not on commit, whose fsync stalled the main
// thread) and caught up on the main thread, so it still starts over: it stays bounded however long the study.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBackends } from '../helpers/backend';
import { reference } from '../helpers/paths';

const openBackend = useBackends();

describe('WAL during a study', () => {
  it('stays bounded while a 2000-trial study writes about 31 MB of returns', async () => {
    const backend = openBackend();
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: reference('ttrc.csv') } });
    const wal = `${backend.databasePath}-wal`;
    let largest = 0;
    const timer = setInterval(() => (largest = Math.max(largest, statSync(wal).size)), 50);
    const created = await backend.api.studies.create({ datasetId: dataset.id, strategy: 'sma-crossover', sampler: 'random', budget: { trials: 2000 }, workers: 2, seed: 2 });
    const summary = await backend.studies.wait(created.id);
    clearInterval(timer);
    largest = Math.max(largest, statSync(wal).size);
    expect(summary.status, summary.error ?? '').toBe('completed');
    expect(summary.counts.complete + summary.counts.failed).toBe(2000);
    const returnsBytes = 2000 * 4 * (backend.store.trialReturns(created.id, summary.best[0].number)?.length ?? 0);
    expect(returnsBytes).toBeGreaterThan(25e6);
    // Never checkpointed, the WAL would hold every returns blob; checkpointed, only what came since the last one.
    expect(largest).toBeLessThan(returnsBytes / 2);
  });
});
