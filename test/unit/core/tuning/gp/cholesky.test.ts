import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import {
  choleskyInPlace,
  choleskyWithJitter,
  inverseFromCholesky,
  solveCholesky,
} from '../../../../../src/core/tuning/gp/cholesky';
import { fitGaussianProcess } from '../../../../../src/core/tuning/gp/index';

function randomSpd(n: number, rng: Rng): Float64Array {
  const B = new Matrix(Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal())));
  const A = B.mmul(B.transpose()).add(Matrix.eye(n, n));
  return Float64Array.from(A.to1DArray());
}

describe('Cholesky', () => {
  for (const n of [1, 2, 5, 8, 13]) {
    it(`factorises, inverts and solves a random ${n}×${n} SPD matrix like ml-matrix`, () => {
      const rng = new Rng(n);
      const A = randomSpd(n, rng);
      const L = Float64Array.from(A);
      expect(choleskyInPlace(L, n)).toBe(true);
      const reference = new CholeskyDecomposition(new Matrix(Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, i * n + n))))).lowerTriangularMatrix;
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(L[i * n + j]).toBeCloseTo(reference.get(i, j), 12);
      const inv = inverseFromCholesky(L, n, new Float64Array(n * n), new Float64Array(n * n));
      const refInv = inverse(new Matrix(Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, i * n + n)))));
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(inv[i * n + j]).toBeCloseTo(refInv.get(i, j), 10);
      const b = Float64Array.from({ length: n }, () => rng.normal());
      const x = solveCholesky(L, n, b, new Float64Array(n));
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
        expect(s).toBeCloseTo(b[i], 10);
      }
    });
  }

  it('reports failure for an indefinite matrix', () => {
    const A = Float64Array.of(1, 2, 2, 1); // eigenvalues 3 and −1
    expect(choleskyInPlace(Float64Array.from(A), 2)).toBe(false);
  });

  it('recovers a singular matrix (duplicate points) by jitter-and-retry', () => {
    // Three identical points: the kernel matrix is all ones, rank 1.
    const A = new Float64Array(9).fill(1);
    expect(choleskyInPlace(Float64Array.from(A), 3)).toBe(false);
    const { factor, jitter } = choleskyWithJitter(A, 3);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-6);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k <= j; k++) s += factor[i * 3 + k] * factor[j * 3 + k];
        expect(s).toBeCloseTo(A[i * 3 + j] + (i === j ? jitter : 0), 12);
      }
    }
  });

  it('throws only when even large jitter cannot help (NaN entries)', () => {
    expect(() => choleskyWithJitter(Float64Array.of(1, NaN, NaN, 1), 2)).toThrow(RangeError);
  });

  it('a GP on duplicate points with zero noise does not throw and predicts sensibly', () => {
    const X = [0.2, 0.2, 0.2, 0.6, 0.6, 0.9].map((v) => Float64Array.of(v, 0.5));
    const y = Float64Array.of(1, 1, 1, 2, 2, 0);
    const gp = fitGaussianProcess(X, y, { fixedHyperparameters: { lengthscales: Float64Array.of(0.3, 0.3), signalVariance: 1, noiseVariance: 0 } });
    const p = gp.predict(Float64Array.of(0.6, 0.5));
    expect(p.mean).toBeCloseTo(2, 4);
    expect(p.variance).toBeGreaterThanOrEqual(0);
    expect(p.variance).toBeLessThan(1e-4);
    expect(Number.isFinite(gp.logMarginalLikelihood)).toBe(true);
  });

  it('fitting hyperparameters on heavily duplicated, conflicting data does not throw', () => {
    const X: Float64Array[] = [];
    const y: number[] = [];
    for (let c = 0; c < 10; c++) {
      for (const v of [0.1, 0.5, 0.9]) {
        X.push(Float64Array.of(v));
        y.push(v * v + (c % 2 ? 1e-9 : 0));
      }
    }
    const gp = fitGaussianProcess(X, Float64Array.from(y), { rng: new Rng(1) });
    const p = gp.predict(Float64Array.of(0.5));
    expect(p.mean).toBeCloseTo(0.25, 3);
    expect(Number.isFinite(p.variance)).toBe(true);
  });
});
