// Rosenbrock in 4-D on [−5, 10]^4: f(x) = Σ_{i<d−1} 100(x_{i+1} − x_i²)² + (x_i − 1)²; minimum 0 at (1, 1, 1, 1).
// Reference: Surjanovic & Bingham, Virtual Library of Simulation Experiments, https://www.sfu.ca/~ssurjano/rosen.html
import type { BenchmarkProblem } from './benchmarkProblem';

const D = 4;

export const rosenbrock4: BenchmarkProblem = Object.freeze({
  name: 'rosenbrock4',
  bounds: Array.from({ length: D }, () => [-5, 10] as const),
  minimum: 0,
  minimizers: [new Array<number>(D).fill(1)],
  evaluate(x: readonly number[]): number {
    let f = 0;
    for (let i = 0; i < D - 1; i++) f += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (x[i] - 1) ** 2;
    return f;
  },
});
