import { describe, expect, it } from 'vitest';
import { minimizeBox } from '../../../../../src/core/tuning/gp/boxLbfgs';

describe('projected L-BFGS', () => {
  it('minimises the Rosenbrock function from (−1.2, 1)', () => {
    const f = (x: Float64Array, g: Float64Array) => {
      const a = 1 - x[0];
      const b = x[1] - x[0] * x[0];
      g[0] = -2 * a - 400 * x[0] * b;
      g[1] = 200 * b;
      return a * a + 100 * b * b;
    };
    const r = minimizeBox(f, Float64Array.of(-1.2, 1), Float64Array.of(-5, -5), Float64Array.of(5, 5), {
      maxIterations: 500,
      maxStep: 1,
      gradientTolerance: 1e-10,
      relativeTolerance: 0,
    });
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('stops on the bound when the unconstrained minimum is outside the box', () => {
    // min (x − 2)² + (y + 0.5)² on [0,1]²: the projection of (2, −0.5), i.e. (1, 0).
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = 2 * (x[0] - 2);
      g[1] = 2 * (x[1] + 0.5);
      return (x[0] - 2) ** 2 + (x[1] + 0.5) ** 2;
    };
    const r = minimizeBox(f, Float64Array.of(0.3, 0.7), Float64Array.of(0, 0), Float64Array.of(1, 1), { maxIterations: 50, maxStep: 0.2 });
    expect(r.x[0]).toBe(1);
    expect(r.x[1]).toBe(0);
    expect(r.value).toBeCloseTo(1 + 0.25, 12);
  });

  it('backs off from non-finite trial points', () => {
    // f = x² − log(x) on [0, 10]: −log(0) = +Infinity at the bound; minimum at x = 1/√2.
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = 2 * x[0] - 1 / x[0];
      return x[0] * x[0] - Math.log(x[0]);
    };
    const r = minimizeBox(f, Float64Array.of(3), Float64Array.of(0), Float64Array.of(10), { maxIterations: 100, maxStep: 5, gradientTolerance: 1e-10 });
    expect(r.x[0]).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
