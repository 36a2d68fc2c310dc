// The study surrogate (the tuner's GP on the study's trials) and its views: posterior surface, partial dependence
// (Friedman 2001) and GP relevance from the ARD length-scales.
import { describe, expect, it } from 'vitest';
import { fitStudySurrogate, gpRelevance, partialDependence, posteriorSurface } from '../../../../src/core/analysis';
import { Rng } from '../../../../src/core/random';
import { categoricalParam, createSearchSpace, floatParam, intParam } from '../../../../src/core/tuning/space';

const space = createSearchSpace([floatParam('a', 0, 1), intParam('n', 1, 100, { log: true }), floatParam('c', 0, 1)]);
// Depends on a strongly, on log n gently, not on c; values around 100 so "objective units" matter.
const f = (p: Record<string, unknown>) => 100 + 3 * Math.sin(5 * (p.a as number)) + 0.5 * Math.log(p.n as number);

function trials(count: number, seed: number, noise = 0) {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const params = space.codec.decode(Float64Array.from({ length: 3 }, () => rng.nextFloat()));
    return { params, value: f(params) + noise * rng.normal() };
  });
}

describe('fitStudySurrogate', () => {
  const data = trials(80, 1);
  const s = fitStudySurrogate({ space, trials: data, seed: 1 });

  it('interpolates the trials in objective units, with a small sd there and a larger one far away', () => {
    const { mean, sd } = s.predict(data.slice(0, 10).map((t) => s.encode(t.params)));
    for (let i = 0; i < 10; i++) expect(Math.abs(mean[i] - data[i].value)).toBeLessThan(0.05);
    expect(Math.max(...sd)).toBeLessThan(0.1);
    expect(s.observationsUsed).toBe(80);
    expect(s.subsampled).toBe(false);
  });

  it('learns that c does not matter: its length-scale is the longest and its relevance the smallest', () => {
    expect(s.lengthscales[2]).toBeGreaterThan(s.lengthscales[0]);
    const rel = gpRelevance(s.lengthscales);
    expect(rel[0]).toBeGreaterThan(rel[2]);
    expect(rel.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });

  it('predictMeanFlat gives the same mean as the full prediction', () => {
    const pts = [Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0.9, 0.5, 0.1), Float64Array.of(0.45, 0.05, 0.95)];
    const flat = new Float64Array(9);
    pts.forEach((p, i) => flat.set(p, 3 * i));
    const full = s.predict(pts).mean;
    const fast = s.predictMeanFlat(flat, 3);
    for (let i = 0; i < 3; i++) expect(fast[i]).toBeCloseTo(full[i], 9);
  });

  it('encodes and decodes through the space codec; maps one-hot dims to their parameter', () => {
    const mixed = createSearchSpace([floatParam('x', 0, 1), categoricalParam('mode', ['long', 'short', 'both']), intParam('k', 1, 9)]);
    const t = [
      { params: { x: 0.2, mode: 'long', k: 3 }, value: 1 },
      { params: { x: 0.7, mode: 'both', k: 8 }, value: 2 },
      { params: { x: 0.4, mode: 'short', k: 5 }, value: 1.5 },
    ];
    const m = fitStudySurrogate({ space: mixed, trials: t, seed: 0 });
    expect(m.dims).toBe(5);
    expect(m.paramOfDim).toEqual([0, 1, 1, 1, 2]);
    expect(m.decode(m.encode(t[1].params))).toEqual(t[1].params);
  });

  it('subsamples past maxPoints like the sampler and says so', () => {
    const many = trials(120, 2);
    const sub = fitStudySurrogate({ space, trials: many, seed: 3, maxPoints: 50 });
    expect(sub.observationsUsed).toBe(50);
    expect(sub.subsampled).toBe(true);
    // The best quarter (largest values when maximising) is always kept: the best trial is predicted closely.
    const best = many.reduce((b, t) => (t.value > b.value ? t : b));
    expect(Math.abs(sub.predict([sub.encode(best.params)]).mean[0] - best.value)).toBeLessThan(0.05);
  });

  it('names the trial behind bad input', () => {
    expect(() => fitStudySurrogate({ space, trials: [], seed: 0 })).toThrow(/at least one/);
    expect(() => fitStudySurrogate({ space, trials: [{ params: { a: 0.5, n: 3, c: 0 }, value: NaN }], seed: 0 })).toThrow(/trial 0: objective value NaN/);
    expect(() => fitStudySurrogate({ space, trials: [data[0], { params: { a: 2, n: 3, c: 0 }, value: 1 }], seed: 0 })).toThrow(/trial 1: .*'a'/);
  });
});

describe('posteriorSurface', () => {
  // Backtest objectives are noisy: with noise the GP's sd is of the order of the noise, as in real studies.
  const s = fitStudySurrogate({ space, trials: trials(150, 4, 0.1), seed: 4 });
  const fixed = { a: 0.3, n: 10, c: 0.6 };

  it('has the exact posterior mean at every grid point, row-major with x fastest, log axis geometric', () => {
    const res = 12;
    const g = posteriorSurface(s, { x: 'a', y: 'n', resolution: res, fixed });
    expect(g.xValues[0]).toBe(0);
    expect(g.xValues[res - 1]).toBe(1);
    expect(g.yValues[0]).toBe(1);
    expect(g.yValues[res - 1]).toBe(100);
    expect(g.yValues[1] / g.yValues[0]).toBeCloseTo(g.yValues[res - 1] / g.yValues[res - 2], 9);
    for (const [i, j] of [
      [0, 0],
      [5, 2],
      [11, 7],
      [3, 11],
    ]) {
      // n is an int: the surface is the GP's relaxation, so encode the real-valued point through the log scale.
      const u = Float64Array.of(g.xValues[i], (Math.log(g.yValues[j]) - Math.log(0.5)) / (Math.log(100.5) - Math.log(0.5)), 0.6);
      const p = s.predict([u]);
      expect(g.mean[j * res + i]).toBeCloseTo(p.mean[0], 8);
    }
  });

  it('gives the exact sd with sdResolution = resolution, and an interpolated one close to it by default', () => {
    const res = 60;
    const exact = posteriorSurface(s, { x: 'a', y: 'c', resolution: res, fixed, sdResolution: res });
    const fast = posteriorSurface(s, { x: 'a', y: 'c', resolution: res, fixed });
    expect(exact.sdResolution).toBe(res);
    expect(fast.sdResolution).toBe(34);
    const u = Float64Array.of(exact.xValues[7], (Math.log(10) - Math.log(0.5)) / (Math.log(100.5) - Math.log(0.5)), exact.yValues[40]);
    expect(exact.sd[40 * res + 7]).toBeCloseTo(s.predict([u]).sd[0], 9);
    let maxErr = 0;
    let maxSd = 0;
    for (let k = 0; k < exact.sd.length; k++) {
      maxErr = Math.max(maxErr, Math.abs(exact.sd[k] - fast.sd[k]));
      maxSd = Math.max(maxSd, exact.sd[k]);
    }
    expect(maxErr).toBeLessThan(0.1 * maxSd); // measured: 0.0029 against 0.080
    expect(Array.from(fast.mean)).toEqual(Array.from(exact.mean));
  });

  it('names a wrong request', () => {
    expect(() => posteriorSurface(s, { x: 'a', y: 'a', resolution: 10, fixed })).toThrow(/both 'a'/);
    expect(() => posteriorSurface(s, { x: 'a', y: 'zz', resolution: 10, fixed })).toThrow(/unknown parameter 'zz'/);
    expect(() => posteriorSurface(s, { x: 'a', y: 'n', resolution: 10, fixed: { c: 5 } })).toThrow(/fixed values: .*'c'/);
    expect(() => posteriorSurface(s, { x: 'a', y: 'n', resolution: 1, fixed })).toThrow(/>= 2/);
    const mixed = createSearchSpace([floatParam('x', 0, 1), categoricalParam('mode', ['l', 's'])]);
    const m = fitStudySurrogate({ space: mixed, trials: [{ params: { x: 0.1, mode: 'l' }, value: 1 }], seed: 0 });
    expect(() => posteriorSurface(m, { x: 'x', y: 'mode', resolution: 10, fixed: {} })).toThrow(/'mode' is categorical/);
  });
});

describe('partialDependence (Friedman 2001)', () => {
  const s = fitStudySurrogate({ space, trials: trials(150, 5), seed: 5 });

  it('follows the additive effect of the parameter, with the band around the mean', () => {
    const pd = partialDependence(s, 'a', { points: 21, seed: 1 });
    expect(pd.x.length).toBe(21);
    // f is additive: PD(a) − PD(a') = 3·(sin 5a − sin 5a').
    for (const k of [5, 10, 15, 20]) {
      expect(pd.mean[k] - pd.mean[0]).toBeCloseTo(3 * (Math.sin(5 * pd.x[k]) - Math.sin(5 * pd.x[0])), 1);
    }
    for (let k = 0; k < 21; k++) {
      expect(pd.lower[k]).toBeLessThanOrEqual(pd.mean[k]);
      expect(pd.upper[k]).toBeGreaterThanOrEqual(pd.mean[k]);
    }
  });

  it('is flat for the parameter the objective ignores', () => {
    const pd = partialDependence(s, 'c', { points: 11, seed: 2 });
    expect(Math.max(...pd.mean) - Math.min(...pd.mean)).toBeLessThan(0.1);
  });

  it('rejects a categorical or unknown parameter', () => {
    expect(() => partialDependence(s, 'nope')).toThrow(/unknown parameter 'nope'/);
  });
});

describe('gpRelevance', () => {
  it('normalises 1/ℓ per coordinate', () => {
    const r = gpRelevance(Float64Array.of(0.5, 1, 2));
    // 1/ℓ = 2, 1, 0.5; total 3.5.
    expect(Array.from(r)).toEqual([2 / 3.5, 1 / 3.5, 0.5 / 3.5]);
  });

  it('folds one-hot coordinates into their parameter as √(2·mean 1/ℓ²)', () => {
    // Parameter 0: ℓ = 0.5 → 2. Parameter 1 (three choices): 1/ℓ² = 1, 4, 16 → √(2·7) = √14.
    const r = gpRelevance(Float64Array.of(0.5, 1, 0.5, 0.25), [0, 1, 1, 1]);
    const total = 2 + Math.sqrt(14);
    expect(r[0]).toBeCloseTo(2 / total, 14);
    expect(r[1]).toBeCloseTo(Math.sqrt(14) / total, 14);
  });

  it('rejects bad length-scales and mappings', () => {
    expect(() => gpRelevance(Float64Array.of(1, 0))).toThrow(/length-scale 1/);
    expect(() => gpRelevance(Float64Array.of(1, 1), [0])).toThrow(/paramOfDim has 1/);
    expect(() => gpRelevance(Float64Array.of(1, 1), [0, 2])).toThrow(/parameter 1 has no coordinate/);
  });
});
