// Study throughput through the real back end (built workers in out/main, a real SQLite file): a 1000-trial
// sma-crossover study on ttrc.csv (in-sample 70%, fill at close) with the random sampler, so the sampler does not
// dominate and the numbers measure the coordination (ask/tell in the study worker, backtests in the pool, one
// SQLite commit per trial on the main thread). Run with 1 and with 2 backtest workers: wall time, trials/s,
// speed-up, and the main thread's event-loop delay p99 during the study (perf_hooks.monitorEventLoopDelay).
// Wall-clock numbers on a shared machine are noisy, so each setting runs HOLDOUT_BENCH_REPEAT times (default 3)
// and the bench also reports the main thread's busy time per trial (performance.eventLoopUtilization: time the
// event loop spent running code, which is the main thread's own cost, whatever the other threads do).
// Each run uses a fresh data folder, so the result cache starts empty. Run: node bench/run.js studyThroughput
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBackend } from '../src/backend';

const root = process.cwd();

/**
 * CPU time of the main thread alone, in ms (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms), or NaN.
 * Unlike event-loop busy time it leaves out time the thread was runnable but not running, which on a machine
 * shared with other builds is most of the noise.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
const TRIALS = Number(process.env.HOLDOUT_BENCH_TRIALS ?? 1000);

async function run(workers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'holdout-bench-study-'));
  const backend = createBackend({ dataDir, mode: 'cli', version: '0.0.0-bench', workerDir: resolve(root, 'out/main'), resourcesDir: resolve(root, 'resources') });
  try {
    const { dataset } = await backend.api.datasets.import({ source: { kind: 'path', path: resolve(root, '../shared/reference/ttrc.csv') } });
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const mainCpu0 = mainThreadCpuMs();
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
    const elu = performance.eventLoopUtilization(elu0);
    const cpu = process.cpuUsage(cpu0);
    const mainCpuMs = mainThreadCpuMs() - mainCpu0;
    histogram.disable();
    const done = summary.counts.complete + summary.counts.failed;
    return {
      workers,
      wallMs,
      trialsPerSec: done / (wallMs / 1000),
      done,
      cached: summary.counts.cached,
      p99Ms: histogram.percentile(99) / 1e6,
      maxMs: histogram.max / 1e6,
      mainMsPerTrial: elu.active / done,
      mainCpuMsPerTrial: mainCpuMs / done,
      utilisation: elu.utilization,
      // Every thread of the process (main, study worker, backtest workers): how many cores the study kept busy.
      cores: (cpu.user + cpu.system) / 1000 / wallMs,
      processMsPerTrial: (cpu.user + cpu.system) / 1000 / done,
    };
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const settings = (process.env.HOLDOUT_BENCH_WORKERS ?? '1,2').split(',').map(Number);
const repeat = Number(process.env.HOLDOUT_BENCH_REPEAT ?? 3);
type Result = Awaited<ReturnType<typeof run>>;
const results: Result[] = [];
// Interleaved (1, 2, 1, 2...) so a burst of load from other processes does not land on one setting only.
for (let i = 0; i < repeat; i++) for (const workers of settings) results.push(await run(workers));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const medianWall = (workers: number) => median(results.filter((r) => r.workers === workers).map((r) => r.wallMs));
const base = medianWall(settings[0]);
console.log(`${TRIALS}-trial sma-crossover study on ttrc.csv (random sampler), ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`);
console.log('workers  wall s   trials/s  speed-up  trials  cached  loop p99 ms  loop max ms  main ms/trial  main busy  main cpu ms/trial  cpu ms/trial  cores');
const line = (r: Result) =>
  `${String(r.workers).padStart(7)}  ${(r.wallMs / 1000).toFixed(2).padStart(6)}  ${r.trialsPerSec.toFixed(0).padStart(8)}  ${(base / r.wallMs).toFixed(2).padStart(8)}  ${String(r.done).padStart(6)}  ${String(r.cached).padStart(6)}  ${r.p99Ms.toFixed(2).padStart(11)}  ${r.maxMs.toFixed(2).padStart(11)}  ${r.mainMsPerTrial.toFixed(3).padStart(13)}  ${(100 * r.utilisation).toFixed(0).padStart(8)}%  ${r.mainCpuMsPerTrial.toFixed(3).padStart(17)}  ${r.processMsPerTrial.toFixed(3).padStart(12)}  ${r.cores.toFixed(2).padStart(5)}`;
for (const r of results) console.log(line(r));
console.log(`median of ${repeat}:`);
for (const workers of settings) {
  const of = results.filter((r) => r.workers === workers);
  const wallMs = medianWall(workers);
  console.log(
    `${String(workers).padStart(7)}  ${(wallMs / 1000).toFixed(2).padStart(6)}  ${(TRIALS / (wallMs / 1000)).toFixed(0).padStart(8)}  ${(base / wallMs).toFixed(2).padStart(8)}  ${''.padStart(14)}  ${median(of.map((r) => r.p99Ms)).toFixed(2).padStart(11)}  ${median(of.map((r) => r.maxMs)).toFixed(2).padStart(11)}  ${median(of.map((r) => r.mainMsPerTrial)).toFixed(3).padStart(13)}  ${(100 * median(of.map((r) => r.utilisation))).toFixed(0).padStart(8)}%  ${median(of.map((r) => r.mainCpuMsPerTrial)).toFixed(3).padStart(17)}  ${median(of.map((r) => r.processMsPerTrial)).toFixed(3).padStart(12)}  ${median(of.map((r) => r.cores)).toFixed(2).padStart(5)}`,
  );
}
