// PSR, DSR, expected maximum Sharpe and MinTRL (Bailey & López de Prado 2012 and 2014): the DSR paper's worked
// example, direct evaluations of the formulas written out plainly here, and the formulas' known limits.

import { describe, expect, it } from 'vitest';
import {
  deflatedSharpeRatio,
  EULER_MASCHERONI,
  expectedMaxSharpe,
  minTrackRecordLength,
  probabilisticSharpeRatio,
} from '../../../../src/core/analysis';
import { returnMoments } from '../../../../src/core/metrics';
import { normalCdf, normalPdf } from '../../../../src/core/tuning/gp/specialFunctions';

describe('probabilisticSharpeRatio (Bailey & López de Prado 2012, "The Sharpe Ratio Efficient Frontier", eq. 10)', () => {
  it('equals 0.5 when SR = SR*, whatever the moments', () => {
    expect(probabilisticSharpeRatio({ sharpe: 0.1, benchmark: 0.1, observations: 250, skewness: -1, kurtosis: 8 })).toBe(0.5);
  });

  it('matches a plain evaluation of Φ((SR − SR*)√(n − 1) / √(1 − γ3 SR + (γ4 − 1)/4 SR²))', () => {
    // SR = 0.1, SR* = 0, n = 120, γ3 = −0.5, γ4 = 6: term = 1 + 0.05 + 1.25·0.01 = 1.0625; z = 0.1·√119/√1.0625.
    const z = (0.1 * Math.sqrt(119)) / Math.sqrt(1.0625);
    const psr = probabilisticSharpeRatio({ sharpe: 0.1, benchmark: 0, observations: 120, skewness: -0.5, kurtosis: 6 });
    expect(psr).toBeCloseTo(normalCdf(z), 15);
    expect(psr).toBeCloseTo(0.855, 3); // z = 0.1·10.9087/1.0308 = 1.0583; a normal table gives Φ(1.0583) ≈ 0.8550
  });

  it('evaluates the hedge-fund inputs of "The Sharpe Ratio Efficient Frontier" by hand (and the null-variance variant)', () => {
    // Inputs: monthly mean 3.6%, sd 7.9%, n = 24 months, γ3 = −2.448, γ4 = 10.164 (Bailey & López de Prado,
    // J. Risk 15(2), 2012; the same inputs are the worked example of the jsharpe package, github.com/tschm/jsharpe).
    // Eq. (10) as the paper writes it (moment term at the estimated SR, √(n − 1)):
    //   SR = 0.455696, term = 1 + 2.448·SR + 9.164/4·SR² = 2.591291, z = SR·√23/√term = 1.357629, PSR = 0.912709.
    const sr = 0.036 / 0.079;
    const term = 1 + 2.448 * sr + (9.164 / 4) * sr * sr;
    expect(term).toBeCloseTo(2.591291, 6);
    const byHand = independentCdf((sr * Math.sqrt(23)) / Math.sqrt(term));
    expect(byHand).toBeCloseTo(0.912709, 5);
    expect(probabilisticSharpeRatio({ sharpe: sr, benchmark: 0, observations: 24, skewness: -2.448, kurtosis: 10.164 })).toBeCloseTo(byHand, 9);
    // jsharpe (López de Prado, Lipton & Zoonekynd's later convention: variance under the null SR* = 0, so the moment
    // term is 1, and √n) prints 0.987 for the same inputs; by hand Φ(SR·√24) = Φ(2.2325) = 0.9872. This checks the
    // inputs and the normal CDF against a published number; the two conventions differ by design.
    expect(independentCdf(sr * Math.sqrt(24))).toBeCloseTo(0.987, 3);
    // MinTRL (eq. 11) for these inputs at 95%: 1 + term·(1.644854/SR)² = 34.76 months.
    expect(minTrackRecordLength({ sharpe: sr, benchmark: 0, skewness: -2.448, kurtosis: 10.164, confidence: 0.95 })).toBeCloseTo(
      1 + term * (1.6448536269514722 / sr) ** 2,
      9,
    );
    expect(1 + term * (1.6448536269514722 / sr) ** 2).toBeCloseTo(34.761, 3);
  });

  it('is symmetric around SR* in the normal case at SR = 0: PSR(0; b) + PSR(0; −b) = 1', () => {
    const a = probabilisticSharpeRatio({ sharpe: 0, benchmark: 0.05, observations: 500, skewness: 0, kurtosis: 3 });
    const b = probabilisticSharpeRatio({ sharpe: 0, benchmark: -0.05, observations: 500, skewness: 0, kurtosis: 3 });
    expect(a + b).toBeCloseTo(1, 14);
  });

  it('falls with negative skewness and fat tails when SR > SR* (the paper\'s point about non-normal returns)', () => {
    const base = { sharpe: 0.1, benchmark: 0, observations: 250 };
    const normal = probabilisticSharpeRatio({ ...base, skewness: 0, kurtosis: 3 });
    const skewed = probabilisticSharpeRatio({ ...base, skewness: -2, kurtosis: 3 });
    const fat = probabilisticSharpeRatio({ ...base, skewness: 0, kurtosis: 20 });
    expect(skewed).toBeLessThan(normal);
    expect(fat).toBeLessThan(normal);
  });

  it('takes returnMoments output directly (per-period Sharpe, NON-excess kurtosis)', () => {
    const r = Float64Array.from([0.01, -0.02, 0.015, 0.003, -0.004, 0.02, 0.007, -0.011, 0.009, 0.012]);
    const m = returnMoments(r);
    const sr = m.mean / m.std;
    const psr = probabilisticSharpeRatio({ sharpe: sr, benchmark: 0, observations: m.n, skewness: m.skewness, kurtosis: m.kurtosis });
    const term = 1 - m.skewness * sr + ((m.kurtosis - 1) / 4) * sr * sr;
    expect(psr).toBeCloseTo(normalCdf((sr * 3) / Math.sqrt(term)), 15); // √(n − 1) = √9 = 3
  });

  it('rejects fewer than 2 observations and non-finite Sharpe ratios; NaN for inconsistent moments', () => {
    expect(() => probabilisticSharpeRatio({ sharpe: 0.1, benchmark: 0, observations: 1, skewness: 0, kurtosis: 3 })).toThrow(/observations/);
    expect(() => probabilisticSharpeRatio({ sharpe: NaN, benchmark: 0, observations: 10, skewness: 0, kurtosis: 3 })).toThrow(/sharpe/);
    // γ3 = 10, SR = 1, γ4 = 1 (impossible: γ4 < 1 + γ3²): term = 1 − 10 + 0 < 0.
    expect(probabilisticSharpeRatio({ sharpe: 1, benchmark: 0, observations: 10, skewness: 10, kurtosis: 1 })).toBeNaN();
  });
});

describe('expectedMaxSharpe and deflatedSharpeRatio (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio")', () => {
  it('reproduces the DSR paper\'s numerical example, recomputed by hand here: SR0 ≈ 0.1132, DSR ≈ 0.9004', () => {
    // Source: D. H. Bailey & M. López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest
    // Overfitting and Non-Normality", J. Portfolio Management 40(5) (2014) 94–107, section "A numerical example":
    // annualised SR 2.5 over 5 years of daily returns (T = 1250, 250 days a year), N = 100 independent trials whose
    // annualised Sharpe ratios have variance 1/2, skewness γ3 = −3, kurtosis γ4 = 10.
    // Per period: SR = 2.5/√250, V = 0.5/250. The normal CDF and quantile below are computed independently of the
    // code under test (Simpson's rule on the density; bisection), so a wrong normalQuantile/normalCdf would show.
    const z1 = independentQuantile(1 - 1 / 100); // 2.32635
    const z2 = independentQuantile(1 - 1 / (100 * Math.E)); // 2.68021
    expect(z1).toBeCloseTo(2.32635, 5);
    expect(z2).toBeCloseTo(2.68021, 5);
    const sr0ByHand = Math.sqrt(0.5 / 250) * ((1 - EULER_MASCHERONI) * z1 + EULER_MASCHERONI * z2);
    expect(sr0ByHand).toBeCloseTo(0.113172, 6); // annualised: 0.113172·√250 = 1.7894
    const sr = 2.5 / Math.sqrt(250); // 0.158114
    const term = 1 - -3 * sr + ((10 - 1) / 4) * sr * sr; // 1.530592
    const dsrByHand = independentCdf(((sr - sr0ByHand) * Math.sqrt(1250 - 1)) / Math.sqrt(term)); // Φ(1.283816)
    expect(dsrByHand).toBeCloseTo(0.900397, 5);

    const sharpeVariance = 0.5 / 250;
    expect(expectedMaxSharpe({ trials: 100, sharpeVariance })).toBeCloseTo(sr0ByHand, 9);
    const dsr = deflatedSharpeRatio({ sharpe: sr, observations: 1250, skewness: -3, kurtosis: 10, trials: 100, sharpeVariance });
    expect(dsr).toBeCloseTo(dsrByHand, 9);
    expect(dsr).toBeCloseTo(0.9004, 4);
  });

  it('is √V times the expected-maximum formula, written out plainly', () => {
    // N = 1000: Φ⁻¹(1 − 1/1000) = 3.090232306167813; Φ⁻¹(1 − 1/(1000e)) = 3.3777… (from the round trip through Φ).
    const z1 = 3.090232306167813;
    const sr0 = expectedMaxSharpe({ trials: 1000, sharpeVariance: 4 });
    const z2 = (sr0 / 2 - (1 - EULER_MASCHERONI) * z1) / EULER_MASCHERONI;
    expect(normalCdf(z2)).toBeCloseTo(1 - 1 / (1000 * Math.E), 14);
    expect(expectedMaxSharpe({ trials: 1000, sharpeVariance: 1 })).toBeCloseTo(sr0 / 2, 15);
  });

  it('approximates E[max of N standard normals] (numerical integral ∫ x·N·φ(x)·Φ(x)^(N−1) dx) within 2% at N = 100', () => {
    const N = 100;
    let integral = 0;
    const h = 1e-3;
    for (let x = -10; x <= 10; x += h) integral += x * N * normalPdf(x) * normalCdf(x) ** (N - 1) * h;
    expect(integral).toBeCloseTo(2.5076, 3); // the known E[max of 100 N(0,1)] ≈ 2.50759
    expect(Math.abs(expectedMaxSharpe({ trials: N, sharpeVariance: 1 }) / integral - 1)).toBeLessThan(0.02);
  });

  it('is 0 for one trial, grows with N, and DSR equals PSR against SR0', () => {
    expect(expectedMaxSharpe({ trials: 1, sharpeVariance: 1 })).toBe(0);
    expect(expectedMaxSharpe({ trials: 10, sharpeVariance: 1 })).toBeLessThan(expectedMaxSharpe({ trials: 100, sharpeVariance: 1 }));
    const input = { sharpe: 0.12, observations: 800, skewness: -0.4, kurtosis: 5, trials: 30, sharpeVariance: 0.001 };
    const benchmark = expectedMaxSharpe(input);
    expect(deflatedSharpeRatio(input)).toBe(probabilisticSharpeRatio({ ...input, benchmark }));
    expect(() => expectedMaxSharpe({ trials: 0.5, sharpeVariance: 1 })).toThrow(/trials/);
    // An effective N just above 1 (strongly correlated trials): the raw formula gives −0.78 at N = 1.01; SR0 is 0.
    expect(expectedMaxSharpe({ trials: 1.01, sharpeVariance: 1 })).toBe(0);
    expect(expectedMaxSharpe({ trials: 1.5, sharpeVariance: 1 })).toBeGreaterThan(0);
    expect(() => expectedMaxSharpe({ trials: 10, sharpeVariance: -1 })).toThrow(/sharpeVariance/);
  });
});

describe('minTrackRecordLength (Bailey & López de Prado 2012, eq. 11)', () => {
  it('matches 1 + (1 − γ3 SR + (γ4 − 1)/4 SR²)(z_α / (SR − SR*))² written out', () => {
    // SR = 0.1, SR* = 0, γ3 = −1, γ4 = 5, 95%: term = 1 + 0.1 + 0.01 = 1.11; z = 1.6448536269514722.
    const z = 1.6448536269514722;
    const expected = 1 + 1.11 * (z / 0.1) ** 2;
    expect(minTrackRecordLength({ sharpe: 0.1, benchmark: 0, skewness: -1, kurtosis: 5, confidence: 0.95 })).toBeCloseTo(expected, 10);
  });

  it('is the n at which PSR reaches the confidence level (the two formulas invert each other)', () => {
    const moments = { sharpe: 0.08, benchmark: 0.02, skewness: -0.7, kurtosis: 7 };
    const n = minTrackRecordLength({ ...moments, confidence: 0.9 });
    expect(probabilisticSharpeRatio({ ...moments, observations: n })).toBeCloseTo(0.9, 12);
  });

  it('grows without bound as SR → SR* and is +Infinity at or below it', () => {
    const at = (sharpe: number): number => minTrackRecordLength({ sharpe, benchmark: 0.05, skewness: 0, kurtosis: 3, confidence: 0.95 });
    expect(at(0.06)).toBeLessThan(at(0.051));
    expect(at(0.0501)).toBeGreaterThan(1e6);
    expect(at(0.05)).toBe(Infinity);
    expect(at(0.01)).toBe(Infinity);
    expect(() => minTrackRecordLength({ sharpe: 0.1, benchmark: 0, skewness: 0, kurtosis: 3, confidence: 1 })).toThrow(/confidence/);
  });
});

/** Φ(x) by Simpson's rule on the standard normal density over [−12, x] (independent of the code under test). */
function independentCdf(x: number): number {
  const n = 20_000;
  const a = -12;
  const h = (x - a) / n;
  const pdf = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let sum = pdf(a) + pdf(x);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * pdf(a + i * h);
  return (sum * h) / 3;
}

/** Φ⁻¹(p) by bisection on independentCdf. */
function independentQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (independentCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
