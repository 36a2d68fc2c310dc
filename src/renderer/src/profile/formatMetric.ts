// A metric value as its unit says to read it (see MetricUnit in src/core/metrics/metricDefinition.ts): fractions as
// percentages, ratios with two or three decimals, counts and bars as integers, amounts with cents.
import { formatBars, formatDecimal, formatInteger } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';

export function formatMetric(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'fraction':
      return formatPercent(value, 2);
    case 'percent':
      return `${formatDecimal(value, 2)}%`;
    case 'ratio':
      return formatDecimal(value, Math.abs(value) < 1 ? 3 : 2);
    case 'count':
      return formatInteger(Math.round(value));
    case 'bars':
      return formatBars(Math.round(value));
    case 'currency':
      return formatDecimal(value, 2);
    default:
      return formatDecimal(value, 4);
  }
}

/** 'positive' or 'negative' for values whose sign is the point (returns, P&L); undefined for the rest. */
export function signClass(value: number | null | undefined): 'positive' | 'negative' | undefined {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return undefined;
  return value > 0 ? 'positive' : 'negative';
}
