// fANOVA first-order importances on a random-forest surrogate (Hutter, Hoos & Leyton-Brown 2014).
import { describe, expect, it } from 'vitest';
import { fanovaImportance, fitRegressionForest, fitStudySurrogate, predictTree } from '../../../../src/core/analysis';
import { treeShares } from '../../../../src/core/analysis/fanovaImportance';
import { Rng } from '../../../../src/core/random';
import { categoricalParam, createSearchSpace, floatParam } from '../../../../src/core/tuning/space';

function sample(n: number, d: number, f: (x: Float64Array) => number, seed: number) {
  const rng = new Rng(seed);
  const points = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.nextFloat()));
  return { points, values: Float64Array.from(points, f) };
}

describe('regression forest', () => {
  it('fits a step function exactly and predicts by its thresholds', () => {
    const { points, values } = sample(200, 2, (x) => (x[0] < 0.3 ? 1 : 5), 1);
    const [tree] = fitRegressionForest({ points, values, dims: 2, seed: 1, trees: 1, featureFraction: 1 });
    expect(tree.feature[0]).toBe(0);
    expect(predictTree(tree, [0.1, 0.9])).toBe(1);
    expect(predictTree(tree, [0.9, 0.1])).toBe(5);
  });

  it('names malformed input', () => {
    expect(() => fitRegressionForest({ points: [], values: new Float64Array(0), dims: 1, seed: 0 })).toThrow(/no points/);
    expect(() => fitRegressionForest({ points: [Float64Array.of(0.5)], values: Float64Array.of(NaN), dims: 1, seed: 0 })).toThrow(/value 0/);
    expect(() => fitRegressionForest({ points: [Float64Array.of(0.5, 1)], values: Float64Array.of(1), dims: 1, seed: 0 })).toThrow(/point 0 has 2/);
  });
});

describe('fanovaImportance', () => {
  it('gives a single-split tree the exact shares: all of the variance on its dimension', () => {
    // One split on x1 at 0.25, leaves 0 and 4: μ = 3, V = 0.25·9 + 0.75·1 = 3, V_1 = V.
    const tree = {
      feature: Int32Array.of(1, -1, -1),
      threshold: Float64Array.of(0.25, 0, 0),
      left: Int32Array.of(1, -1, -1),
      right: Int32Array.of(2, -1, -1),
      value: Float64Array.of(0, 0, 4),
    };
    const shares = treeShares(tree, 3)!;
    expect(Array.from(shares)).toEqual([0, 1, 0]);
  });

  it('computes an interaction-only tree as zero first-order importance (XOR on a 2×2 grid)', () => {
    // Split x0 at 0.5, then x1 at 0.5 on both sides with opposite signs: every marginal is flat.
    const tree = {
      feature: Int32Array.of(0, 1, 1, -1, -1, -1, -1),
      threshold: Float64Array.of(0.5, 0.5, 0.5, 0, 0, 0, 0),
      left: Int32Array.of(1, 3, 5, -1, -1, -1, -1),
      right: Int32Array.of(2, 4, 6, -1, -1, -1, -1),
      value: Float64Array.of(0, 0, 0, 1, -1, -1, 1),
    };
    const shares = treeShares(tree, 2)!;
    expect(shares[0]).toBeCloseTo(0, 14);
    expect(shares[1]).toBeCloseTo(0, 14);
  });

  it('gives ≈1 to the only dimension a function depends on', () => {
    const { points, values } = sample(400, 4, (x) => Math.sin(6 * x[0]), 2);
    const imp = fanovaImportance({ points, values, dims: 4, seed: 3 });
    expect(imp[0]).toBeGreaterThan(0.95);
    for (let j = 1; j < 4; j++) expect(imp[j]).toBeLessThan(0.02);
  });

  it('ranks y = x0 + 0.3·x1 (x2 irrelevant)', () => {
    const { points, values } = sample(400, 3, (x) => x[0] + 0.3 * x[1], 4);
    const imp = fanovaImportance({ points, values, dims: 3, seed: 5 });
    expect(imp[0]).toBeGreaterThan(imp[1]);
    expect(imp[1]).toBeGreaterThan(imp[2]);
    expect(imp[2]).toBeLessThan(0.02);
  });

  it('matches the analytic variance shares of an additive function within 0.05', () => {
    // y = x0 + 2·x1 + sin(2π·x2): Var = 1/12 + 4/12 + 1/2 = 11/12; shares 1/11, 4/11, 6/11.
    const { points, values } = sample(600, 3, (x) => x[0] + 2 * x[1] + Math.sin(2 * Math.PI * x[2]), 6);
    const imp = fanovaImportance({ points, values, dims: 3, seed: 7 });
    expect(Math.abs(imp[0] - 1 / 11)).toBeLessThan(0.05);
    expect(Math.abs(imp[1] - 4 / 11)).toBeLessThan(0.05);
    expect(Math.abs(imp[2] - 6 / 11)).toBeLessThan(0.05);
  });

  it('is seeded, zero for constant values, and rejects points outside the cube', () => {
    const { points, values } = sample(100, 2, (x) => x[0] * x[1], 8);
    expect(fanovaImportance({ points, values, dims: 2, seed: 1 })).toEqual(fanovaImportance({ points, values, dims: 2, seed: 1 }));
    expect(Array.from(fanovaImportance({ points, values: new Float64Array(100).fill(3), dims: 2, seed: 1 }))).toEqual([0, 0]);
    expect(() => fanovaImportance({ points: [Float64Array.of(1.5, 0)], values: Float64Array.of(1), dims: 2, seed: 1 })).toThrow(/point 0, coordinate 0/);
  });

  it('treats a categorical as one variable through the surrogate\'s per-parameter points', () => {
    const space = createSearchSpace([floatParam('x', 0, 1), categoricalParam('mode', ['a', 'b', 'c'])]);
    const rng = new Rng(9);
    const effect: Record<string, number> = { a: 0, b: 2, c: -1 };
    const trials = Array.from({ length: 150 }, () => {
      const params = space.codec.decode(Float64Array.of(rng.nextFloat(), rng.nextFloat(), rng.nextFloat(), rng.nextFloat()));
      return { params, value: effect[params.mode as string] + 0.05 * (params.x as number) };
    });
    const s = fitStudySurrogate({ space, trials, seed: 1 });
    expect(s.paramPoints[0].length).toBe(2);
    const imp = fanovaImportance({ points: s.paramPoints, values: Float64Array.from(trials, (t) => t.value), dims: 2, seed: 2 });
    // Analytic shares: Var(mode effect) = 14/9, Var(0.05·x) = 0.0025/12, so mode ≈ 0.99987 and x ≈ 0.00013.
    // (Summing the fANOVA shares of the three one-hot coordinates instead gives 0.963 here: they are not
    // independent uniform variables, so per-parameter points are the right input.)
    expect(imp[1]).toBeGreaterThan(0.99);
    expect(imp[0]).toBeLessThan(0.005);
  });
});
