import { describe, expect, it } from 'vitest';
import { describeDuration, detectFrequency, parseCsvBars } from '../../../../src/core/data/index';
import { Rng } from '../../../../src/core/random/index';
import { readReference } from './referenceData';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function referenceTimes(name: string): Float64Array {
  return parseCsvBars(readReference(name), { fileName: name }).series.time;
}

/** Bar times for `days` calendar days from 2021-01-04 (a Monday), `perDay` times per day, optionally skipping weekends. */
function times(days: number, perDay: (dayStart: number) => number[], weekdaysOnly: boolean): Float64Array {
  const out: number[] = [];
  const start = Date.UTC(2021, 0, 4);
  for (let d = 0; d < days; d++) {
    const dayStart = start + d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekdaysOnly && (weekday === 0 || weekday === 6)) continue;
    out.push(...perDay(dayStart));
  }
  return Float64Array.from(out);
}

describe('detectFrequency on the reference files', () => {
  it.each(['msft.csv', 'ttrc.csv'])('%s is daily with 252 periods per year', (name) => {
    expect(detectFrequency(referenceTimes(name))).toEqual({ seconds: 86_400, label: 'daily', periodsPerYear: 252 });
  });

  it.each(['eustock_SMI.csv', 'eustock_CAC.csv', 'eustock_FTSE.csv'])('%s is daily with 252 periods per year', (name) => {
    expect(detectFrequency(referenceTimes(name))).toEqual({ seconds: 86_400, label: 'daily', periodsPerYear: 252 });
  });

  it('usdchf_30min.csv is 30-minute, 48 bars a day on weekdays', () => {
    expect(detectFrequency(referenceTimes('usdchf_30min.csv'))).toEqual({ seconds: 1800, label: '30-minute', periodsPerYear: 48 * 252 });
  });
});

describe('detectFrequency on built series', () => {
  it('daily data trading every day (crypto) has 365 periods per year', () => {
    expect(detectFrequency(times(400, (d) => [d], false))).toEqual({ seconds: 86_400, label: 'daily', periodsPerYear: 365 });
  });

  it('daily weekday data with holidays missing still has 252', () => {
    const t = Array.from(times(400, (d) => [d], true)).filter((_, i) => i % 17 !== 5);
    expect(detectFrequency(Float64Array.from(t)).periodsPerYear).toBe(252);
  });

  it('FX hours (Sunday evening to Friday evening) do not count as weekend trading', () => {
    const fx = (d: number): number[] => {
      const weekday = new Date(d).getUTCDay();
      if (weekday === 6) return [];
      const hours = weekday === 0 ? [21, 22, 23] : weekday === 5 ? Array.from({ length: 21 }, (_, h) => h) : Array.from({ length: 24 }, (_, h) => h);
      return hours.map((h) => d + h * HOUR);
    };
    expect(detectFrequency(times(70, fx, false))).toEqual({ seconds: 3600, label: 'hourly', periodsPerYear: 24 * 252 });
  });

  it('an equity session of 5-minute bars: 78 bars a day, 252 days', () => {
    const session = (d: number): number[] => Array.from({ length: 78 }, (_, k) => d + 9.5 * HOUR + k * 5 * MINUTE);
    expect(detectFrequency(times(60, session, true))).toEqual({ seconds: 300, label: '5-minute', periodsPerYear: 78 * 252 });
  });

  it.each([
    [MINUTE, '1-minute'],
    [15 * MINUTE, '15-minute'],
    [HOUR, 'hourly'],
    [4 * HOUR, '4-hour'],
    [2 * MINUTE, '2-minute'],
    [10_000, '10-second'],
  ])('round-the-clock bars every %i ms are %s', (spacing, label) => {
    const perDay = DAY / spacing;
    const f = detectFrequency(times(21, (d) => Array.from({ length: perDay }, (_, k) => d + k * spacing), false));
    expect(f).toEqual({ seconds: spacing / 1000, label, periodsPerYear: perDay * 365 });
  });

  it('weekly, monthly, quarterly and yearly data', () => {
    expect(detectFrequency(Float64Array.from({ length: 60 }, (_, k) => Date.UTC(2020, 0, 3) + k * 7 * DAY))).toEqual({
      seconds: 604_800,
      label: 'weekly',
      periodsPerYear: 52,
    });
    const monthly = detectFrequency(Float64Array.from({ length: 40 }, (_, k) => Date.UTC(2018, k, 1)));
    expect(monthly.label).toBe('monthly');
    expect(monthly.periodsPerYear).toBe(12);
    expect(monthly.seconds).toBeCloseTo((365.2425 / 12) * 86_400, 6);
    expect(detectFrequency(Float64Array.from({ length: 20 }, (_, k) => Date.UTC(2000, 3 * k + 2, 31 - (k % 2)))).label).toBe('quarterly');
    expect(detectFrequency(Float64Array.from({ length: 20 }, (_, k) => Date.UTC(1990 + k, 11, 31))).label).toBe('yearly');
  });

  it('irregular spacing is labelled with its median', () => {
    const rng = new Rng(5);
    let t = 0;
    const irregular = Float64Array.from({ length: 2000 }, () => (t += 1000 * (1 + rng.nextInt(18_000))));
    const f = detectFrequency(irregular);
    expect(f.label).toMatch(/^irregular \(≈ [\d.]+ hours\)$/);
    expect(f.seconds).toBeGreaterThan(7000);
    expect(f.seconds).toBeLessThan(11_000);
    // Bars per year from the span: about 365.25 days / 2.5 hours.
    expect(f.periodsPerYear).toBeGreaterThan(3000);
    expect(f.periodsPerYear).toBeLessThan(4000);
  });

  it('a regular spacing without a standard label (every 2 days) is irregular', () => {
    expect(detectFrequency(Float64Array.from({ length: 50 }, (_, k) => k * 2 * DAY)).label).toBe('irregular (≈ 2 days)');
  });

  it('fewer than two bars give the unknown default', () => {
    expect(detectFrequency(new Float64Array(0))).toEqual({ seconds: 86_400, label: 'unknown', periodsPerYear: 252 });
    expect(detectFrequency(Float64Array.of(123))).toEqual({ seconds: 86_400, label: 'unknown', periodsPerYear: 252 });
  });

  it('describes durations readably', () => {
    expect(describeDuration(9000)).toBe('2.5 hours');
    expect(describeDuration(2700)).toBe('45 minutes');
    expect(describeDuration(30)).toBe('30 seconds');
    expect(describeDuration(86_400)).toBe('24 hours');
    expect(describeDuration(3 * 86_400)).toBe('3 days');
  });
});
