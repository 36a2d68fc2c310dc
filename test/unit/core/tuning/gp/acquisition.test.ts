import { describe, expect, it } from 'vitest';
import {
  logEiAcquisition,
  logH,
  logHDerivative,
  ucbAcquisition,
} from '../../../../../src/core/tuning/gp/acquisition';
import { logExpectedImprovement } from '../../../../../src/core/tuning/gp/index';
import { erfc, erfcx, logNormalCdf } from '../../../../../src/core/tuning/gp/specialFunctions';

const relClose = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.abs(b);

describe('special functions', () => {
  // Reference values from CPython's math.erfc (correctly rounded to ~1 ulp).
  const ERFC: [number, number][] = [
    [0.1, 0.8875370839817152],
    [0.3, 0.6713732405408726],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047265],
    [3, 2.2090496998585438e-5],
    [4, 1.541725790028002e-8],
    [5, 1.5374597944280351e-12],
    [10, 2.088487583762545e-45],
    [26.5, 2.2109076642637343e-307],
    [-1, 1.842700792949715],
    [-3, 1.9999779095030015],
  ];
  it('erfc matches reference values to 1e-14 relative', () => {
    for (const [x, v] of ERFC) expect(relClose(erfc(x), v, 1e-14)).toBe(true);
  });

  it('erfcx(x) = exp(x²)·erfc(x) where that is computable, and ~1/(x√π) far out', () => {
    for (const [x, v] of ERFC) if (x > 0 && x < 26) expect(relClose(erfcx(x), Math.exp(x * x) * v, 1e-13)).toBe(true);
    expect(relClose(erfcx(1e4), 1 / (1e4 * Math.sqrt(Math.PI)), 1e-8)).toBe(true);
    expect(erfcx(0)).toBe(1);
  });

  it('log Φ stays finite and accurate deep in the left tail', () => {
    // log Φ(−40) = −z²/2 − log(|z|√(2π)) + log(1 − 1/z² + 3/z⁴ − 15/z⁶ + …).
    const z = -40;
    const series = -0.5 * z * z - Math.log(-z * Math.sqrt(2 * Math.PI)) + Math.log(1 - 1 / z ** 2 + 3 / z ** 4 - 15 / z ** 6 + 105 / z ** 8);
    expect(logNormalCdf(z)).toBeCloseTo(series, 9);
    expect(Number.isFinite(logNormalCdf(-1e5))).toBe(true);
  });
});

describe('log expected improvement (Ament et al. 2023)', () => {
  // log EI = log(σ·(φ(z) + zΦ(z))), z = (best − mean)/σ, evaluated naively in double precision with CPython's
  // math.erfc for Φ — reliable where EI is not tiny.
  const NAIVE: [number, number, number, number][] = [
    [0, 1, 0, -0.9189385332046727],
    [0.3, 0.5, 1, -0.3308205377056419],
    [2, 1.5, 0.5, -2.079655917604477],
    [-1, 0.2, -1.1, -3.229954176821421],
    [5, 1, 0, -16.744301162661053],
    [0, 2, -3, -2.836788740245765],
  ];
  it('equals the naive log(EI) where EI is not tiny', () => {
    for (const [mean, std, best, expected] of NAIVE) {
      expect(Math.abs(logExpectedImprovement(mean, std, best) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });

  it('equals a naive JavaScript evaluation at moderate z', () => {
    // φ and Φ by Simpson's rule on [−12, z], fully independent of specialFunctions.ts.
    const phi = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    const Phi = (z: number) => {
      const a = -12;
      const m = 20000;
      const h = (z - a) / m;
      let s = phi(a) + phi(z);
      for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * phi(a + i * h);
      return (s * h) / 3;
    };
    for (const z of [-2.5, -1.3, -0.4, 0, 0.7, 2.2]) {
      const naive = Math.log(0.8 * (phi(z) + z * Phi(z)));
      expect(logExpectedImprovement(0.1, 0.8, 0.1 + 0.8 * z)).toBeCloseTo(naive, 9);
    }
  });

  it('stays finite and matches the asymptotic series at z = −40, where the naive formula gives −Infinity', () => {
    const mean = 41;
    const std = 1;
    const best = 1; // z = −40
    const phi = Math.exp(-0.5 * 1600) / Math.sqrt(2 * Math.PI);
    expect(Math.log(std * (phi + -40 * 0))).toBe(-Infinity); // φ(−40) underflows: the naive value is lost
    const z = -40;
    // h(z) = φ(z)/z² · (1 − 3/z² + 15/z⁴ − 105/z⁶ + 945/z⁸ − …) as z → −∞.
    const asymptotic =
      -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z) + Math.log(1 - 3 / z ** 2 + 15 / z ** 4 - 105 / z ** 6 + 945 / z ** 8);
    const value = logExpectedImprovement(mean, std, best);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(asymptotic, 9);
  });

  it('is strictly decreasing in the mean all the way into the far tail', () => {
    let previous = Infinity;
    for (let mean = -5; mean <= 200; mean += 0.25) {
      const v = logExpectedImprovement(mean, 1, 0);
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeLessThan(previous);
      previous = v;
    }
    expect(Number.isFinite(logExpectedImprovement(1e9, 1, 0))).toBe(true);
  });

  it('log_h is continuous across its branch points', () => {
    for (const z0 of [-1, -1 / Math.sqrt(Number.EPSILON)]) {
      const eps = Math.abs(z0) * 1e-12;
      expect(relClose(logH(z0 - eps), logH(z0 + eps), 1e-9)).toBe(true);
    }
  });

  it('d log_h/dz matches finite differences (≈ |z| in the tail)', () => {
    for (const z of [3, 0.5, 0, -0.9, -1.1, -4, -30, -300]) {
      const h = 1e-6 * Math.max(1, Math.abs(z));
      const fd = (logH(z + h) - logH(z - h)) / (2 * h);
      expect(relClose(logHDerivative(z), fd, 1e-6)).toBe(true);
    }
    expect(relClose(logHDerivative(-1e4), 1e4, 1e-6)).toBe(true);
  });

  it('std = 0 gives the log of the plain improvement', () => {
    expect(logExpectedImprovement(1, 0, 3)).toBeCloseTo(Math.log(2), 14);
    expect(logExpectedImprovement(3, 0, 1)).toBe(-Infinity);
  });
});

describe('acquisition gradients in (μ, σ²)', () => {
  const check = (name: string, make: () => ReturnType<typeof logEiAcquisition>) => {
    it(`${name}: valueAndGradient matches finite differences`, () => {
      const acq = make();
      const out = new Float64Array(2);
      for (const [mean, variance] of [
        [0.2, 0.3],
        [-1, 0.01],
        [3, 0.5],
        [8, 0.04],
      ]) {
        const v = acq.valueAndGradient(mean, variance, out);
        expect(v).toBeCloseTo(acq.value(mean, variance), 14);
        const h = 1e-6;
        const dm = (acq.value(mean + h, variance) - acq.value(mean - h, variance)) / (2 * h);
        const dv = (acq.value(mean, variance + h * variance) - acq.value(mean, variance - h * variance)) / (2 * h * variance);
        expect(Math.abs(out[0] - dm)).toBeLessThan(1e-8 + 1e-6 * Math.abs(dm));
        expect(Math.abs(out[1] - dv)).toBeLessThan(1e-8 + 1e-6 * Math.abs(dv));
      }
    });
  };
  check('log EI', () => logEiAcquisition(0));
  check('UCB', () => ucbAcquisition(4));

  it('UCB is −(μ − √β·σ)', () => {
    expect(ucbAcquisition(4).value(1.5, 0.25)).toBeCloseTo(-(1.5 - 2 * 0.5), 14);
  });
});
