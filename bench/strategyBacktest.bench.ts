// The backtest path a tuning trial takes, with the real built-in strategy: sma-crossover (10, 50) targets from the
// indicator cache (warm: the SMAs were computed by an earlier trial), simulate with fill at close and 1 bp
// commission, single thread. Reports bars/s with the cache warm and cold, then one full evaluation
// (targets + simulation + every metric) on ttrc.csv (5,550 bars) in microseconds, the 100 µs budget.
// Run: node bench/run.js strategyBacktest
import { readFileSync } from 'node:fs';
import {
  IndicatorCache,
  bpsCostModel,
  createBacktestBuffers,
  createStrategyContext,
  evaluateStrategy,
  getBuiltinStrategy,
  parseCsvBars,
  resolveBacktestSettings,
  runStrategy,
  simulate,
  type BarSeries,
} from '../src/core';

function randomWalk(n: number, seed: number): BarSeries {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const time = new Float64Array(n);
  const close = new Float64Array(n);
  let logPrice = Math.log(100);
  for (let i = 0; i < n; i++) {
    logPrice += (rnd() - 0.5) * 0.02;
    time[i] = i * 86_400_000;
    close[i] = Math.exp(logPrice);
  }
  return { length: n, time, close };
}

const strategy = getBuiltinStrategy('sma-crossover');
const params = { fast: 10, slow: 50, mode: 'long-short' };
const settings = resolveBacktestSettings({ fill: 'close', costModel: bpsCostModel({ commissionBps: 1 }) });

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

console.log('bars        cache  bars/s (targets+simulate, best of runs)');
for (const n of [100_000, 1_000_000, 10_000_000]) {
  const bars = randomWalk(n, 7);
  const warm = new IndicatorCache({ capacityBytes: 2 ** 31 });
  const context = createStrategyContext({ datasetKey: `walk-${n}`, periodsPerYear: 252, indicators: warm });
  runStrategy(strategy, bars, params, context); // warms the cache
  const runs = n >= 10_000_000 ? 5 : 15;
  // Output buffers reused across runs, as a tuning worker does.
  const buffers = createBacktestBuffers(n);
  const warmMs = best(runs, () => simulate({ bars, targets: runStrategy(strategy, bars, params, context), settings, buffers }));
  const coldMs = best(Math.min(runs, 5), () => {
    const cold = createStrategyContext({ datasetKey: `walk-${n}`, periodsPerYear: 252, indicators: new IndicatorCache({ capacityBytes: 0 }) });
    simulate({ bars, targets: runStrategy(strategy, bars, params, cold), settings, buffers });
  });
  console.log(`${n.toExponential(0).padEnd(10)}  warm   ${Math.round(n / (warmMs / 1000)).toLocaleString('en-US')}`);
  console.log(`${''.padEnd(10)}  cold   ${Math.round(n / (coldMs / 1000)).toLocaleString('en-US')}`);
}

const text = readFileSync(new URL('../shared/reference/ttrc.csv', `file://${process.cwd()}/`));
const { series } = parseCsvBars(new Uint8Array(text), { fileName: 'ttrc.csv' });
const context = createStrategyContext({ datasetKey: 'ttrc', periodsPerYear: 252, indicators: new IndicatorCache() });
// What a tuning worker does: output buffers and scratch reused across trials.
const buffers = createBacktestBuffers(series.length);
const metricScratch = new Float64Array(series.length);
const exposureBuffer = new Float64Array(series.length);
const evaluate = () =>
  evaluateStrategy({ strategy, bars: series, params, settings: { fill: 'close', costModel: bpsCostModel({ commissionBps: 1 }) }, context, buffers, metricScratch, exposureBuffer });
for (let i = 0; i < 500; i++) evaluate();
const samples: number[] = [];
for (let i = 0; i < 3000; i++) {
  const t0 = performance.now();
  evaluate();
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const us = (q: number) => (samples[Math.floor(q * (samples.length - 1))] * 1000).toFixed(1);
console.log(`ttrc.csv (${series.length} bars), full evaluation (targets from warm cache + simulate + all metrics): median ${us(0.5)} µs, p10 ${us(0.1)} µs, p90 ${us(0.9)} µs`);
