// Finds missing sessions: bars that a series at its detected frequency should have between two consecutive bars
// but does not. Weekends are not missing for data that does not trade them, overnight breaks are never missing,
// and irregular data has no gaps by definition. Holidays do count (the store has no exchange calendars).
import type { Frequency } from './frequency';
import { profileSessions } from './sessionProfile';
import { epochDayOf, monthIndexOfEpochDay, weekdaysBetween } from './utcCalendar';

/** Structurally identical to the Gap schema in src/shared/schemas.ts. */
export interface Gap {
  /** Last bar before the gap and first bar after it, epoch ms. */
  from: number;
  to: number;
  /** Sessions (bars at the dataset's frequency, weekends excluded) missing in between. */
  missing: number;
}

export interface GapReport {
  /** Total missing sessions over the whole series. */
  missingSessions: number;
  /** The largest gaps, largest first (ties: earliest first). */
  largestGaps: Gap[];
}

export const MAX_REPORTED_GAPS = 10;

const WEEK_MS = 7 * 86_400_000;
const MONTHS_PER_STEP: Readonly<Record<string, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * How many bars are missing between two consecutive bar times, for one series (the closure keeps what the whole
 * series says about its calendar). Rules, by frequency:
 * - daily: the weekdays strictly between the two dates (every calendar day if the series trades weekends);
 * - intraday, same UTC day: the bar slots strictly between them; different days: the whole trading days
 *   strictly between them times the median bars per day (the ends of the two days are treated as session breaks);
 * - weekly, monthly, quarterly, yearly: the whole periods strictly between them;
 * - irregular or unknown: none.
 */
export function missingSessionCounter(time: Float64Array, frequency: Frequency): (from: number, to: number) => number {
  const label = frequency.label;
  const profile = profileSessions(time);
  const tradingDaysBetween = (fromDay: number, toDay: number): number =>
    profile.tradesWeekends ? Math.max(0, toDay - fromDay - 1) : weekdaysBetween(fromDay, toDay);

  if (label === 'daily') return (from, to) => tradingDaysBetween(epochDayOf(from), epochDayOf(to));
  if (label === 'weekly') return (from, to) => Math.max(0, Math.round((to - from) / WEEK_MS) - 1);
  const monthsPerStep = MONTHS_PER_STEP[label];
  if (monthsPerStep !== undefined) {
    return (from, to) => {
      const months = monthIndexOfEpochDay(epochDayOf(to)) - monthIndexOfEpochDay(epochDayOf(from));
      return Math.max(0, Math.round(months / monthsPerStep) - 1);
    };
  }
  const isIntraday = frequency.seconds < 86_400 && label !== 'unknown' && !label.startsWith('irregular');
  if (isIntraday) {
    const spacing = frequency.seconds * 1000;
    return (from, to) => {
      if (to - from < 1.5 * spacing) return 0; // the usual case, decided without calendar arithmetic
      const fromDay = epochDayOf(from);
      const toDay = epochDayOf(to);
      if (fromDay === toDay) return Math.max(0, Math.round((to - from) / spacing) - 1);
      return tradingDaysBetween(fromDay, toDay) * profile.barsPerDay;
    };
  }
  return () => 0;
}

/** Scans a strictly increasing series once and keeps the `limit` largest gaps. */
export function findGaps(time: Float64Array, frequency: Frequency, limit = MAX_REPORTED_GAPS): GapReport {
  const missingBetween = missingSessionCounter(time, frequency);
  const largest: Gap[] = [];
  let missingSessions = 0;
  for (let i = 1; i < time.length; i++) {
    const missing = missingBetween(time[i - 1], time[i]);
    if (missing <= 0) continue;
    missingSessions += missing;
    if (largest.length >= limit && (limit <= 0 || missing <= largest[largest.length - 1].missing)) continue;
    // Insert after equal gaps so earlier gaps win ties; the list holds at most `limit` entries.
    let at = largest.length;
    while (at > 0 && largest[at - 1].missing < missing) at--;
    largest.splice(at, 0, { from: time[i - 1], to: time[i], missing });
    if (largest.length > limit) largest.pop();
  }
  return { missingSessions, largestGaps: largest };
}
