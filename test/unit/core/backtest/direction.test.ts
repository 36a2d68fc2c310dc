// Direction modes (long-only and short-only clip targets) and long-short symmetry: a short of a series earns what
// a long earns on the mirrored series, costs aside.

import { describe, expect, it } from 'vitest';
import { simulate, type BacktestOptions } from '../../../../src/core/backtest';
import { bars, expectConsistent, expectSeries, f64, randomOhlc, randomTargets, seeded } from './helpers';

const CLOSE = [100, 100, 110, 120, 90, 100, 100, 80, 90, 100];
const TARGETS = f64(0, 1, 1, -1, -1, 0, -0.5, 1, 1, 0);

describe('direction modes', () => {
  const run = (direction: BacktestOptions['direction'], targets = TARGETS) =>
    simulate({ bars: bars({ close: CLOSE }), targets, settings: { fill: 'close', initialCapital: 1000, direction } });

  it('long-only clips negative targets to 0', () => {
    // Long 10 at bar 1 (100); target -1 at bar 3 becomes 0: sell at 120 -> 1200; -0.5 at bar 6 is 0 too;
    // long again at bar 7: 1200 / 80 = 15 units, 15 x 90 = 1350 at bar 8, sold at bar 9's 100 -> 1500.
    const r = run('longOnly');
    expectSeries(r.position, [0, 10, 10, 0, 0, 0, 0, 15, 15, 0]);
    expectSeries(r.equity, [1000, 1000, 1100, 1200, 1200, 1200, 1200, 1200, 1350, 1500]);
    const clipped = run('longShort', TARGETS.map((t) => Math.max(0, t)));
    expect(Array.from(r.equity)).toEqual(Array.from(clipped.equity));
  });

  it('short-only clips positive targets to 0', () => {
    // Flat until bar 3: short 1000 / 120 units at 120; bar 5 target 0: buy back at 100 -> 1000 + (120 - 100) x
    // 1000 / 120; bar 6: half short; bar 7 target +1 -> 0: buy back at 80.
    const r = run('shortOnly');
    for (const p of r.position) expect(p).toBeLessThanOrEqual(0);
    const afterFirst = 1000 + ((120 - 100) * 1000) / 120;
    expect(r.equity[5]).toBeCloseTo(afterFirst, 9);
    const halfShort = (0.5 * afterFirst) / 100;
    expect(r.equity[7]).toBeCloseTo(afterFirst + halfShort * 20, 9);
    const clipped = run('longShort', TARGETS.map((t) => Math.min(0, t)));
    expect(Array.from(r.equity)).toEqual(Array.from(clipped.equity));
  });

  it('long-short takes both sides', () => {
    const r = run('longShort');
    expect(Math.min(...r.position)).toBeLessThan(0);
    expect(Math.max(...r.position)).toBeGreaterThan(0);
    expectConsistent(r, 1000);
  });
});

describe('long-short symmetry', () => {
  it('one short on P equals one long on Q = 2 x P0 - P (prices reflected about the entry), to rounding', () => {
    // Entered at P0 = Q0 = 100, so both hold 10 units, and every move of Q is minus the move of P.
    const rnd = seeded(11);
    const n = 200;
    const p = randomOhlc(n, rnd, 0.005);
    const scale = 100 / p.close[0];
    const P = { ...p, open: p.open!.map((v) => v * scale), high: p.high!.map((v) => v * scale), low: p.low!.map((v) => v * scale), close: p.close.map((v) => v * scale) };
    const Q = { ...P, open: P.open.map((v) => 200 - v), high: P.low.map((v) => 200 - v), low: P.high.map((v) => 200 - v), close: P.close.map((v) => 200 - v) };
    const settings = { fill: 'close', initialCapital: 1000 } as const;
    const short = simulate({ bars: P, targets: new Float64Array(n).fill(-1), settings });
    const long = simulate({ bars: Q, targets: new Float64Array(n).fill(1), settings });
    for (let i = 0; i < n; i++) expect(short.equity[i]).toBeCloseTo(long.equity[i], 9);
    expect(short.trades.pnl[0]).toBeCloseTo(long.trades.pnl[0], 9);
    expect(short.trades.size[0]).toBeCloseTo(-long.trades.size[0], 12);
  });

  it('shorting P equals going long its mirrored returns, with every-bar rebalancing, for any targets', () => {
    // Q has returns -r[t]. Rebalancing to exposure x each bar makes equity grow by x x return, so a target of -x
    // on P and +x on Q give the same equity path.
    const rnd = seeded(5);
    const n = 300;
    const P = randomOhlc(n, rnd).close;
    const Q = new Float64Array(n);
    Q[0] = P[0];
    for (let i = 1; i < n; i++) Q[i] = Q[i - 1] * (1 - (P[i] / P[i - 1] - 1));
    const x = randomTargets(n, rnd, [0, 0.5, 1, 1.5]);
    const settings = { fill: 'close', rebalance: 'everyBar', initialCapital: 1000 } as const;
    const short = simulate({ bars: bars({ close: Array.from(P) }), targets: x.map((v) => -v), settings });
    const long = simulate({ bars: bars({ close: Array.from(Q) }), targets: x, settings });
    for (let i = 0; i < n; i++) expect(short.equity[i] / long.equity[i] - 1).toBeCloseTo(0, 10);
    expect(short.trades.count).toBe(long.trades.count);
    expectConsistent(short, 1000);
    expectConsistent(long, 1000);
  });
});
