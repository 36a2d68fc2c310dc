// Latency of one GP suggestion (fit + condition + acquisition optimisation) in 6 dimensions with 50, 200, 500 and
// 1000 observations of the Hartmann-6 function at random points, printed as the median ms per suggestion.
// "cold" fits the hyperparameters from scratch (default + 3 prior draws); "warm" passes the previous suggestion's
// model as warmStart (warm start + default), as the GP sampler can from one trial to the next; "batch" proposes 4
// points by the Kriging believer. Targets: < 30 ms at 200 observations, < 300 ms at 1000. Past 500 observations the
// posterior uses a subsample (best quarter + random), past 64 the hyperparameter fit does.
// Wall-clock ms are printed with the process CPU ms in brackets: when other jobs share the two cores, wall time
// inflates (up to 3× seen) while CPU time stays close to the idle-machine figure.
// Run: node bench/run.js gpLatency

import { Rng } from '../src/core/random';
import { suggestGp, suggestGpBatch } from '../src/core/tuning/gp';
import type { GpModelSummary, GpSuggestOptions } from '../src/core/tuning/gp';
import { DEFAULT_MAX_FIT_OBSERVATIONS } from '../src/core/tuning/gp/fitGaussianProcess';
import { hartmann6 as hartmann6Problem } from '../src/core/tuning/benchmarks';

const D = 6;
const SIZES = [50, 200, 500, 1000];
const WARMUP_RUNS = 2;
const TIMED_RUNS = 9;

// Hartmann-6 (Dixon & Szegő 1978) from the benchmark problems, on [0,1]^6.
function hartmann6(x: Float64Array): number {
  return hartmann6Problem.evaluate(Array.from(x));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function dataset(n: number, seed: number): { X: Float64Array[]; y: Float64Array } {
  const rng = new Rng(seed);
  const X = Array.from({ length: n }, () => Float64Array.from({ length: D }, () => rng.nextFloat()));
  return { X, y: Float64Array.from(X, hartmann6) };
}

/** Wall-clock and process CPU milliseconds of fn (CPU time is the fairer number when other jobs share the cores). */
function time(fn: () => void): [number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, (cpu.user + cpu.system) / 1000];
}

const both = (samples: [number, number][]) =>
  `${median(samples.map((s) => s[0])).toFixed(1)} (${median(samples.map((s) => s[1])).toFixed(1)})`;

const rows: string[][] = [['observations', 'cold ms (cpu)', 'warm ms (cpu)', 'batch q=4 warm ms (cpu)', 'conditioned on', 'fitted on', 'ℓ (warm)']];
let sink = 0;
for (const n of SIZES) {
  const { X, y } = dataset(n, n);
  const cold: [number, number][] = [];
  const warm: [number, number][] = [];
  const batch: [number, number][] = [];
  let previous: GpModelSummary | undefined;
  let used = 0;
  for (let run = 0; run < WARMUP_RUNS + TIMED_RUNS; run++) {
    const rng = new Rng(1000 + run);
    let model: GpModelSummary | undefined;
    const tc = time(() => {
      const r = suggestGp({ X, y, rng });
      model = r.model;
      sink += r.x[0];
    });
    const warmOptions: GpSuggestOptions = { warmStart: previous ?? model };
    const tw = time(() => {
      const r = suggestGp({ X, y, rng, options: warmOptions });
      previous = r.model;
      used = r.model.observationsUsed;
      sink += r.x[0];
    });
    const tb = time(() => {
      sink += suggestGpBatch({ X, y, rng, options: warmOptions }, 4).length;
    });
    if (run >= WARMUP_RUNS) {
      cold.push(tc);
      warm.push(tw);
      batch.push(tb);
    }
  }
  rows.push([
    String(n),
    both(cold),
    both(warm),
    both(batch),
    String(used),
    String(Math.min(used, DEFAULT_MAX_FIT_OBSERVATIONS)),
    Array.from(previous!.lengthscales, (l) => l.toFixed(2)).join(' '),
  ]);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
console.log(`median of ${TIMED_RUNS} runs, ${D} dimensions, wall ms with process CPU ms in brackets; checksum ${sink.toFixed(3)}`);
