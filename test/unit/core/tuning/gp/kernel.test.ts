import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import {
  kernel,
  kernelGradientLogLengthscales,
  kernelGradientX,
  kernelMatrix,
  kernelVector,
  kernelVectorWithGradient,
  matern52,
} from '../../../../../src/core/tuning/gp/kernel';
import type { KernelParameters } from '../../../../../src/core/tuning/gp/kernel';

/** Matérn-5/2 written out from Rasmussen & Williams eq. 4.17 with ν = 5/2, independently of kernel.ts. */
function plainMatern(x: number[], xp: number[], lengthscales: number[], variance: number): number {
  let r2 = 0;
  for (let k = 0; k < x.length; k++) r2 += ((x[k] - xp[k]) / lengthscales[k]) ** 2;
  const r = Math.sqrt(r2);
  return variance * (1 + Math.sqrt(5) * r + (5 / 3) * r * r) * Math.exp(-Math.sqrt(5) * r);
}

function params(lengthscales: number[], signalVariance: number): KernelParameters {
  return { inverseSquaredLengthscales: Float64Array.from(lengthscales, (l) => 1 / (l * l)), signalVariance };
}

describe('Matérn-5/2 ARD kernel', () => {
  it('matches the closed form, hand-checked at r = 0 and r² = 0.17', () => {
    expect(matern52(0)).toBe(1);
    // x = (0.1, 0.4), x' = (0.3, 0.2), ℓ = (0.5, 2): r² = (0.2/0.5)² + (0.2/2)² = 0.16 + 0.01 = 0.17.
    const r = Math.sqrt(0.17);
    const expected = 1.7 * (1 + Math.sqrt(5) * r + (5 / 3) * 0.17) * Math.exp(-Math.sqrt(5) * r);
    const value = kernel(Float64Array.of(0.1, 0.4), Float64Array.of(0.3, 0.2), params([0.5, 2], 1.7));
    expect(value).toBeCloseTo(expected, 15);
    expect(value).toBeCloseTo(plainMatern([0.1, 0.4], [0.3, 0.2], [0.5, 2], 1.7), 15);
    // By hand: r = 0.41231, (1 + 0.92195 + 0.28333)·exp(−0.92195) = 2.20528·0.39773 = 0.87711; × 1.7 = 1.49109.
    expect(value).toBeCloseTo(1.49109, 4);
  });

  it('kernelMatrix is symmetric with σ_f² on the diagonal and kernelVector agrees with it', () => {
    const rng = new Rng(3);
    const n = 7;
    const d = 3;
    const X = Float64Array.from({ length: n * d }, () => rng.nextFloat());
    const p = params([0.3, 0.9, 2], 0.8);
    const K = kernelMatrix(X, n, p);
    for (let i = 0; i < n; i++) {
      expect(K[i * n + i]).toBe(0.8);
      const row = kernelVector(X, n, X.subarray(i * d, i * d + d), p, new Float64Array(n));
      for (let j = 0; j < n; j++) {
        expect(K[i * n + j]).toBe(K[j * n + i]);
        expect(row[j]).toBeCloseTo(K[j * n + i], 14);
        const xi = Array.from(X.subarray(i * d, i * d + d));
        const xj = Array.from(X.subarray(j * d, j * d + d));
        expect(K[i * n + j]).toBeCloseTo(plainMatern(xi, xj, [0.3, 0.9, 2], 0.8), 14);
      }
    }
  });

  it('∂k/∂log ℓ matches central finite differences', () => {
    const rng = new Rng(11);
    const h = 1e-6;
    for (let trial = 0; trial < 20; trial++) {
      const x = Float64Array.from({ length: 3 }, () => rng.nextFloat());
      const xp = Float64Array.from({ length: 3 }, () => rng.nextFloat());
      const logL = [Math.log(0.1 + rng.nextFloat()), Math.log(0.1 + rng.nextFloat()), Math.log(0.1 + 2 * rng.nextFloat())];
      const s2 = 0.5 + rng.nextFloat();
      const grad = kernelGradientLogLengthscales(x, xp, params(logL.map(Math.exp), s2));
      for (let k = 0; k < 3; k++) {
        const up = logL.map((v, j) => (j === k ? v + h : v));
        const down = logL.map((v, j) => (j === k ? v - h : v));
        const fd = (kernel(x, xp, params(up.map(Math.exp), s2)) - kernel(x, xp, params(down.map(Math.exp), s2))) / (2 * h);
        expect(Math.abs(grad[k] - fd)).toBeLessThan(1e-7 + 1e-6 * Math.abs(fd));
      }
    }
  });

  it('∂k/∂x matches central finite differences, and kernelVectorWithGradient agrees', () => {
    const rng = new Rng(12);
    const h = 1e-6;
    const p = params([0.2, 0.7, 1.5], 1.3);
    const n = 5;
    const X = Float64Array.from({ length: n * 3 }, () => rng.nextFloat());
    const x = Float64Array.from({ length: 3 }, () => rng.nextFloat());
    const kv = new Float64Array(n);
    const dk = new Float64Array(n * 3);
    kernelVectorWithGradient(X, n, x, p, kv, dk);
    for (let i = 0; i < n; i++) {
      const xi = X.subarray(i * 3, i * 3 + 3);
      expect(kv[i]).toBeCloseTo(kernel(x, xi, p), 14);
      const grad = kernelGradientX(x, xi, p);
      for (let k = 0; k < 3; k++) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[k] += h;
        down[k] -= h;
        const fd = (kernel(up, xi, p) - kernel(down, xi, p)) / (2 * h);
        expect(Math.abs(grad[k] - fd)).toBeLessThan(1e-7);
        expect(dk[i * 3 + k]).toBeCloseTo(grad[k], 14);
      }
    }
  });
});
