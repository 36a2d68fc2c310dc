// A test function for optimisers as code: its box, its known minimum and where it lies, so tests and
// bench/sampleEfficiency.bench.ts can measure how close a sampler gets. Parameters are named x0, x1, ...
import { floatParam } from '../space/floatParam';
import { SearchSpace } from '../space/searchSpace';
import type { ParamValues } from '../../strategies/paramSpec';

export interface BenchmarkProblem {
  readonly name: string;
  /** Inclusive bounds per coordinate. */
  readonly bounds: readonly (readonly [number, number])[];
  /** The global minimum value (to the digits the reference gives). */
  readonly minimum: number;
  /** The points where the minimum is attained. */
  readonly minimizers: readonly (readonly number[])[];
  evaluate(x: readonly number[]): number;
}

/** The float search space of a problem's box (x0, x1, ...). */
export function benchmarkSpace(problem: BenchmarkProblem): SearchSpace {
  return new SearchSpace(problem.bounds.map(([low, high], i) => floatParam(`x${i}`, low, high)));
}

/** The problem's value at a study's parameter set (x0, x1, ...). */
export function evaluateParams(problem: BenchmarkProblem, params: ParamValues): number {
  return problem.evaluate(problem.bounds.map((_, i) => params[`x${i}`] as number));
}
