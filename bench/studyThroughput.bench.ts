// Study throughput through the real back end (built workers in out/main, a real SQLite file): a 1000-trial
// sma-crossover study on ttrc.csv (in-sample 70%, fill at close) with the random sampler, so the sampler does not
// dominate and the numbers measure the coordination (ask/tell in the study worker, backtests in the pool, one
// SQLite commit per trial on the main thread). Run with 1 and with 2 backtest workers: wall time, trials/s,
// speed-up, and the main thread's event-loop delay p99 during the study (perf_hooks.monitorEventLoopDelay).
// Each run uses a fresh data folder, so the result cache starts empty. Run: node bench/run.js studyThroughput
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackend } from '../src/backend';

const root = process.cwd();
const TRIALS = 1000;

async function run(workers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'holdout-bench-study-'));
  const backend = createBackend({ dataDir, mode: 'cli', version: '0.0.0-bench', workerDir: resolve(root, 'out/main'), resourcesDir: resolve(root, 'resources') });
  try {
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: resolve(root, '../shared/reference/ttrc.csv') } });
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const t0 = performance.now();
    const created = await backend.api.studies.create({
      datasetId: dataset.id,
      strategy: 'sma-crossover',
      sampler: 'random',
      budget: { trials: TRIALS },
      workers,
      seed: 1,
      config: { fill: 'close', commissionBps: 1 },
    });
    const summary = await backend.studies.wait(created.id);
    const wallMs = performance.now() - t0;
    histogram.disable();
    const done = summary.counts.complete + summary.counts.failed;
    return { workers, wallMs, trialsPerSec: done / (wallMs / 1000), done, cached: summary.counts.cached, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const workers of (process.env.HOLDOUT_BENCH_WORKERS ?? "1,2").split(",").map(Number)) results.push(await run(workers));
const base = results[0].wallMs;
console.log(`${TRIALS}-trial sma-crossover study on ttrc.csv (random sampler), ${availableParallelism()} CPUs`);
console.log('workers  wall s   trials/s  speed-up  trials  cached  loop p99 ms  loop max ms');
for (const r of results) {
  console.log(
    `${String(r.workers).padStart(7)}  ${(r.wallMs / 1000).toFixed(2).padStart(6)}  ${r.trialsPerSec.toFixed(0).padStart(8)}  ${(base / r.wallMs).toFixed(2).padStart(8)}  ${String(r.done).padStart(6)}  ${String(r.cached).padStart(6)}  ${r.p99Ms.toFixed(2).padStart(11)}  ${r.maxMs.toFixed(2).padStart(11)}`,
  );
}
