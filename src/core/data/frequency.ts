// Detects a series' bar frequency from its timestamps: the most common spacing of consecutive bars (robust to
// weekends, holidays and overnight breaks), a human label, and the bars per year used to annualise statistics.
import { profileSessions } from './sessionProfile';

/** Structurally identical to the Frequency schema in src/shared/schemas.ts. */
export interface Frequency {
  /** Typical spacing of consecutive bars, in seconds. */
  seconds: number;
  label: string;
  /** Bars per year used to annualise statistics. */
  periodsPerYear: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const AVERAGE_YEAR = 365.2425 * DAY;
const AVERAGE_MONTH = AVERAGE_YEAR / 12;

export const TRADING_DAYS_PER_YEAR = 252;
export const CALENDAR_DAYS_PER_YEAR = 365;

/** What fewer than two bars give: nothing to measure, so assume daily equity data. */
export const UNKNOWN_FREQUENCY: Frequency = { seconds: DAY / SECOND, label: 'unknown', periodsPerYear: TRADING_DAYS_PER_YEAR };

/**
 * Calendar-based spacings vary in length (months are 28-31 days), so each is one bin; the bins are a day wider
 * than the exact range on each side to absorb daylight-saving shifts in timestamps.
 */
const CALENDAR_BINS: ReadonlyArray<{ key: number; min: number; max: number; label: string; seconds: number; periodsPerYear: number }> = [
  { key: -1, min: 27 * DAY, max: 32 * DAY, label: 'monthly', seconds: AVERAGE_MONTH / SECOND, periodsPerYear: 12 },
  { key: -3, min: 88 * DAY, max: 93 * DAY, label: 'quarterly', seconds: (3 * AVERAGE_MONTH) / SECOND, periodsPerYear: 4 },
  { key: -12, min: 364 * DAY, max: 367 * DAY, label: 'yearly', seconds: AVERAGE_YEAR / SECOND, periodsPerYear: 1 },
];

/** Below this share of all spacings, the most common one does not describe the series: it is irregular. */
const MIN_MODE_SHARE = 0.25;

function spacingKey(ms: number): number {
  for (const bin of CALENDAR_BINS) if (ms >= bin.min && ms <= bin.max) return bin.key;
  return ms;
}

/** "2.5 hours", "45 minutes", "3 days": the unit that keeps the number readable. */
export function describeDuration(seconds: number): string {
  const units: ReadonlyArray<[number, string]> = [
    [DAY / SECOND, 'day'],
    [HOUR / SECOND, 'hour'],
    [MINUTE / SECOND, 'minute'],
    [1, 'second'],
  ];
  const [size, name] = units.find(([unitSeconds]) => seconds >= 1.5 * unitSeconds) ?? units[units.length - 1];
  const value = Math.round((seconds / size) * 10) / 10;
  return `${value} ${name}${value === 1 ? '' : 's'}`;
}

/** "daily", "30-minute", "hourly", "4-hour", "weekly" for regular spacings, null for anything else. */
function labelOfSpacing(ms: number): string | null {
  if (ms === DAY) return 'daily';
  if (ms === WEEK) return 'weekly';
  if (ms >= DAY || ms % SECOND !== 0) return null;
  if (ms === HOUR) return 'hourly';
  if (ms % HOUR === 0) return `${ms / HOUR}-hour`;
  if (ms % MINUTE === 0) return `${ms / MINUTE}-minute`;
  return `${ms / SECOND}-second`;
}

function medianSpacing(time: Float64Array): number {
  const diffs = new Float64Array(time.length - 1);
  for (let i = 1; i < time.length; i++) diffs[i - 1] = time[i] - time[i - 1];
  diffs.sort();
  const mid = diffs.length >> 1;
  return diffs.length % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
}

/** Detects the frequency of strictly increasing epoch-ms timestamps. */
export function detectFrequency(time: Float64Array): Frequency {
  const n = time.length;
  if (n < 2) return { ...UNKNOWN_FREQUENCY };

  // Spacings come in long runs (a session of 1-minute bars), so count runs first and touch the Map once per run.
  const counts = new Map<number, number>();
  let runKey = spacingKey(time[1] - time[0]);
  let runLength = 0;
  for (let i = 1; i < n; i++) {
    const d = time[i] - time[i - 1];
    const key = d === runKey ? d : spacingKey(d);
    if (key === runKey) {
      runLength++;
    } else {
      counts.set(runKey, (counts.get(runKey) ?? 0) + runLength);
      runKey = key;
      runLength = 1;
    }
  }
  counts.set(runKey, (counts.get(runKey) ?? 0) + runLength);
  let modeKey = 0;
  let modeCount = 0;
  for (const [key, count] of counts) {
    // Ties go to the shorter spacing so the result does not depend on Map order.
    if (count > modeCount || (count === modeCount && key < modeKey)) {
      modeKey = key;
      modeCount = count;
    }
  }

  const span = time[n - 1] - time[0];
  const irregular = (): Frequency => {
    const median = medianSpacing(time);
    // Only timestamps that are not increasing give a non-positive median; there is no frequency to report.
    if (!(median > 0)) return { ...UNKNOWN_FREQUENCY };
    return {
      seconds: median / SECOND,
      label: `irregular (≈ ${describeDuration(median / SECOND)})`,
      periodsPerYear: span > 0 ? ((n - 1) * AVERAGE_YEAR) / span : TRADING_DAYS_PER_YEAR,
    };
  };
  const bin = CALENDAR_BINS.find((b) => b.key === modeKey);
  if (modeCount < MIN_MODE_SHARE * (n - 1)) return irregular();
  if (bin) return { seconds: bin.seconds, label: bin.label, periodsPerYear: bin.periodsPerYear };

  const label = labelOfSpacing(modeKey);
  if (label === null) return irregular();
  if (label === 'weekly') return { seconds: WEEK / SECOND, label, periodsPerYear: 52 };
  const profile = profileSessions(time);
  const tradingDays = profile.tradesWeekends ? CALENDAR_DAYS_PER_YEAR : TRADING_DAYS_PER_YEAR;
  if (label === 'daily') return { seconds: DAY / SECOND, label, periodsPerYear: tradingDays };
  return { seconds: modeKey / SECOND, label, periodsPerYear: profile.barsPerDay * tradingDays };
}
