// Proleptic Gregorian calendar arithmetic on UTC epoch days (days since 1970-01-01) without Date objects,
// so parsers and gap counters can call it once per row without allocating.

export const MS_PER_DAY = 86_400_000;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}

/**
 * Epoch day of a civil date. Howard Hinnant's days_from_civil (http://howardhinnant.github.io/date_algorithms.html):
 * exact integer arithmetic on 400-year eras, valid far beyond the years a CSV file can hold.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil (Hinnant's civil_from_days); used off the hot path, so it may allocate. */
export function civilFromDays(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch day (UTC) containing the epoch-millisecond instant `ms`. */
export function epochDayOf(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekendDay(epochDay: number): boolean {
  const w = weekdayOfEpochDay(epochDay);
  return w === 0 || w === 6;
}

// Monday 1970-01-05 anchors whole weeks so weekday counts need no loop.
const MONDAY_EPOCH_DAY = 4;

/** Monday-to-Friday days in [MONDAY_EPOCH_DAY, epochDay) (negative before it); differences of it count weekdays. */
function weekdaysBefore(epochDay: number): number {
  const k = epochDay - MONDAY_EPOCH_DAY;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

/** Monday-to-Friday days strictly between two epoch days (0 when they are adjacent or out of order). */
export function weekdaysBetween(fromDay: number, toDay: number): number {
  if (toDay - fromDay < 2) return 0;
  return weekdaysBefore(toDay) - weekdaysBefore(fromDay + 1);
}

/** Months since year 0 (year * 12 + month - 1): differences of it count calendar months. */
export function monthIndexOfEpochDay(epochDay: number): number {
  const { year, month } = civilFromDays(epochDay);
  return year * 12 + month - 1;
}

/** ISO-8601 text of an instant for messages; Date is fine here because messages are off the hot path. */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
