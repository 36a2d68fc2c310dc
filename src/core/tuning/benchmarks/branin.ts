// Branin–Hoo, 2-D: f(x) = a(x2 − b·x1² + c·x1 − r)² + s(1 − t)cos(x1) + s with a = 1, b = 5.1/(4π²), c = 5/π,
// r = 6, s = 10, t = 1/(8π), on x1 ∈ [−5, 10], x2 ∈ [0, 15]; minimum 0.397887 at (−π, 12.275), (π, 2.275) and
// (9.42478, 2.475). Reference: S. Surjanovic & D. Bingham, Virtual Library of Simulation Experiments,
// https://www.sfu.ca/~ssurjano/branin.html
import type { BenchmarkProblem } from './benchmarkProblem';

const B = 5.1 / (4 * Math.PI * Math.PI);
const C = 5 / Math.PI;
const T = 1 / (8 * Math.PI);

export const branin: BenchmarkProblem = Object.freeze({
  name: 'branin',
  bounds: [
    [-5, 10],
    [0, 15],
  ] as const,
  minimum: 0.397887,
  minimizers: [
    [-Math.PI, 12.275],
    [Math.PI, 2.275],
    [9.42478, 2.475],
  ],
  evaluate(x: readonly number[]): number {
    const [x1, x2] = x;
    const q = x2 - B * x1 * x1 + C * x1 - 6;
    return q * q + 10 * (1 - T) * Math.cos(x1) + 10;
  },
});
