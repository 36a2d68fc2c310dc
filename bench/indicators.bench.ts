// Throughput of the hot indicators (sma, ema, rsi, atr, bbands) on a 1e6-bar random walk, printed as ns/bar.
// Run: node bench/run.js indicators (or bundle it with node_modules/.bin/esbuild --bundle --platform=node and run with node).

import {
  atr,
  atrInto,
  bbands,
  bbandsInto,
  ema,
  emaInto,
  rsi,
  rsiInto,
  sma,
  smaInto,
} from '../src/core/indicators';

const BARS = 1_000_000;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 15;

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

const rnd = mulberry32(1);
const close = new Float64Array(BARS);
const high = new Float64Array(BARS);
const low = new Float64Array(BARS);
let p = 100;
for (let i = 0; i < BARS; i++) {
  p *= 1 + (rnd() - 0.5) * 0.02;
  close[i] = p;
  high[i] = p * (1 + rnd() * 0.01);
  low[i] = p * (1 - rnd() * 0.01);
}

const out = () => new Float64Array(BARS);
const o1 = out();
const bb = { middle: out(), upper: out(), lower: out(), pctB: out() };
const at = { trueRange: out(), atr: out() };

// Read a value from every result so the work cannot be optimised away.
let sink = 0;
const cases: [string, () => Float64Array][] = [
  ['sma(close, 20)', () => sma(close, 20)],
  ['smaInto(close, 20)', () => smaInto(close, 20, o1)],
  ['ema(close, 20)', () => ema(close, 20)],
  ['emaInto(close, 20)', () => emaInto(close, 20, o1)],
  ['rsi(close, 14)', () => rsi(close, 14)],
  ['rsiInto(close, 14)', () => rsiInto(close, 14, o1)],
  ['atr(h, l, c, 14)', () => atr(high, low, close, 14).atr],
  ['atrInto(h, l, c, 14)', () => atrInto(high, low, close, 14, at).atr],
  ['bbands(close, 20, 2)', () => bbands(close, 20, 2).pctB],
  ['bbandsInto(close, 20, 2)', () => bbandsInto(close, 20, 2, bb).pctB],
];

console.log(`indicators on ${BARS.toLocaleString('en-US')} bars, ${TIMED_RUNS} timed runs after ${WARMUP_RUNS} warm-up; node ${process.version}`);
console.log(`${'call'.padEnd(26)} ${'best ns/bar'.padStart(12)} ${'median ns/bar'.padStart(14)}`);
for (const [name, fn] of cases) {
  for (let r = 0; r < WARMUP_RUNS; r++) sink += fn()[BARS - 1];
  const times: number[] = [];
  for (let r = 0; r < TIMED_RUNS; r++) {
    const t0 = performance.now();
    const res = fn();
    const t1 = performance.now();
    sink += res[BARS - 1];
    times.push(((t1 - t0) * 1e6) / BARS);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(26)} ${times[0].toFixed(2).padStart(12)} ${median.toFixed(2).padStart(14)}`);
}
if (!Number.isFinite(sink)) console.log('(non-finite checksum)');
