import { describe, expect, it } from 'vitest';
import { monthlyReturns } from '../../../../src/core/profile';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('monthlyReturns', () => {
  it('compounds bar returns within each UTC calendar month, across a month boundary', () => {
    const time = f64(Date.UTC(2021, 0, 28), Date.UTC(2021, 0, 29), Date.UTC(2021, 1, 1), Date.UTC(2021, 1, 2), Date.UTC(2021, 2, 1));
    const returns = f64(0, 0.1, 0.1, -0.5, 0.02);
    const months = monthlyReturns(time, returns);
    expect(months.map((m) => [m.year, m.month])).toEqual([[2021, 1], [2021, 2], [2021, 3]]);
    expect(months[0].ret).toBeCloseTo(0.1, 15);
    expect(months[1].ret).toBeCloseTo(1.1 * 0.5 - 1, 15);
    expect(months[2].ret).toBeCloseTo(0.02, 15);
  });

  it('puts a bar at exactly midnight UTC on the 1st in the new month and one a millisecond earlier in the old', () => {
    const boundary = Date.UTC(2020, 11, 1);
    const months = monthlyReturns(f64(boundary - 1, boundary), f64(0.01, 0.02));
    expect(months).toEqual([
      { year: 2020, month: 11, ret: 0.01 },
      { year: 2020, month: 12, ret: 0.02 },
    ]);
  });

  it('crosses a year end and skips months without bars', () => {
    const months = monthlyReturns(f64(Date.UTC(2019, 11, 31, 23), Date.UTC(2020, 2, 15)), f64(0.05, -0.05));
    expect(months).toEqual([
      { year: 2019, month: 12, ret: 0.05 },
      { year: 2020, month: 3, ret: -0.05 },
    ]);
  });

  it('returns nothing for no bars', () => {
    expect(monthlyReturns(f64(), f64())).toEqual([]);
  });
});
