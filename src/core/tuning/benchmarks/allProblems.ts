// The benchmark problems in the order the sample-efficiency bench reports them.
import { ackley5 } from './ackley';
import type { BenchmarkProblem } from './benchmarkProblem';
import { branin } from './branin';
import { hartmann6 } from './hartmann6';
import { rosenbrock4 } from './rosenbrock';

export const BENCHMARK_PROBLEMS: readonly BenchmarkProblem[] = Object.freeze([branin, hartmann6, rosenbrock4, ackley5]);
