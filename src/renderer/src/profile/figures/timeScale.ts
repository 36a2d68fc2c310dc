import { toPlotlyDate } from '../../charts/plotlyDate';

const MS_PER_DAY = 86_400_000;

/** True when every time is a UTC midnight: daily (or coarser) bars, where a time of day says nothing. */
export function isDailyTimes(times: readonly number[]): boolean {
  for (const t of times) if (t % MS_PER_DAY !== 0) return false;
  return true;
}

export function plotlyDates(times: readonly number[]): string[] {
  return times.map(toPlotlyDate);
}
