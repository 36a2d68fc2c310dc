import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatUtc,
  isLeapYear,
  weekdayOfEpochDay,
  weekdaysBetween,
} from '../../../../src/core/data/index';

describe('UTC calendar arithmetic', () => {
  it('daysFromCivil and civilFromDays agree with Date for every day from 1600 to 2400', () => {
    const start = Math.floor(Date.UTC(1600, 0, 1) / 86_400_000);
    const end = Math.floor(Date.UTC(2400, 0, 1) / 86_400_000);
    for (let day = start; day < end; day++) {
      const d = new Date(day * 86_400_000);
      const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      if (daysFromCivil(civil.year, civil.month, civil.day) !== day) expect.fail(`daysFromCivil(${JSON.stringify(civil)})`);
      const back = civilFromDays(day);
      if (back.year !== civil.year || back.month !== civil.month || back.day !== civil.day) expect.fail(`civilFromDays(${day})`);
      if (weekdayOfEpochDay(day) !== d.getUTCDay()) expect.fail(`weekday of ${day}`);
    }
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('counts weekdays strictly between two days like a brute-force loop', () => {
    const base = daysFromCivil(2020, 1, 1) - 20;
    for (let a = base; a < base + 30; a++) {
      for (let b = a - 2; b < a + 40; b++) {
        let brute = 0;
        for (let d = a + 1; d < b; d++) if (weekdayOfEpochDay(d) !== 0 && weekdayOfEpochDay(d) !== 6) brute++;
        expect(weekdaysBetween(a, b)).toBe(brute);
      }
    }
    // Before 1970, where the week arithmetic works on negative day numbers.
    // 1960-01-01 was a Friday: Jan 4-8 are the only weekdays before the 11th.
    expect(weekdaysBetween(daysFromCivil(1960, 1, 1), daysFromCivil(1960, 1, 11))).toBe(5);
  });

  it('formats instants for messages', () => {
    expect(formatUtc(Date.UTC(2020, 0, 2))).toBe('2020-01-02');
    expect(formatUtc(Date.UTC(2020, 0, 2, 9, 30))).toBe('2020-01-02T09:30:00.000Z');
  });
});
