// Calendar-month returns (UTC) compounded from bar returns, for the monthly heatmap. Month boundaries are found
// with integer calendar arithmetic once per month, not a Date per bar.

import { civilFromDays, daysFromCivil, epochDayOf, MS_PER_DAY } from '../data/utcCalendar';
import type { MonthlyReturn } from './performanceProfile';

/**
 * `prod(1 + returns[t]) − 1` over the bars t whose time falls in each UTC calendar month, in time order; months
 * without bars are left out. Every return counts, returns[0] included (it carries costs paid at the first bar),
 * so compounding all months gives the total return. Each bar's return belongs to the month of its own time (a
 * month's first bar carries the move from the previous month's last close).
 */
export function monthlyReturns(time: Float64Array, returns: Float64Array): MonthlyReturn[] {
  const n = Math.min(time.length, returns.length);
  const out: MonthlyReturn[] = [];
  let t = 0;
  while (t < n) {
    const { year, month } = civilFromDays(epochDayOf(time[t]));
    const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    const nextStart = next * MS_PER_DAY;
    // (1 + a)(1 + b) − 1 = a + b + ab: exact for a one-bar month, and no 1 + tiny rounding for small returns.
    let ret = 0;
    while (t < n && time[t] < nextStart) {
      const r = returns[t];
      ret += r + ret * r;
      t++;
    }
    out.push({ year, month, ret });
  }
  return out;
}
