import { determinant, inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import { GaussianProcess, MarginalLikelihood } from '../../../../../src/core/tuning/gp/gaussianProcess';
import { fitGaussianProcess } from '../../../../../src/core/tuning/gp/index';

/** Matérn-5/2 ARD written out plainly (Rasmussen & Williams eq. 4.17), independent of kernel.ts. */
function k52(a: number[], b: number[], ls: number[], s2: number): number {
  let r2 = 0;
  for (let i = 0; i < a.length; i++) r2 += ((a[i] - b[i]) / ls[i]) ** 2;
  const r = Math.sqrt(r2);
  return s2 * (1 + Math.sqrt(5) * r + (5 / 3) * r2) * Math.exp(-Math.sqrt(5) * r);
}

/**
 * The textbook GP posterior (R&W eqs. 2.23–2.24 with a constant mean equal to the sample mean of y), by an explicit
 * matrix inverse: mean = ȳ + k*ᵀ (K + σ_n² I)⁻¹ (y − ȳ), variance = k(x*, x*) − k*ᵀ (K + σ_n² I)⁻¹ k*.
 */
function naivePosterior(X: number[][], y: number[], ls: number[], s2: number, noise: number, xs: number[]) {
  const n = X.length;
  const K = new Matrix(X.map((a, i) => X.map((b, j) => k52(a, b, ls, s2) + (i === j ? noise : 0))));
  const Kinv = inverse(K);
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const resid = Matrix.columnVector(y.map((v) => v - ybar));
  const kstar = Matrix.columnVector(X.map((a) => k52(a, xs, ls, s2)));
  const mean = ybar + kstar.transpose().mmul(Kinv).mmul(resid).get(0, 0);
  const variance = s2 - kstar.transpose().mmul(Kinv).mmul(kstar).get(0, 0);
  return { mean, variance };
}

const X1 = [[0.05], [0.3], [0.5], [0.72], [0.95]];
const Y1 = [1.2, -0.3, 0.4, 2.0, -1.1];
const X2 = [
  [0.1, 0.2],
  [0.8, 0.3],
  [0.4, 0.9],
  [0.55, 0.5],
  [0.25, 0.65],
];
const Y2 = [3.0, 1.0, -2.0, 0.5, 4.0];

describe('GP posterior with fixed hyperparameters', () => {
  const cases = [
    { name: '1-D', X: X1, y: Y1, ls: [0.25], s2: 1.5, noise: 0.01, tests: [[0], [0.3], [0.41], [0.6], [1]] },
    { name: '2-D ARD', X: X2, y: Y2, ls: [0.3, 0.8], s2: 4.2, noise: 0.05, tests: [[0.1, 0.2], [0.5, 0.5], [0.9, 0.9], [0, 1], [0.33, 0.71]] },
  ];
  for (const c of cases) {
    it(`matches the explicit-inverse formula to 1e-9 (${c.name})`, () => {
      const gp = fitGaussianProcess(
        c.X.map((r) => Float64Array.from(r)),
        Float64Array.from(c.y),
        { fixedHyperparameters: { lengthscales: Float64Array.from(c.ls), signalVariance: c.s2, noiseVariance: c.noise } },
      );
      const batch = gp.predictBatch(c.tests.map((t) => Float64Array.from(t)));
      c.tests.forEach((t, i) => {
        const expected = naivePosterior(c.X, c.y, c.ls, c.s2, c.noise, t);
        const p = gp.predict(Float64Array.from(t));
        expect(Math.abs(p.mean - expected.mean)).toBeLessThan(1e-9);
        expect(Math.abs(p.variance - expected.variance)).toBeLessThan(1e-9);
        expect(Math.abs(batch.mean[i] - expected.mean)).toBeLessThan(1e-9);
        expect(Math.abs(batch.variance[i] - expected.variance)).toBeLessThan(1e-9);
      });
      // The summary reports the hyperparameters it was given, in original units.
      expect(gp.summary.signalVariance).toBeCloseTo(c.s2, 12);
      expect(gp.summary.noiseVariance).toBeCloseTo(c.noise, 12);
      expect(gp.summary.observationsUsed).toBe(c.X.length);
    });
  }

  it('the 1-D posterior mean near an observation is close to it and the variance is small (sanity of the reference)', () => {
    const p = naivePosterior(X1, Y1, [0.25], 1.5, 0.01, [0.3]);
    expect(p.mean).toBeCloseTo(-0.3, 1);
    expect(p.variance).toBeLessThan(0.02);
  });

  it('the log marginal likelihood equals −½ yᵀK⁻¹y − ½ log|K| − n/2 log 2π on standardised y', () => {
    const gp = fitGaussianProcess(X2.map((r) => Float64Array.from(r)), Float64Array.from(Y2), {
      fixedHyperparameters: { lengthscales: Float64Array.of(0.3, 0.8), signalVariance: 4.2, noiseVariance: 0.05 },
    });
    const { yMean, yStd } = gp.summary;
    const ys = Y2.map((v) => (v - yMean) / yStd);
    const scale = yStd * yStd;
    const K = new Matrix(X2.map((a, i) => X2.map((b, j) => (k52(a, b, [0.3, 0.8], 4.2) + (i === j ? 0.05 : 0)) / scale)));
    const yv = Matrix.columnVector(ys);
    const quad = yv.transpose().mmul(inverse(K)).mmul(yv).get(0, 0);
    const expected = -0.5 * quad - 0.5 * Math.log(determinant(K)) - (X2.length / 2) * Math.log(2 * Math.PI);
    expect(gp.logMarginalLikelihood).toBeCloseTo(expected, 9);
  });

  it('constant outputs (std 0) are handled: yStd = 1 and the mean is the constant', () => {
    const gp = fitGaussianProcess([Float64Array.of(0.1), Float64Array.of(0.7)], Float64Array.of(5, 5), { rng: new Rng(1) });
    expect(gp.summary.yStd).toBe(1);
    expect(gp.predict(Float64Array.of(0.4)).mean).toBeCloseTo(5, 9);
  });
});

describe('GaussianProcess internals', () => {
  const rng = new Rng(5);
  const n = 9;
  const d = 3;
  const X = Float64Array.from({ length: n * d }, () => rng.nextFloat());
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const theta = Float64Array.of(Math.log(0.4), Math.log(0.7), Math.log(1.3), Math.log(1.2), Math.log(0.02));

  it('log-marginal-likelihood gradient matches central finite differences (with and without the prior)', () => {
    const mll = new MarginalLikelihood(X, y, d);
    const h = 1e-5;
    for (const withPrior of [false, true]) {
      const f = (t: Float64Array, g?: Float64Array) => (withPrior ? mll.evaluatePosterior(t, g) : mll.evaluate(t, g));
      const grad = new Float64Array(d + 2);
      f(theta, grad);
      for (let j = 0; j < d + 2; j++) {
        const up = Float64Array.from(theta);
        const down = Float64Array.from(theta);
        up[j] += h;
        down[j] -= h;
        const fd = (f(up) - f(down)) / (2 * h);
        expect(Math.abs(grad[j] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
      expect(grad.some((g) => Math.abs(g) > 1e-3)).toBe(true); // a real gradient, not zeros
    }
  });

  it('MarginalLikelihood.evaluate agrees with the conditioned GP', () => {
    const mll = new MarginalLikelihood(X, y, d);
    expect(mll.evaluate(theta)).toBeCloseTo(GaussianProcess.condition(X, y, d, theta).logMarginalLikelihood(), 10);
  });

  it('posterior gradients in x match finite differences', () => {
    const gp = GaussianProcess.condition(X, y, d, theta);
    const x = Float64Array.of(0.31, 0.62, 0.18);
    const gm = new Float64Array(d);
    const gv = new Float64Array(d);
    const p = gp.predictWithGradient(x, gm, gv);
    const plain = gp.predict(x);
    expect(p.mean).toBeCloseTo(plain.mean, 12);
    expect(p.variance).toBeCloseTo(plain.variance, 12);
    const h = 1e-6;
    for (let j = 0; j < d; j++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[j] += h;
      down[j] -= h;
      const a = gp.predict(up);
      const b = gp.predict(down);
      expect(Math.abs(gm[j] - (a.mean - b.mean) / (2 * h))).toBeLessThan(1e-6);
      expect(Math.abs(gv[j] - (a.variance - b.variance) / (2 * h))).toBeLessThan(1e-6);
    }
  });

  it('withObservation (rank-one Cholesky extension) equals conditioning from scratch', () => {
    const base = GaussianProcess.condition(X.subarray(0, (n - 1) * d), y.subarray(0, n - 1), d, theta);
    const grown = base.withObservation(X.subarray((n - 1) * d), y[n - 1]);
    const full = GaussianProcess.condition(X, y, d, theta);
    for (let i = 0; i < n * n; i++) {
      const r = Math.floor(i / n);
      if (i % n <= r) expect(grown.L[i]).toBeCloseTo(full.L[i], 12);
    }
    const x = Float64Array.of(0.5, 0.5, 0.5);
    expect(grown.predict(x).mean).toBeCloseTo(full.predict(x).mean, 12);
    expect(grown.predict(x).variance).toBeCloseTo(full.predict(x).variance, 12);
  });

  it('a fantasy observation at the posterior mean leaves the mean unchanged and shrinks the variance there', () => {
    const lowNoise = Float64Array.from(theta);
    lowNoise[d + 1] = Math.log(1e-6);
    const gp = GaussianProcess.condition(X, y, d, lowNoise);
    const x = Float64Array.of(0.9, 0.1, 0.5);
    const before = gp.predict(x);
    const after = gp.withObservation(x, before.mean);
    const probe = Float64Array.of(0.2, 0.8, 0.4);
    expect(after.predict(probe).mean).toBeCloseTo(gp.predict(probe).mean, 10);
    expect(before.variance).toBeGreaterThan(1e-3);
    expect(after.predict(x).variance).toBeLessThan(1e-5);
  });

  it('predictMany equals predict, including a partial block of four', () => {
    const gp = GaussianProcess.condition(X, y, d, theta);
    const count = 7;
    const xs = Float64Array.from({ length: count * d }, () => rng.nextFloat());
    const mean = new Float64Array(count);
    const variance = new Float64Array(count);
    gp.predictMany(xs, count, mean, variance);
    for (let i = 0; i < count; i++) {
      const p = gp.predict(xs.subarray(i * d, (i + 1) * d));
      expect(mean[i]).toBeCloseTo(p.mean, 12);
      expect(variance[i]).toBeCloseTo(p.variance, 12);
    }
  });
});
