// Price data in the domain: the BarSeries shape, CSV reading, frequency and gap detection, dataset statistics,
// chart decimation and synthetic bars. Re-exports the public API of this folder and of ./csv.
export { BAR_COLUMNS, hasOhlc, presentColumns } from './bars';
export type { BarColumn, BarSeries } from './bars';
export { assembleBarSeries } from './barChunk';
export type { BarChunk, BarChunkColumns } from './barChunk';
export * from './csv/index';
export { CALENDAR_DAYS_PER_YEAR, describeDuration, detectFrequency, TRADING_DAYS_PER_YEAR, UNKNOWN_FREQUENCY } from './frequency';
export type { Frequency } from './frequency';
export { profileSessions } from './sessionProfile';
export type { SessionProfile } from './sessionProfile';
export { findGaps, MAX_REPORTED_GAPS, missingSessionCounter } from './gaps';
export type { Gap, GapReport } from './gaps';
export { closeReturnMoments, computeDatasetStats, dailyCloses, largestMoves, MAX_REPORTED_MOVES } from './datasetStats';
export type { DailyReturnStats, DatasetStats, PriceMove } from './datasetStats';
export { decimateForChart, lowerBound, upperBound } from './decimate';
export type { ChartSeries, DecimateOptions } from './decimate';
export { generateSyntheticBars } from './syntheticBars';
export type { SyntheticBarsOptions } from './syntheticBars';
export {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  epochDayOf,
  formatUtc,
  isLeapYear,
  isWeekendDay,
  MS_PER_DAY,
  weekdayOfEpochDay,
  weekdaysBetween,
} from './utcCalendar';
