// The benchmark functions at their published minimisers (Surjanovic & Bingham's Virtual Library of
// Simulation Experiments) and at a few other points worked out by hand.
import { describe, expect, it } from 'vitest';
import { ackley5, benchmarkSpace, BENCHMARK_PROBLEMS, branin, evaluateParams, hartmann6, rosenbrock4 } from '../../../../../src/core/tuning/index';

describe('benchmark problems', () => {
  it('reach their published minimum at every published minimiser', () => {
    for (const problem of BENCHMARK_PROBLEMS) {
      for (const x of problem.minimizers) expect(problem.evaluate(x), problem.name).toBeCloseTo(problem.minimum, 5);
    }
    expect(branin.minimum).toBe(0.397887);
    expect(hartmann6.minimum).toBe(-3.32237);
  });

  it('are larger away from the minimum', () => {
    // Branin at (0, 0): (−6)² + 10(1 − 1/(8π))·1 + 10 = 36 + 20 − 10/(8π).
    expect(branin.evaluate([0, 0])).toBeCloseTo(56 - 10 / (8 * Math.PI), 12);
    // Rosenbrock at the origin: three terms of (0 − 1)² = 3.
    expect(rosenbrock4.evaluate([0, 0, 0, 0])).toBe(3);
    // Ackley at (1, 0, 0, 0, 0): −20·exp(−0.2·sqrt(1/5)) − exp((cos 2π + 4)/5) + 20 + e = 20(1 − exp(−0.2/√5)).
    expect(ackley5.evaluate([1, 0, 0, 0, 0])).toBeCloseTo(20 * (1 - Math.exp(-0.2 / Math.sqrt(5))), 12);
    expect(hartmann6.evaluate([0.5, 0.5, 0.5, 0.5, 0.5, 0.5])).toBeGreaterThan(-3.32237);
  });

  it('come with their search box as a float space named x0, x1, ...', () => {
    const space = benchmarkSpace(branin);
    expect(space.params.map((p) => [p.name, p.type === 'float' && [p.low, p.high]])).toEqual([
      ['x0', [-5, 10]],
      ['x1', [0, 15]],
    ]);
    expect(evaluateParams(branin, { x0: Math.PI, x1: 2.275 })).toBeCloseTo(0.397887, 6);
    expect(benchmarkSpace(ackley5).params).toHaveLength(5);
  });
});
