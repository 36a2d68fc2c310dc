// Trade reshuffle Monte Carlo: order-free final equity, the drawdown distribution on a hand case, determinism.

import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/random';
import { tradeReshuffle } from '../../../../src/core/validation';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('tradeReshuffle', () => {
  const rng = new Rng(99);
  const returns = Float64Array.from({ length: 60 }, () => 0.004 + 0.03 * rng.normal());

  it('has an order-free final equity (compounding commutes)', () => {
    const lossesFirst = returns.slice().sort();
    const a = tradeReshuffle({ kind: 'returns', returns }, { samples: 200, seed: 1 });
    const b = tradeReshuffle({ kind: 'returns', returns: lossesFirst }, { samples: 10, seed: 1 });
    let growth = 1;
    for (const r of returns) growth *= 1 + r;
    expect(a.finalEquity).toBeCloseTo(growth, 12);
    expect(b.finalEquity).toBeCloseTo(growth, 12);
    // The drawdown, unlike the final equity, depends on the order. Losses first is the worst order: its depth is
    // 1 − Π(1 + r) over the losing trades, and no shuffle can be deeper.
    let lossGrowth = 1;
    for (const r of returns) if (r < 0) lossGrowth *= 1 + r;
    expect(b.original).toBeCloseTo(1 - lossGrowth, 12);
    expect(a.original).toBeLessThan(b.original - 0.05);
    expect(a.max).toBeLessThanOrEqual(b.original + 1e-12);
  });

  it('gives non-negative drawdowns around the original one', () => {
    const r = tradeReshuffle({ kind: 'returns', returns }, { samples: 2000, seed: 3 });
    expect(r.drawdowns).toHaveLength(2000);
    expect(r.min).toBeGreaterThanOrEqual(0);
    expect(r.min).toBeLessThanOrEqual(r.original);
    expect(r.max).toBeGreaterThanOrEqual(r.original);
    expect(r.original).toBeGreaterThan(0);
    for (let i = 1; i < r.quantiles.length; i++) expect(r.quantiles[i]).toBeGreaterThanOrEqual(r.quantiles[i - 1]);
    expect(r.shareWorse).toBeGreaterThan(0);
    expect(r.shareWorse).toBeLessThan(1);
    let worse = 0;
    for (const d of r.drawdowns) if (d > r.original) worse++;
    expect(r.shareWorse).toBe(worse / 2000);
  });

  it('finds the three possible drawdowns of a P&L hand case', () => {
    // P&L +10, −20, +10 from 100, by the position of the loss: first 100 → 80 (depth 0.2), second 110 → 90 (2/11,
    // the original order), last 120 → 100 (1/6).
    const r = tradeReshuffle({ kind: 'pnl', pnl: f64(10, -20, 10), initialCapital: 100 }, { samples: 3000, seed: 5 });
    expect(r.original).toBeCloseTo(2 / 11, 12);
    expect(r.finalEquity).toBe(100);
    const distinct = new Set(Array.from(r.drawdowns, (d) => d.toFixed(12)));
    expect([...distinct].sort()).toEqual([1 / 6, 2 / 11, 0.2].map((d) => d.toFixed(12)).sort());
    expect(r.min).toBeCloseTo(1 / 6, 12);
    expect(r.max).toBeCloseTo(0.2, 12);
    // Each position of the loss has probability 1/3: a third of shuffles are worse than the original 2/11.
    expect(r.shareWorse).toBeGreaterThan(0.3);
    expect(r.shareWorse).toBeLessThan(0.37);
    expect(r.mean).toBeCloseTo((1 / 6 + 2 / 11 + 0.2) / 3, 2);
    // Successive shuffles are independent uniform permutations, so two in a row put the loss in the same place a
    // third of the time (a biased shuffle such as Sattolo's never would).
    let repeats = 0;
    for (let s = 1; s < r.drawdowns.length; s++) if (r.drawdowns[s] === r.drawdowns[s - 1]) repeats++;
    expect(repeats / (r.drawdowns.length - 1)).toBeGreaterThan(0.3);
    expect(repeats / (r.drawdowns.length - 1)).toBeLessThan(0.37);
  });

  it('is zero everywhere for winning trades only, deterministic per seed, and validates input', () => {
    const allWins = tradeReshuffle({ kind: 'returns', returns: f64(0.01, 0.02, 0.03) }, { samples: 50, seed: 1 });
    expect(allWins.max).toBe(0);
    expect(allWins.shareWorse).toBe(0);
    expect(tradeReshuffle({ kind: 'returns', returns }, { samples: 50, seed: 8 })).toEqual(tradeReshuffle({ kind: 'returns', returns }, { samples: 50, seed: 8 }));
    expect(() => tradeReshuffle({ kind: 'returns', returns: f64() }, { seed: 1 })).toThrow(/trade/);
    expect(() => tradeReshuffle({ kind: 'returns', returns }, { samples: 0, seed: 1 })).toThrow(/samples/);
    expect(() => tradeReshuffle({ kind: 'pnl', pnl: f64(1), initialCapital: 0 }, { seed: 1 })).toThrow(/initialCapital/);
  });
});
