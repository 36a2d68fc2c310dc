// Probability of Backtest Overfitting by CSCV (Bailey, Borwein, López de Prado & Zhu 2017): a 3-trial, 4-block
// matrix worked by hand, a brute-force re-implementation that passes over the bars for every combination, the
// pure-noise (PBO ≈ 0.5) and real-edge (PBO ≈ 0) cases, and input validation.

import { describe, expect, it } from 'vitest';
import { pbo } from '../../../../src/core/analysis';
import { Rng } from '../../../../src/core/random';

/** A column whose blocks of `rowsPerBlock` rows each repeat one value. */
function blockColumn(values: number[], rowsPerBlock: number): Float64Array {
  return Float64Array.from(values.flatMap((v) => Array<number>(rowsPerBlock).fill(v)));
}

function noiseMatrix(rng: Rng, trials: number, rows: number, drift: (n: number) => number): Float64Array[] {
  const m: Float64Array[] = [];
  for (let n = 0; n < trials; n++) {
    const col = new Float64Array(rows);
    for (let t = 0; t < rows; t++) col[t] = drift(n) + rng.normal();
    m.push(col);
  }
  return m;
}

describe('pbo: hand-worked CSCV example (Bailey, Borwein, López de Prado & Zhu 2017, §2.3)', () => {
  // S = 4 blocks of 2 rows (T = 8), N = 3 trials, metric 'mean'. Block values (both rows of a block equal):
  //   A = [1.25, −0.75, 0.25, 0.25]   B = [−0.75, 0.25, 0.25, −0.75]   C = [0.25, 0.25, −0.75, −0.75]
  // The mean of a half {i, j} is (v_i + v_j)/2. Combinations in Gosper order of the in-sample mask:
  //   k  IS     IS means A, B, C          n*            OOS    OOS means A, B, C     rank of n* (avg ties)  ω      λ
  //   0  {0,1}  0.25, −0.25, 0.25          A (tie with C: lowest index)  {2,3}  0.25, −0.25, −0.75   3    3/4    ln 3
  //   1  {0,2}  0.75, −0.25, −0.25         A             {1,3}  −0.25, −0.25, −0.25   (1+2+3)/3 = 2   1/2  0
  //   2  {1,2}  −0.25, 0.25, −0.25         B             {0,3}  0.75, −0.75, −0.25    1               1/4  −ln 3
  //   3  {0,3}  0.75, −0.75, −0.25         A             {1,2}  −0.25, 0.25, −0.25    (1+2)/2 = 1.5   3/8  ln(3/5)
  //   4  {1,3}  −0.25, −0.25, −0.25        A (3-way tie)  {0,2}  0.75, −0.25, −0.25    3               3/4  ln 3
  //   5  {2,3}  0.25, −0.25, −0.75         A             {0,1}  0.25, −0.25, 0.25     (2+3)/2 = 2.5   5/8  ln(5/3)
  // PBO = #{λ <= 0}/6 = 3/6 (k = 1, 2, 3). OOS of n* < 0 at k = 1, 2, 3 → probOosLoss = 3/6.
  // Degradation over (IS, OOS) of n*: (.25,.25) (.75,−.25) (.25,−.75) (.75,−.25) (−.25,.75) (.25,.25):
  //   x̄ = 2/6 = 1/3, ȳ = 0; Σ(x − x̄)² = (1 + 25 + 1 + 25 + 49 + 1)/144 = 102/144;
  //   Σ(x − x̄)·y = (1/12)(−.25 − 1.25 + .75 − 1.25 − 5.25 − .25) = −0.625
  //   slope = −0.625·144/102 = −15/17, intercept = ȳ − slope·x̄ = 5/17.
  const matrix = [
    blockColumn([1.25, -0.75, 0.25, 0.25], 2),
    blockColumn([-0.75, 0.25, 0.25, -0.75], 2),
    blockColumn([0.25, 0.25, -0.75, -0.75], 2),
  ];

  it('gives the hand-computed logits, PBO, probOosLoss and degradation line', () => {
    const r = pbo(matrix, { partitions: 4, metric: 'mean' });
    expect(r.combinations).toBe(6);
    expect(r.partitions).toBe(4);
    expect(r.blockLength).toBe(2);
    expect(r.droppedRows).toBe(0);
    expect(Array.from(r.selected)).toEqual([0, 0, 1, 0, 0, 0]);
    const expected = [Math.log(3), 0, -Math.log(3), Math.log(3 / 5), Math.log(3), Math.log(5 / 3)];
    r.logits.forEach((l, k) => expect(l).toBeCloseTo(expected[k], 14));
    expect(Array.from(r.inSample)).toEqual([0.25, 0.75, 0.25, 0.75, -0.25, 0.25]);
    expect(Array.from(r.outOfSample)).toEqual([0.25, -0.25, -0.75, -0.25, 0.75, 0.25]);
    expect(r.pbo).toBe(0.5);
    expect(r.probOosLoss).toBe(0.5);
    expect(r.degradation.slope).toBeCloseTo(-15 / 17, 14);
    expect(r.degradation.intercept).toBeCloseTo(5 / 17, 14);
  });

  it('drops the first T mod S (oldest) rows so the blocks are equal', () => {
    // Prepend one row of 1000 to every trial: T = 9, 9 mod 4 = 1 row dropped, same result as above.
    const padded = matrix.map((c) => Float64Array.from([1000, ...c]));
    const r = pbo(padded, { partitions: 4, metric: 'mean' });
    expect(r.droppedRows).toBe(1);
    expect(r.pbo).toBe(0.5);
    expect(Array.from(r.outOfSample)).toEqual([0.25, -0.25, -0.75, -0.25, 0.75, 0.25]);
  });
});

/** Sharpe (mean / std, ddof = 1) of the rows of `col` in the given blocks, by a direct pass over the rows. */
function directSharpe(col: Float64Array, blocks: number[], length: number, offset: number): number {
  const xs: number[] = [];
  for (const b of blocks) for (let t = 0; t < length; t++) xs.push(col[offset + b * length + t]);
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return mean / Math.sqrt(variance);
}

describe('pbo: agrees with a brute-force CSCV that re-reads the bars for every combination', () => {
  it('matches logits, winners and IS/OOS Sharpe ratios (S = 6, N = 5, T = 50 → 2 rows dropped, blocks of 8)', () => {
    const rng = new Rng(7);
    const m = noiseMatrix(rng, 5, 50, (n) => 0.05 * n);
    const r = pbo(m, { partitions: 6 });
    expect(r.combinations).toBe(20);
    expect(r.droppedRows).toBe(2);
    // Enumerate the 3-of-6 subsets in Gosper order (increasing masks with 3 bits set).
    const masks: number[] = [];
    for (let mask = 0; mask < 64; mask++) if (mask.toString(2).split('1').length - 1 === 3) masks.push(mask);
    masks.forEach((mask, k) => {
      const is = [0, 1, 2, 3, 4, 5].filter((s) => mask & (1 << s));
      const oos = [0, 1, 2, 3, 4, 5].filter((s) => !(mask & (1 << s)));
      const isSr = m.map((c) => directSharpe(c, is, 8, 2));
      const oosSr = m.map((c) => directSharpe(c, oos, 8, 2));
      const best = isSr.indexOf(Math.max(...isSr));
      const rank = 1 + oosSr.filter((v) => v < oosSr[best]).length; // continuous data: no ties
      expect(r.selected[k]).toBe(best);
      expect(r.inSample[k]).toBeCloseTo(isSr[best], 12);
      expect(r.outOfSample[k]).toBeCloseTo(oosSr[best], 12);
      expect(r.logits[k]).toBeCloseTo(Math.log(rank / 6 / (1 - rank / 6)), 12);
    });
  });
});

describe('pbo: behaviour on synthetic strategies (Bailey et al. 2017, §4 experiments)', () => {
  it('gives a PBO near 0.5 for pure noise, averaged over 40 seeds', () => {
    // N = 10 (even), so with i.i.d. trials n*'s OOS rank is uniform on 1..10 and P(λ <= 0) = P(r <= 5) = 0.5 exactly.
    // One seed's PBO is very noisy (its 70 combinations share the same data): across seeds its SD is about 0.23,
    // so the mean of 40 has a standard error of about 0.037; the tolerance 0.15 is about 4 standard errors.
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) total += pbo(noiseMatrix(new Rng(seed), 10, 400, () => 0), { partitions: 8 }).pbo;
    expect(Math.abs(total / 40 - 0.5)).toBeLessThan(0.15);
  });

  it('gives a PBO near 0 when one strategy has a real edge among noise', () => {
    // Trial 0 has drift 0.3σ per bar: over a half of 200 bars its Sharpe is ≈ 0.3 ± 0.07 while the noise trials'
    // are ≈ 0 ± 0.07, so it wins in-sample and ranks first out-of-sample in essentially every combination.
    const r = pbo(noiseMatrix(new Rng(11), 20, 400, (n) => (n === 0 ? 0.3 : 0)), { partitions: 8 });
    expect(r.pbo).toBeLessThan(0.05);
    expect(r.probOosLoss).toBe(0);
    expect(Array.from(r.selected).every((n) => n === 0)).toBe(true);
  });
});

describe('pbo: edge cases', () => {
  it('enumerates all C(16, 8) = 12,870 combinations for the default S = 16', () => {
    const m = [blockColumn([...Array(16).keys()], 2), blockColumn([...Array(16).keys()].reverse(), 2)];
    const r = pbo(m);
    expect(r.combinations).toBe(12870);
    expect(r.partitions).toBe(16);
    expect(r.logits.length).toBe(12870);
  });

  it('never selects a zero-variance trial (Sharpe NaN) and ranks it below every number out-of-sample', () => {
    // A strategy that never trades (all-zero returns) next to two noisy ones.
    const rng = new Rng(3);
    const m = [new Float64Array(80), ...noiseMatrix(rng, 2, 80, () => 0.1)];
    const r = pbo(m, { partitions: 4 });
    expect(Array.from(r.selected).every((n) => n !== 0)).toBe(true);
    expect(r.logits.every((l) => Number.isFinite(l))).toBe(true);
  });
});

describe('pbo: validation', () => {
  const cols = (rows: number, n = 3): Float64Array[] => Array.from({ length: n }, (_, i) => Float64Array.from({ length: rows }, (_, t) => Math.sin(t + i)));

  it('rejects odd, too small or too large partition counts', () => {
    expect(() => pbo(cols(40), { partitions: 5 })).toThrow(/even integer/);
    expect(() => pbo(cols(40), { partitions: 0 })).toThrow(/even integer/);
    expect(() => pbo(cols(40), { partitions: 26 })).toThrow(/even integer from 2 to 24/);
  });

  it('rejects too few rows, unequal lengths, fewer than 2 trials and non-finite returns', () => {
    expect(() => pbo(cols(15), { partitions: 16 })).toThrow(/15 rows are too few for 16 partitions/);
    expect(() => pbo(cols(3), { partitions: 2 })).toThrow(/too few/); // Sharpe needs 2 rows per half
    expect(pbo(cols(2), { partitions: 2, metric: 'mean' }).combinations).toBe(2);
    expect(() => pbo([new Float64Array(40), new Float64Array(39)], { partitions: 4 })).toThrow(/same number of rows: trial 0 has 40, trial 1 has 39/);
    expect(() => pbo(cols(40, 1), { partitions: 4 })).toThrow(/at least 2 trials/);
    const bad = cols(40);
    bad[2][7] = NaN;
    expect(() => pbo(bad, { partitions: 4 })).toThrow(/trial 2 has a non-finite return NaN at row 7/);
  });
});
