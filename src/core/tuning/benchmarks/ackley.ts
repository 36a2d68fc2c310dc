// Ackley in 5-D on [−32.768, 32.768]^5: f(x) = −a·exp(−b·sqrt(mean x_i²)) − exp(mean cos(c·x_i)) + a + e with
// a = 20, b = 0.2, c = 2π; minimum 0 at the origin. Reference: Surjanovic & Bingham, Virtual Library of
// Simulation Experiments, https://www.sfu.ca/~ssurjano/ackley.html
import type { BenchmarkProblem } from './benchmarkProblem';

const D = 5;

export const ackley5: BenchmarkProblem = Object.freeze({
  name: 'ackley5',
  bounds: Array.from({ length: D }, () => [-32.768, 32.768] as const),
  minimum: 0,
  minimizers: [new Array<number>(D).fill(0)],
  evaluate(x: readonly number[]): number {
    let squares = 0;
    let cosines = 0;
    for (let i = 0; i < D; i++) {
      squares += x[i] * x[i];
      cosines += Math.cos(2 * Math.PI * x[i]);
    }
    // max(0, ·) because at the origin rounding leaves −4e−16 instead of the exact minimum 0.
    return Math.max(0, -20 * Math.exp(-0.2 * Math.sqrt(squares / D)) - Math.exp(cosines / D) + 20 + Math.E);
  },
});
