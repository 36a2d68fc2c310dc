// Small builders shared by the backtest tests: bar series from plain arrays, a seeded generator and random OHLC
// series, and the invariants every result must satisfy.

import { expect } from 'vitest';
import type { BarSeries } from '../../../../src/core/data/bars';
import { tradeAt, type BacktestResult, type TradeLog, type TradeRecord } from '../../../../src/core/backtest';

export const DAY = 86_400_000;
export const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/** Bars from plain arrays; time is one day apart from 2020-01-01. */
export function bars(columns: { close: number[]; open?: number[]; high?: number[]; low?: number[] }): BarSeries {
  const n = columns.close.length;
  const t0 = Date.UTC(2020, 0, 1);
  return {
    length: n,
    time: Float64Array.from({ length: n }, (_, i) => t0 + i * DAY),
    close: Float64Array.from(columns.close),
    ...(columns.open ? { open: Float64Array.from(columns.open) } : {}),
    ...(columns.high ? { high: Float64Array.from(columns.high) } : {}),
    ...(columns.low ? { low: Float64Array.from(columns.low) } : {}),
  };
}

/** Bars from rows of [open, high, low, close]. */
export function ohlc(rows: [number, number, number, number][]): BarSeries {
  return bars({ open: rows.map((r) => r[0]), high: rows.map((r) => r[1]), low: rows.map((r) => r[2]), close: rows.map((r) => r[3]) });
}

/** mulberry32: a tiny seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random OHLC walk: overnight gaps, highs and lows that contain open and close. */
export function randomOhlc(n: number, rnd: () => number, volatility = 0.02): BarSeries {
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  let prev = 100;
  for (let i = 0; i < n; i++) {
    const o = prev * (1 + (rnd() - 0.5) * volatility * 0.5);
    const c = o * (1 + (rnd() - 0.5) * volatility * 2);
    open.push(o);
    close.push(c);
    high.push(Math.max(o, c) * (1 + rnd() * volatility));
    low.push(Math.min(o, c) * (1 - rnd() * volatility));
    prev = c;
  }
  return bars({ open, high, low, close });
}

/** Targets that hold each value for a random stretch, drawn from `choices`. */
export function randomTargets(n: number, rnd: () => number, choices: readonly number[]): Float64Array {
  const out = new Float64Array(n);
  let current = choices[0];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.15) current = choices[Math.floor(rnd() * choices.length)];
    out[i] = current;
  }
  return out;
}

export function expectSeries(actual: Float64Array, expected: readonly number[], digits = 9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(actual[i], `index ${i}: got [${Array.from(actual).join(', ')}]`).toBeCloseTo(expected[i], digits);
  }
}

/** Invariants of every result: equity reconciles with the trades, totals add up, returns compound to equity. */
export function expectConsistent(result: BacktestResult, initialCapital: number): void {
  const { equity, returns, position, trades, totals } = result;
  const n = result.length;
  let pnl = 0;
  let costs = 0;
  for (let k = 0; k < trades.count; k++) {
    pnl += trades.pnl[k];
    costs += trades.costs[k];
    expect(trades.barsHeld[k]).toBe(trades.exitIndex[k] - trades.entryIndex[k]);
    expect(trades.exitIndex[k]).toBeGreaterThanOrEqual(trades.entryIndex[k]);
    if (k > 0) expect(trades.entryIndex[k]).toBeGreaterThanOrEqual(trades.exitIndex[k - 1]);
  }
  const final = equity[n - 1];
  const scale = Math.max(initialCapital, Math.abs(final));
  expect(Math.abs(final - (initialCapital + pnl)) / scale).toBeLessThanOrEqual(1e-9);
  expect(totals.finalEquity).toBe(final);
  expect(Math.abs(totals.totalCosts - costs) / scale).toBeLessThanOrEqual(1e-9);
  expect(totals.totalCosts).toBeCloseTo(totals.totalFees + totals.totalSlippage + totals.totalBorrow, 6);
  expect(totals.tradeCount).toBe(trades.count);
  expect(position[n - 1]).toBe(0);
  let changes = 0;
  let compounded = initialCapital;
  for (let i = 0; i < n; i++) {
    if (position[i] !== (i === 0 ? 0 : position[i - 1])) changes++;
    compounded *= 1 + returns[i];
  }
  expect(totals.positionChanges).toBe(changes);
  if (final > 0) expect(Math.abs(compounded - final) / scale).toBeLessThanOrEqual(1e-9);
}

/** Trade k matches `expected`: numbers to 9 decimals (stop levels like 100 x 1.1 are not exact), the rest exactly. */
export function expectTrade(log: TradeLog, k: number, expected: Partial<TradeRecord>): void {
  const actual = tradeAt(log, k);
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key as keyof TradeRecord];
    if (typeof want === 'number') expect(got, `trade ${k} ${key}`).toBeCloseTo(want, 9);
    else expect(got, `trade ${k} ${key}`).toBe(want);
  }
}
