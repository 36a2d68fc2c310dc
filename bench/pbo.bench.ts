// Probability of Backtest Overfitting by CSCV at the target size: N = 1,000 trials × T = 5,000 bars, S = 16 blocks
// (12,870 combinations), seeded normal returns, single-threaded. Run: node bench/run.js pbo
import { pbo } from '../src/core/analysis';
import { Rng } from '../src/core/random';

const trials = 1000;
const bars = 5000;
const rng = new Rng(20260101);
const matrix: Float64Array[] = [];
for (let n = 0; n < trials; n++) {
  const col = new Float64Array(bars);
  for (let t = 0; t < bars; t++) col[t] = 0.0002 + 0.01 * rng.normal();
  matrix.push(col);
}
const runs: number[] = [];
let last = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  last = pbo(matrix, { partitions: 16 }).pbo;
  runs.push((performance.now() - t0) / 1000);
}
runs.sort((a, b) => a - b);
console.log(`pbo N=${trials} T=${bars} S=16 (12,870 combinations): median ${runs[1].toFixed(3)} s, best ${runs[0].toFixed(3)} s (PBO ${last.toFixed(3)})`);
