// What a series' timestamps say about its trading calendar: whether it trades on weekends (crypto) or not
// (equities, FX), and how many bars a typical trading day holds. Frequency detection and gap counting share it.
import { epochDayOf, weekdayOfEpochDay } from './utcCalendar';

export interface SessionProfile {
  /** True when Saturdays and Sundays (UTC) both carry a real share of the bars. */
  tradesWeekends: boolean;
  /** Median number of bars per UTC day that has any bar (1 for daily data); 0 for an empty series. */
  barsPerDay: number;
}

/**
 * Each weekend day must hold at least this share of the bars to count as traded. A market open all week has
 * 1/7 ≈ 14% on each; FX feeds that open on Sunday evening put a few bars on Sunday but none on Saturday.
 */
const WEEKEND_DAY_MIN_SHARE = 0.05;

export function profileSessions(time: Float64Array): SessionProfile {
  const n = time.length;
  if (n === 0) return { tradesWeekends: false, barsPerDay: 0 };
  let saturdays = 0;
  let sundays = 0;
  const perDay: number[] = [];
  let currentDay = epochDayOf(time[0]);
  let count = 0;
  // Weekdays are looked up once per day, not per bar.
  const closeDay = (): void => {
    perDay.push(count);
    const weekday = weekdayOfEpochDay(currentDay);
    if (weekday === 6) saturdays += count;
    else if (weekday === 0) sundays += count;
  };
  for (let i = 0; i < n; i++) {
    const day = epochDayOf(time[i]);
    if (day !== currentDay) {
      closeDay();
      currentDay = day;
      count = 0;
    }
    count++;
  }
  closeDay();
  perDay.sort((a, b) => a - b);
  const mid = perDay.length >> 1;
  const barsPerDay = perDay.length % 2 === 1 ? perDay[mid] : Math.round((perDay[mid - 1] + perDay[mid]) / 2);
  return {
    tradesWeekends: saturdays >= n * WEEKEND_DAY_MIN_SHARE && sundays >= n * WEEKEND_DAY_MIN_SHARE,
    barsPerDay,
  };
}
