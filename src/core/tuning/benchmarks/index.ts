// Benchmark functions with known minima (Branin, Hartmann-6, Rosenbrock-4, Ackley-5) and their search spaces,
// used by the sampler tests and bench/sampleEfficiency.bench.ts.
export { benchmarkSpace, evaluateParams, type BenchmarkProblem } from './benchmarkProblem';
export { branin } from './branin';
export { hartmann6 } from './hartmann6';
export { rosenbrock4 } from './rosenbrock';
export { ackley5 } from './ackley';
export { BENCHMARK_PROBLEMS } from './allProblems';
