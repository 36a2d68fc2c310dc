// Chart decimation of a 10-million-bar series to 2,000 buckets (what the dataset chart asks the worker for on
// every zoom): candles from OHLC and min-max pairs from close-only data. Run: node bench/run.js decimate
import { decimateForChart, type BarSeries } from '../src/core';

const n = 10_000_000;
const time = new Float64Array(n);
const price = new Float64Array(n);
let p = 100;
for (let i = 0; i < n; i++) {
  time[i] = i * 60_000;
  p += (((i * 2654435761) >>> 0) / 4294967296 - 0.5) * 0.01;
  price[i] = p;
}
const candles: BarSeries = { length: n, time, open: price, high: price, low: price, close: price };
const line: BarSeries = { length: n, time, close: price };
for (const [label, series] of [['OHLC candles', candles], ['close-only min-max', line]] as const) {
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    decimateForChart(series, { maxPoints: 2000 });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(20)} 1e7 bars -> 2,000 buckets: median ${runs[3].toFixed(1)} ms, best ${runs[0].toFixed(1)} ms`);
}
