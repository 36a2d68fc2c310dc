// Throughput of the backtest engine: SMA(10, 50) crossover targets on seeded random walks of 1e5, 1e6 and 1e7 bars,
// fill at close, 1 bp commission, all-in, single thread, as bars per second with the indicators included and with
// targets precomputed; then one full backtest on TTR's ttrc series (5,550 bars) in microseconds.
// Run: node bench/run.js backtest

import { readFileSync } from 'node:fs';
import type { BarSeries } from '../src/core/data/bars';
import { smaInto } from '../src/core/indicators';
import {
  bpsCostModel,
  createBacktestBuffers,
  resolveBacktestSettings,
  simulate,
  type BacktestBuffers,
  type BacktestSettings,
} from '../src/core/backtest';

const SIZES = [100_000, 1_000_000, 10_000_000];
const DAY_MS = 86_400_000;

/** Seeded generator so runs are comparable across machines and commits. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random walk in log price (uniform steps of +-1 %, no drift): a multiplicative walk p *= 1 + u drifts down by
 * sigma^2 / 2 a step and reaches 1e-70 within 1e7 bars, where the running-sum SMA loses all precision.
 */
function randomWalk(n: number, seed: number): BarSeries {
  const rnd = mulberry32(seed);
  const time = new Float64Array(n);
  const close = new Float64Array(n);
  let logPrice = Math.log(100);
  for (let i = 0; i < n; i++) {
    logPrice += (rnd() - 0.5) * 0.02;
    time[i] = i * DAY_MS;
    close[i] = Math.exp(logPrice);
  }
  return { length: n, time, close };
}

interface Scratch {
  fast: Float64Array;
  slow: Float64Array;
}

/** +1 while SMA(10) > SMA(50), -1 below, NaN (no opinion) during warm-up; SMAs go into reused scratch arrays. */
function crossoverTargets(close: Float64Array, out: Float64Array, scratch: Scratch): Float64Array {
  const fast = smaInto(close, 10, scratch.fast);
  const slow = smaInto(close, 50, scratch.slow);
  for (let i = 0; i < close.length; i++) {
    const f = fast[i];
    const s = slow[i];
    out[i] = f !== f || s !== s ? NaN : f > s ? 1 : -1;
  }
  return out;
}

function best(times: number[]): number {
  return Math.min(...times);
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
let sink = 0;

const settings: BacktestSettings = resolveBacktestSettings({ fill: 'close', costModel: bpsCostModel({ commissionBps: 1 }) });
console.log(`backtest: SMA(10, 50) crossover (+1 / -1), fill at close, 1 bp commission, all-in, single thread; node ${process.version}`);
console.log('best of several runs; "precomputed" reuses buffers, "no buffers" allocates the outputs each run,');
console.log('"incl. SMAs" computes both SMAs (smaInto, reused scratch) and the targets in every timed run');
console.log(
  `${'bars'.padStart(12)} ${'trades'.padStart(8)} ${'precomputed bars/s'.padStart(20)} ${'ns/bar'.padStart(7)} ${'no buffers bars/s'.padStart(19)} ${'incl. SMAs bars/s'.padStart(19)}`,
);
for (const n of SIZES) {
  const bars = randomWalk(n, 7);
  const scratch: Scratch = { fast: new Float64Array(n), slow: new Float64Array(n) };
  const targets = crossoverTargets(bars.close, new Float64Array(n), scratch);
  const buffers: BacktestBuffers = createBacktestBuffers(n);
  const runs = n >= 10_000_000 ? 7 : n >= 1_000_000 ? 25 : 200;
  const warmup = Math.max(3, Math.floor(runs / 3));
  for (let r = 0; r < warmup; r++) sink += simulate({ bars, targets, settings, buffers }).totals.finalEquity;

  const precomputed: number[] = [];
  let trades = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = simulate({ bars, targets, settings, buffers });
    precomputed.push(performance.now() - t0);
    sink += res.totals.finalEquity;
    trades = res.totals.tradeCount;
  }
  const allocating: number[] = [];
  for (let r = 0; r < Math.min(runs, 10); r++) {
    const t0 = performance.now();
    sink += simulate({ bars, targets, settings }).totals.finalEquity;
    allocating.push(performance.now() - t0);
  }
  const withIndicators: number[] = [];
  const targetScratch = new Float64Array(n);
  for (let r = 0; r < Math.min(runs, 10); r++) {
    const t0 = performance.now();
    const tg = crossoverTargets(bars.close, targetScratch, scratch);
    sink += simulate({ bars, targets: tg, settings, buffers }).totals.finalEquity;
    withIndicators.push(performance.now() - t0);
  }
  const rate = (ms: number): number => (n / ms) * 1000;
  console.log(
    `${fmt(n).padStart(12)} ${fmt(trades).padStart(8)} ${fmt(rate(best(precomputed))).padStart(20)} ${((best(precomputed) * 1e6) / n).toFixed(2).padStart(7)} ${fmt(rate(best(allocating))).padStart(19)} ${fmt(rate(best(withIndicators))).padStart(19)}`,
  );
}

// TTR's ttrc: synthetic daily OHLCV, 5,550 bars (see /work/shared/reference/README.md).
function loadTtrc(path: string): BarSeries {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const cols = { time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n) };
  lines.forEach((line, i) => {
    const [date, o, h, l, c] = line.split(',');
    cols.time[i] = Date.parse(`${date}T00:00:00Z`);
    cols.open[i] = Number(o);
    cols.high[i] = Number(h);
    cols.low[i] = Number(l);
    cols.close[i] = Number(c);
  });
  return { length: n, ...cols };
}

const ttrc = loadTtrc('/work/shared/reference/ttrc.csv');
const ttrcTargets = crossoverTargets(ttrc.close, new Float64Array(ttrc.length), {
  fast: new Float64Array(ttrc.length),
  slow: new Float64Array(ttrc.length),
});
const ttrcBuffers = createBacktestBuffers(ttrc.length);
const cases: [string, BacktestSettings][] = [
  ['next open, 1 bp (fast loop)', resolveBacktestSettings({ costModel: bpsCostModel({ commissionBps: 1 }) })],
  ['close, 1 bp (fast loop)', settings],
  [
    'next open, 1 bp + 2 bp slip + borrow, 5% stop, 10% target, 8% trailing (general loop)',
    resolveBacktestSettings({
      costModel: bpsCostModel({ commissionBps: 1, slippageBps: 2, borrowRateAnnual: 0.03 }),
      stopLossPct: 5,
      takeProfitPct: 10,
      trailingStopPct: 8,
    }),
  ],
];
console.log(`\nttrc.csv, ${ttrc.length} bars, SMA(10, 50) crossover targets precomputed, median of 2000 runs after 500 warm-up`);
for (const [label, s] of cases) {
  for (let r = 0; r < 500; r++) sink += simulate({ bars: ttrc, targets: ttrcTargets, settings: s, buffers: ttrcBuffers }).totals.finalEquity;
  const times: number[] = [];
  let trades = 0;
  for (let r = 0; r < 2000; r++) {
    const t0 = performance.now();
    const res = simulate({ bars: ttrc, targets: ttrcTargets, settings: s, buffers: ttrcBuffers });
    times.push((performance.now() - t0) * 1000);
    sink += res.totals.finalEquity;
    trades = res.totals.tradeCount;
  }
  console.log(`  ${label}: median ${median(times).toFixed(1)} µs, best ${best(times).toFixed(1)} µs, ${trades} trades`);
}
if (!Number.isFinite(sink)) console.log('(non-finite checksum)');
