// Which optional bar columns a strategy needs and the dataset lacks, checked before any computation so a
// close-only dataset fails with a message naming the columns instead of a TypeError deep in a loop.
import type { BarSeries } from '../data/bars';
import type { OptionalBarColumn } from './strategy';

export function missingColumns(data: BarSeries, columns: readonly OptionalBarColumn[] | undefined): OptionalBarColumn[] {
  return (columns ?? []).filter((c) => data[c] === undefined);
}

/** @throws Error naming the strategy and every missing column. */
export function assertColumns(strategyName: string, data: BarSeries, columns: readonly OptionalBarColumn[] | undefined): void {
  const missing = missingColumns(data, columns);
  if (missing.length > 0) {
    throw new Error(`${strategyName}: needs the ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}, which this dataset lacks`);
  }
}
