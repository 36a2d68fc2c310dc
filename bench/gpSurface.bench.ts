// The contour view's cost: fit the study surrogate (GP on 500 trials of a 6-D study: hyperparameters fitted on 64,
// posterior conditioned on all 500) and evaluate the posterior on a 100×100 grid over two parameters, timed
// separately. The grid's mean is exact at every point; its sd is exact on a 34×34 grid and bilinearly interpolated
// (posteriorSurface.ts); the "exact sd" row computes the sd at all 10 000 points for comparison. Aim: grid < 300 ms.
// For the parameters report on the same study: partial dependence of one parameter (40 points, 100 background
// trials, sd over 16), the robust optimum (500 trials + 256 Sobol candidates, 64 GP points per box) and fANOVA
// (64 trees on the 500 trials).
// Wall-clock ms with process CPU ms in brackets (other jobs on the two cores inflate wall time, not CPU time).
// Run: node bench/run.js gpSurface

import { fanovaImportance, fitStudySurrogate, partialDependence, posteriorSurface, robustOptimum } from '../src/core/analysis';
import { Rng } from '../src/core/random';
import { hartmann6 } from '../src/core/tuning/benchmarks';
import { createSearchSpace, floatParam, intParam } from '../src/core/tuning/space';

const TRIALS = 500;
const RESOLUTION = 100;
const RUNS = 5;

const space = createSearchSpace([
  floatParam('a', 0, 1),
  floatParam('b', 0.001, 1, { log: true }),
  intParam('c', 0, 100),
  floatParam('d', 0, 1),
  floatParam('e', 0, 1, { step: 0.01 }),
  intParam('f', 1, 1000, { log: true }),
]);
const rng = new Rng(7);
const trials = Array.from({ length: TRIALS }, () => {
  const u = Float64Array.from({ length: 6 }, () => rng.nextFloat());
  const params = space.codec.decode(u);
  return { params, value: -hartmann6.evaluate(Array.from(space.codec.encode(params))) + 0.05 * rng.normal() };
});

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): [number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, (cpu.user + cpu.system) / 1000];
}
const fmt = (xs: [number, number][]) => `${median(xs.map((x) => x[0])).toFixed(1)} (${median(xs.map((x) => x[1])).toFixed(1)})`;

const fit: [number, number][] = [];
const grid: [number, number][] = [];
const exact: [number, number][] = [];
const pd: [number, number][] = [];
const robust: [number, number][] = [];
const fanova: [number, number][] = [];
let sink = 0;
let maxSdError = 0;
let meanSd = 0;
for (let run = 0; run < RUNS + 1; run++) {
  let surrogate = fitStudySurrogate({ space, trials, seed: run });
  const tf = time(() => (surrogate = fitStudySurrogate({ space, trials, seed: run })));
  const fixed = trials[0].params;
  let fast = posteriorSurface(surrogate, { x: 'a', y: 'b', resolution: RESOLUTION, fixed });
  const tg = time(() => (fast = posteriorSurface(surrogate, { x: 'a', y: 'b', resolution: RESOLUTION, fixed })));
  let full = fast;
  const te = time(() => (full = posteriorSurface(surrogate, { x: 'a', y: 'b', resolution: RESOLUTION, fixed, sdResolution: RESOLUTION })));
  sink += fast.mean[0] + full.sd[0];
  const tp = time(() => (sink += partialDependence(surrogate, 'c', { seed: run }).mean[0]));
  const tr = time(() => (sink += robustOptimum(surrogate, { trials, direction: 'maximize', neighbourhood: 0.1, seed: run }).neighbourhoodValue));
  const values = Float64Array.from(trials, (t) => t.value);
  const ta = time(() => (sink += fanovaImportance({ points: surrogate.paramPoints, values, dims: 6, seed: run })[0]));
  if (run > 0) {
    fit.push(tf);
    grid.push(tg);
    exact.push(te);
    pd.push(tp);
    robust.push(tr);
    fanova.push(ta);
  }
  for (let k = 0; k < fast.sd.length; k++) {
    maxSdError = Math.max(maxSdError, Math.abs(fast.sd[k] - full.sd[k]));
    meanSd += full.sd[k] / fast.sd.length / (RUNS + 1);
  }
}
console.log(`${TRIALS} trials, 6-D, ${RESOLUTION}×${RESOLUTION} grid, median of ${RUNS} runs, wall ms (cpu ms)`);
console.log(`fit surrogate                          ${fmt(fit)}`);
console.log(`grid: exact mean, 34×34 sd interp.     ${fmt(grid)}`);
console.log(`grid: exact mean, exact sd             ${fmt(exact)}`);
console.log(`partial dependence, one parameter      ${fmt(pd)}`);
console.log(`robust optimum                         ${fmt(robust)}`);
console.log(`fANOVA, 64 trees                       ${fmt(fanova)}`);
console.log(`sd interpolation: max abs error ${maxSdError.toPrecision(3)} against a mean sd of ${meanSd.toPrecision(3)}; checksum ${sink.toFixed(3)}`);
