import { describe, expect, it } from 'vitest';
import { detectFrequency, findGaps, parseCsvBars } from '../../../../src/core/data/index';
import type { Frequency } from '../../../../src/core/data/index';
import { readReference } from './referenceData';

const DAY = 86_400_000;
const DAILY: Frequency = { seconds: 86_400, label: 'daily', periodsPerYear: 252 };
const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

function referenceGaps(name: string): ReturnType<typeof findGaps> {
  const { time } = parseCsvBars(readReference(name), { fileName: name }).series;
  return findGaps(time, detectFrequency(time));
}

describe('findGaps on hand-built daily series', () => {
  it('counts a missing Wednesday as one session', () => {
    const t = Float64Array.of(utc(2021, 1, 4), utc(2021, 1, 5), utc(2021, 1, 7), utc(2021, 1, 8));
    expect(findGaps(t, DAILY)).toEqual({ missingSessions: 1, largestGaps: [{ from: utc(2021, 1, 5), to: utc(2021, 1, 7), missing: 1 }] });
  });

  it('does not count weekends for weekday data, but counts a missing Monday', () => {
    const t = Float64Array.of(utc(2021, 1, 8), utc(2021, 1, 11), utc(2021, 1, 15), utc(2021, 1, 19));
    // Fri -> Mon: none; Mon -> Fri: Tue, Wed, Thu; Fri -> Tue: Mon.
    const report = findGaps(t, DAILY);
    expect(report.missingSessions).toBe(4);
    expect(report.largestGaps).toEqual([
      { from: utc(2021, 1, 11), to: utc(2021, 1, 15), missing: 3 },
      { from: utc(2021, 1, 15), to: utc(2021, 1, 19), missing: 1 },
    ]);
  });

  it('counts weekend days for data that trades every day', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21].map((d) => utc(2021, 1, d));
    const t = Float64Array.from(days);
    const frequency = detectFrequency(t);
    expect(frequency.periodsPerYear).toBe(365);
    expect(findGaps(t, frequency)).toEqual({ missingSessions: 2, largestGaps: [{ from: utc(2021, 1, 14), to: utc(2021, 1, 17), missing: 2 }] });
  });

  it('keeps the ten largest gaps, largest first, earlier first on ties', () => {
    // Weekdays with a growing hole every few weeks.
    const t: number[] = [];
    let day = utc(2021, 1, 4);
    for (let k = 0; k < 14; k++) {
      t.push(day);
      day += (1 + (k % 4)) * DAY; // skips 0, 1, 2 or 3 days, landing on weekends sometimes
      while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
    }
    const series = Float64Array.from(t);
    const report = findGaps(series, DAILY, 3);
    expect(report.largestGaps).toHaveLength(3);
    const all = findGaps(series, DAILY, 100).largestGaps;
    expect(report.largestGaps).toEqual(all.slice(0, 3));
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1].missing).toBeGreaterThanOrEqual(all[i].missing);
      if (all[i - 1].missing === all[i].missing) expect(all[i - 1].from).toBeLessThan(all[i].from);
    }
    expect(report.missingSessions).toBe(all.reduce((s, g) => s + g.missing, 0));
  });

  it('finds no gaps in a series of one bar', () => {
    expect(findGaps(Float64Array.of(utc(2021, 1, 4)), DAILY)).toEqual({ missingSessions: 0, largestGaps: [] });
  });
});

describe('findGaps on intraday, weekly, monthly and irregular series', () => {
  const MIN = 60_000;
  /** A 09:30-16:00 session of 5-minute bars (78 a day). */
  const session = (y: number, m: number, d: number): number[] => Array.from({ length: 78 }, (_, k) => utc(y, m, d, 9, 30) + k * 5 * MIN);

  it('counts missing bars inside a day and whole missing weekdays, not overnight breaks', () => {
    const bars = [...session(2021, 1, 4), ...session(2021, 1, 5), ...session(2021, 1, 6), ...session(2021, 1, 8), ...session(2021, 1, 11)];
    const holed = bars.filter((t) => t < utc(2021, 1, 5, 10) || t >= utc(2021, 1, 5, 10, 15)); // drops 10:00, 10:05, 10:10
    const t = Float64Array.from(holed);
    const frequency = detectFrequency(t);
    expect(frequency).toEqual({ seconds: 300, label: '5-minute', periodsPerYear: 78 * 252 });
    expect(findGaps(t, frequency)).toEqual({
      missingSessions: 78 + 3,
      largestGaps: [
        { from: utc(2021, 1, 6, 15, 55), to: utc(2021, 1, 8, 9, 30), missing: 78 },
        { from: utc(2021, 1, 5, 9, 55), to: utc(2021, 1, 5, 10, 15), missing: 3 },
      ],
    });
  });

  it('weekly data missing two weeks', () => {
    const t = Float64Array.from([0, 1, 2, 3, 6, 7, 8, 9, 10].map((k) => utc(2021, 1, 1) + k * 7 * DAY));
    expect(findGaps(t, detectFrequency(t))).toEqual({ missingSessions: 2, largestGaps: [{ from: utc(2021, 1, 22), to: utc(2021, 2, 12), missing: 2 }] });
  });

  it('monthly data missing two months', () => {
    const t = Float64Array.from([0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((m) => Date.UTC(2020, m, 28 + (m % 3))));
    const frequency = detectFrequency(t);
    expect(frequency.label).toBe('monthly');
    expect(findGaps(t, frequency).missingSessions).toBe(2);
  });

  it('irregular data has no gaps by definition', () => {
    const t = Float64Array.of(0, 1000, 5000, 60_000, 61_500, 3_600_000, 3_602_500, 9_000_000);
    const frequency = detectFrequency(t);
    expect(frequency.label.startsWith('irregular')).toBe(true);
    expect(findGaps(t, frequency)).toEqual({ missingSessions: 0, largestGaps: [] });
  });
});

describe('findGaps on the reference files', () => {
  it('eustock files (a synthetic Monday-Friday calendar) have no gaps', () => {
    for (const name of ['eustock_SMI.csv', 'eustock_CAC.csv', 'eustock_FTSE.csv']) expect(referenceGaps(name)).toEqual({ missingSessions: 0, largestGaps: [] });
  });

  it('msft.csv shows the NYSE holidays as one-session gaps and the 9/11 closure as four', () => {
    const report = referenceGaps('msft.csv');
    expect(report.largestGaps).toHaveLength(10);
    expect(report.missingSessions).toBe(13);
    expect(report.largestGaps[0]).toEqual({ from: utc(2001, 9, 10), to: utc(2001, 9, 17), missing: 4 });
    expect(report.largestGaps.slice(1).every((g) => g.missing === 1)).toBe(true);
    // Thanksgiving 2000 and Christmas Day 2000 (a Monday) are among them.
    expect(report.largestGaps).toContainEqual({ from: utc(2000, 11, 22), to: utc(2000, 11, 24), missing: 1 });
    expect(report.largestGaps).toContainEqual({ from: utc(2000, 12, 22), to: utc(2000, 12, 26), missing: 1 });
  });

  it('usdchf_30min.csv: weekends are not gaps, three missing weekdays are 48 bars each', () => {
    const report = referenceGaps('usdchf_30min.csv');
    expect(report.missingSessions).toBe(3 * 48);
    expect(report.largestGaps.map((g) => g.missing)).toEqual([48, 48, 48]);
  });
});
