// computeMetrics end to end: one hand-checked backtest gives the expected value of EVERY registry metric (the
// arithmetic is in the comments), then options, edge cases (empty, one bar, zero volatility, no trades, constant
// equity, missing series, NaN) and input validation.

import { describe, expect, it } from 'vitest';
import {
  computeMetric,
  computeMetrics,
  METRIC_IDS,
  type MetricId,
  type MetricInput,
  type MetricValues,
} from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/**
 * Five bars at 2 bars a year (P = 2, √P = √2):
 *   equity   [100, 110, 88, 110, 121]
 *   returns  [0, 0.1, −0.2, 0.25, 0.1]     (returns[0] = 0 is the backtest's placeholder; it counts as a bar)
 *   position [0, 1, 1, −1, 0]
 *   trades   pnl [30, −10, 20, −20, 0], returns [0.03, −0.01, 0.02, −0.02, 0]
 */
function handInput(): MetricInput {
  return {
    returns: f64(0, 0.1, -0.2, 0.25, 0.1),
    equity: f64(100, 110, 88, 110, 121),
    position: f64(0, 1, 1, -1, 0),
    time: f64(0, 1, 2, 3, 4).map((i) => Date.UTC(2020, 0, 1) + i * 182.5 * 86_400_000),
    trades: { pnl: f64(30, -10, 20, -20, 0), returns: f64(0.03, -0.01, 0.02, -0.02, 0), barsHeld: f64(1, 1, 1, 1, 1) },
  };
}

// Shared intermediate values of the returns: n = 5, mean = 0.25/5 = 0.05,
// d = r − mean = [−0.05, 0.05, −0.25, 0.2, 0.05], Σd² = 0.11, sd (ddof 1) = √(0.11/4) = √0.0275,
// m2 = 0.022, m3 = Σd³/5 = −0.0075/5 = −0.0015, m4 = Σd⁴/5 = 0.005525/5 = 0.001105.
const EXPECTED: Record<MetricId, number> = {
  total_return: 0.21, // 121/100 − 1
  cagr: 0.1, // years = (5 − 1)/2 = 2 → 1.21^(1/2) − 1
  sharpe: Math.sqrt(2 / 11), // 0.05/√0.0275 · √2 = √(0.0025·2/0.0275) = √(2/11) = 0.426401…
  sortino: Math.sqrt(0.625), // DD = √(0.2²/5) = √0.008 (full sample, T = 0); 0.05/√0.008 · √2 = √0.625 = 0.790569…
  calmar: 0.5, // CAGR 0.1 / |−0.2|
  omega: 2.25, // gains 0.1 + 0.25 + 0.1 = 0.45; losses 0.2 → 0.45/0.2
  volatility: Math.sqrt(0.055), // √0.0275 · √2
  max_drawdown: -0.2, // peak 110 (bar 1) → 88 (bar 2): 88/110 − 1
  max_drawdown_duration: 2, // back to 110 at bar 3: 3 − 1
  var: -0.16, // sorted [−0.2, 0, 0.1, 0.1, 0.25]; h = 4·0.05 = 0.2 → −0.2 + 0.2·0.2 (numpy.percentile(r, 5))
  cvar: -0.2, // mean of returns ≤ −0.16: only −0.2
  skewness: -0.0015 / Math.pow(0.022, 1.5), // m3 / m2^1.5 = −0.459681…
  excess_kurtosis: 0.001105 / 0.000484 - 3, // m4 / m2² − 3 = 2.283057… − 3 = −0.716942…
  tail_ratio: 1.375, // p95: h = 3.8 → 0.1 + 0.8·0.15 = 0.22; |0.22| / |−0.16|
  number_of_trades: 5,
  win_rate: 0.4, // 2 of 5 trades have pnl > 0 (the 0 trade is not a win)
  profit_factor: 5 / 3, // (30 + 20) / |−10 − 20|
  average_win: 25, // 50 / 2
  average_loss: -15, // −30 / 2, signed
  expectancy: 4, // (30 − 10 + 20 − 20 + 0) / 5
  expectancy_return: 0.004, // (0.03 − 0.01 + 0.02 − 0.02 + 0) / 5
  exposure: 0.6, // position ≠ 0 on 3 of 5 bars
  turnover: 2, // |Δ| from flat: 0 + 1 + 0 + 2 + 1 = 4, over (5 − 1)/2 = 2 years
};

function expectValues(actual: MetricValues, expected: Partial<Record<MetricId, number>>): void {
  for (const [id, want] of Object.entries(expected) as Array<[MetricId, number]>) {
    if (Number.isNaN(want)) expect(actual[id], id).toBeNaN();
    else expect(actual[id], id).toBeCloseTo(want, 12);
  }
}

describe('computeMetrics on a hand-checked backtest', () => {
  it('has a hand-checked expectation for every registry metric', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METRIC_IDS].sort());
  });

  it('computes every metric as worked out by hand', () => {
    expectValues(computeMetrics(handInput(), { periodsPerYear: 2 }), EXPECTED);
  });

  it('returns the keys in registry order', () => {
    expect(Object.keys(computeMetrics(handInput(), { periodsPerYear: 2 }))).toEqual(METRIC_IDS);
  });

  it('computeMetric gives the same single value', () => {
    expect(computeMetric('sortino', handInput(), { periodsPerYear: 2 })).toBeCloseTo(Math.sqrt(0.625), 14);
    expect(() => computeMetric('sharp', handInput(), { periodsPerYear: 2 })).toThrow(/unknown metric id "sharp"/);
  });
});

describe('computeMetrics options', () => {
  it('subtracts the de-compounded risk-free rate in Sharpe only', () => {
    // rf 21%/yr at P = 2 → rf_p = √1.21 − 1 = 0.1; mean excess 0.05 − 0.1 = −0.05 → Sharpe = −√(2/11).
    const v = computeMetrics(handInput(), { periodsPerYear: 2, riskFreeRateAnnual: 0.21 });
    expect(v.sharpe).toBeCloseTo(-Math.sqrt(2 / 11), 12);
    expect(v.sortino).toBeCloseTo(Math.sqrt(0.625), 12);
  });

  it('annualises with periodsPerYear', () => {
    // P = 8: volatility √0.0275·√8 = √0.22; CAGR: 4 steps = 0.5 years → 1.21² − 1 = 0.4641.
    const v = computeMetrics(handInput(), { periodsPerYear: 8 });
    expect(v.volatility).toBeCloseTo(Math.sqrt(0.22), 14);
    expect(v.cagr).toBeCloseTo(0.4641, 12);
    expect(v.turnover).toBeCloseTo(8, 12); // 4 / 0.5 years
  });

  it('uses varLevel, omegaThreshold and sortinoTarget', () => {
    // varLevel 0.75: h = 4·0.25 = 1 → VaR = 0; CVaR = mean(−0.2, 0) = −0.1.
    // omegaThreshold 0.1: r − 0.1 = [−0.1, 0, −0.3, 0.15, 0] → gains 0.15, losses 0.1 + 0.3 = 0.4 → 0.375.
    // sortinoTarget 0.1: Σ min(r − 0.1, 0)² = 0.01 + 0.09 = 0.1 → DD = √0.02; (0.05 − 0.1)/√0.02 · √2 = −0.5.
    const v = computeMetrics(handInput(), { periodsPerYear: 2, varLevel: 0.75, omegaThreshold: 0.1, sortinoTarget: 0.1 });
    expect(v.var).toBe(0);
    expect(v.cvar).toBeCloseTo(-0.1, 15);
    expect(v.omega).toBeCloseTo(0.375, 14);
    expect(v.sortino).toBeCloseTo(-0.5, 14);
  });

  it('works in the scratch buffer when given one, leaving the input as it was', () => {
    const input = handInput();
    const scratch = new Float64Array(16).fill(99);
    const v = computeMetrics(input, { periodsPerYear: 2, scratch });
    expectValues(v, EXPECTED);
    expect(Array.from(scratch.subarray(0, 5)).sort((a, b) => a - b)).toEqual([-0.2, 0, 0.1, 0.1, 0.25]);
    expect(scratch[5]).toBe(99);
    expect(Array.from(input.returns)).toEqual([0, 0.1, -0.2, 0.25, 0.1]);
  });

  it('accepts returns without the placeholder bar (one shorter than equity)', () => {
    // r = [0.1, −0.2, 0.25, 0.1]: mean 0.0625; the equity metrics are unchanged.
    const input = { ...handInput(), returns: f64(0.1, -0.2, 0.25, 0.1) };
    const v = computeMetrics(input, { periodsPerYear: 2 });
    expect(v.total_return).toBeCloseTo(0.21, 15);
    expect(v.omega).toBeCloseTo(2.25, 14);
    expect(v.sharpe).toBeGreaterThan(EXPECTED.sharpe);
  });
});

describe('computeMetrics edge cases: NaN, never a throw', () => {
  const ALL_NAN = Object.fromEntries(METRIC_IDS.map((id) => [id, NaN])) as Record<MetricId, number>;

  it('is NaN for every metric of an empty backtest, with 0 trades', () => {
    const v = computeMetrics(
      { returns: f64(), equity: f64(), position: f64(), time: f64(), trades: { pnl: f64() } },
      { periodsPerYear: 252 },
    );
    expectValues(v, { ...ALL_NAN, number_of_trades: 0 });
  });

  it('is NaN for every metric of a one-bar backtest', () => {
    const v = computeMetrics({ returns: f64(0), equity: f64(100), position: f64(1) }, { periodsPerYear: 252 });
    expectValues(v, ALL_NAN);
  });

  it('gives NaN (not ±Infinity) Sharpe, Sortino and Omega for constant returns', () => {
    // r = 0.01 every bar: sd = 0 exactly, no return below 0, so every risk denominator is 0.
    const returns = new Float64Array(10).fill(0.01);
    const equity = new Float64Array(10).map((_, i) => 100 * 1.01 ** i);
    const v = computeMetrics({ returns, equity }, { periodsPerYear: 252 });
    expect(v.volatility).toBe(0);
    expectValues(v, { sharpe: NaN, sortino: NaN, omega: NaN, skewness: NaN, excess_kurtosis: NaN, calmar: NaN });
    expect(v.max_drawdown).toBe(0);
  });

  it('gives max drawdown 0, duration 0 and total return 0 for constant equity', () => {
    const v = computeMetrics({ returns: new Float64Array(4), equity: new Float64Array(4).fill(100) }, { periodsPerYear: 12 });
    expectValues(v, { max_drawdown: 0, max_drawdown_duration: 0, total_return: 0, cagr: 0, volatility: 0, sharpe: NaN });
    expectValues(v, { calmar: NaN, var: 0, cvar: 0, tail_ratio: NaN });
  });

  it('gives 0 trades and NaN trade ratios for an empty trade list, NaN count without a trade list', () => {
    const withEmpty = computeMetrics({ ...handInput(), trades: { pnl: f64() } }, { periodsPerYear: 2 });
    expectValues(withEmpty, {
      number_of_trades: 0,
      win_rate: NaN,
      profit_factor: NaN,
      average_win: NaN,
      average_loss: NaN,
      expectancy: NaN,
      expectancy_return: NaN,
    });
    const without = computeMetrics({ returns: handInput().returns, equity: handInput().equity }, { periodsPerYear: 2 });
    expectValues(without, { number_of_trades: NaN, win_rate: NaN, exposure: NaN, turnover: NaN });
    expect(without.sharpe).toBeCloseTo(EXPECTED.sharpe, 12);
  });

  it('makes the return-distribution metrics NaN for a NaN return, without touching equity or trade metrics', () => {
    const input = { ...handInput(), returns: f64(0, 0.1, NaN, 0.25, 0.1) };
    const v = computeMetrics(input, { periodsPerYear: 2 });
    const returnIds: MetricId[] = ['sharpe', 'sortino', 'omega', 'volatility', 'var', 'cvar', 'skewness', 'excess_kurtosis', 'tail_ratio'];
    for (const id of returnIds) expect(v[id], id).toBeNaN();
    expect(v.max_drawdown).toBeCloseTo(-0.2, 15);
    expect(v.win_rate).toBe(0.4);
  });
});

describe('computeMetrics input validation (wiring bugs throw; short data does not)', () => {
  it('throws for misaligned arrays, naming the field', () => {
    const base = handInput();
    expect(() => computeMetrics({ ...base, returns: f64(0.1, 0.2) }, { periodsPerYear: 2 })).toThrow(/returns/);
    expect(() => computeMetrics({ ...base, position: f64(0, 1) }, { periodsPerYear: 2 })).toThrow(/position must have 5/);
    expect(() => computeMetrics({ ...base, time: f64(1) }, { periodsPerYear: 2 })).toThrow(/time/);
    expect(() => computeMetrics({ ...base, trades: { pnl: f64(1), barsHeld: f64(1, 2) } }, { periodsPerYear: 2 })).toThrow(
      /trades.barsHeld/,
    );
  });

  it('throws for a series that is not a Float64Array', () => {
    const input = { ...handInput(), equity: [100, 110, 88, 110, 121] as unknown as Float64Array };
    expect(() => computeMetrics(input, { periodsPerYear: 2 })).toThrow(/equity must be a Float64Array/);
  });

  it('throws for unusable options', () => {
    expect(() => computeMetrics(handInput(), { periodsPerYear: 0 })).toThrow(RangeError);
  });
});
