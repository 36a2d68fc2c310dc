import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import { fitHyperparameters } from '../../../../../src/core/tuning/gp/fitHyperparameters';
import { MarginalLikelihood } from '../../../../../src/core/tuning/gp/gaussianProcess';
import { defaultTheta } from '../../../../../src/core/tuning/gp/hyperparameters';
import { fitGaussianProcess } from '../../../../../src/core/tuning/gp/index';

function sinData(n: number, seed: number) {
  const rng = new Rng(seed);
  const X = Array.from({ length: n }, () => Float64Array.of(rng.nextFloat(), rng.nextFloat()));
  return { X, y: Float64Array.from(X, (x) => Math.sin(6 * x[0])) };
}

describe('hyperparameter fit (MAP, Rasmussen & Williams ch. 5)', () => {
  it('recovers an irrelevant dimension: f = sin(6·x0), x1 unused → ℓ1 ≫ ℓ0', () => {
    const { X, y } = sinData(40, 1);
    const gp = fitGaussianProcess(X, y, { rng: new Rng(2) });
    const [l0, l1] = gp.summary.lengthscales;
    expect(l1).toBeGreaterThan(5 * l0);
    expect(l0).toBeGreaterThan(0.1);
    expect(l0).toBeLessThan(1);
    // Noise-free data: the fitted noise is small relative to the signal.
    expect(gp.summary.noiseVariance).toBeLessThan(1e-3 * gp.summary.signalVariance);
    // And the model predicts the function between the data.
    for (const x0 of [0.3, 0.5, 0.85]) expect(gp.predict(Float64Array.of(x0, 0.37)).mean).toBeCloseTo(Math.sin(6 * x0), 2);
  });

  it('the relevant dimension is detected whichever axis it is on', () => {
    const { X } = sinData(40, 3);
    const y = Float64Array.from(X, (x) => Math.sin(6 * x[1]));
    const [l0, l1] = fitGaussianProcess(X, y, { rng: new Rng(4) }).summary.lengthscales;
    expect(l0).toBeGreaterThan(5 * l1);
  });

  it('improves on every starting point: the result beats the default start and each restart', () => {
    const { X, y } = sinData(25, 5);
    const flat = new Float64Array(50);
    X.forEach((x, i) => flat.set(x, 2 * i));
    let mean = 0;
    y.forEach((v) => (mean += v / y.length));
    let sd = 0;
    y.forEach((v) => (sd += (v - mean) ** 2 / y.length));
    const ys = y.map((v) => (v - mean) / Math.sqrt(sd));
    const fit = fitHyperparameters(flat, ys, 2, { restarts: 4, maxIterations: 50, screenIterations: 5, rng: new Rng(6) });
    const mll = new MarginalLikelihood(flat, ys, 2);
    expect(fit.logPosterior).toBeCloseTo(mll.evaluatePosterior(fit.theta), 9);
    expect(fit.logPosterior).toBeGreaterThan(mll.evaluatePosterior(defaultTheta(2)) + 1);
    // A single start from the default cannot do better than the multi-start search.
    const single = fitHyperparameters(flat, ys, 2, { restarts: 1, maxIterations: 50, screenIterations: 5 });
    expect(fit.logPosterior).toBeGreaterThanOrEqual(single.logPosterior - 1e-6);
  });

  it('is deterministic for equal inputs and rng state, also without an rng', () => {
    const { X, y } = sinData(30, 7);
    const a = fitGaussianProcess(X, y, { rng: new Rng(8) });
    const b = fitGaussianProcess(X, y, { rng: new Rng(8) });
    expect(Array.from(a.summary.lengthscales)).toEqual(Array.from(b.summary.lengthscales));
    expect(a.summary.noiseVariance).toBe(b.summary.noiseVariance);
    const c = fitGaussianProcess(X, y);
    const e = fitGaussianProcess(X, y);
    expect(Array.from(c.summary.lengthscales)).toEqual(Array.from(e.summary.lengthscales));
  });

  it('a warm start from a previous fit reaches the same optimum with a single start', () => {
    const { X, y } = sinData(40, 9);
    const cold = fitGaussianProcess(X, y, { rng: new Rng(1) });
    const warm = fitGaussianProcess(X, y, { warmStart: cold.summary, restarts: 1 });
    expect(warm.summary.lengthscales[0]).toBeCloseTo(cold.summary.lengthscales[0], 2);
    expect(warm.logMarginalLikelihood).toBeCloseTo(cold.logMarginalLikelihood, 2);
  });

  it('subsamples past the caps but keeps the best observations', () => {
    const { X, y } = sinData(150, 10);
    const gp = fitGaussianProcess(X, y, { rng: new Rng(11), maxObservations: 60, maxFitObservations: 30 });
    expect(gp.summary.observationsUsed).toBe(60);
    // Standardisation uses all observations.
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    expect(gp.summary.yMean).toBeCloseTo(mean, 12);
    // The best observation is in the conditioning set, so the posterior interpolates it.
    let best = 0;
    y.forEach((v, i) => (v < y[best] ? (best = i) : 0));
    expect(gp.predict(X[best]).mean).toBeCloseTo(y[best], 2);
  });

  it('rejects malformed input', () => {
    expect(() => fitGaussianProcess([], new Float64Array(0))).toThrow(RangeError);
    expect(() => fitGaussianProcess([Float64Array.of(0.5)], Float64Array.of(1, 2))).toThrow(RangeError);
    expect(() => fitGaussianProcess([Float64Array.of(0.5), Float64Array.of(0.1, 0.2)], Float64Array.of(1, 2))).toThrow(RangeError);
    expect(() => fitGaussianProcess([Float64Array.of(0.5)], Float64Array.of(NaN))).toThrow(RangeError);
  });
});
