// Number formats of the Robustness tab: probabilities as decimals (how the papers quote PSR, DSR and PBO), per-bar
// Sharpe ratios with four decimals (they are small), annualised ones with two.
import type { ParamValues } from '../../../../shared';
import { formatDecimal } from '../../format/formatNumber';

/** 0.62 → "0.62"; near certainty keeps a third decimal so 0.999 and 0.991 do not both read "0.99". */
export function formatProbability(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return formatDecimal(p, p > 0.99 || p < 0.01 ? 3 : 2);
}

export function formatSharpePerBar(sr: number | null | undefined): string {
  return formatDecimal(sr, 4);
}

export function formatSharpeAnnual(sr: number | null | undefined): string {
  return formatDecimal(sr, 2);
}

/** "fast=10, slow=50, mode=long-flat": integers as they are, other numbers to four decimals. */
export function formatParams(params: ParamValues): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? formatDecimal(v, 4) : String(v)}`)
    .join(', ');
}

/** C(S, S/2): the number of CSCV splits of S blocks. */
export function cscvCombinations(partitions: number): number {
  const half = partitions / 2;
  let c = 1;
  for (let i = 1; i <= half; i++) c = (c * (half + i)) / i;
  return Math.round(c);
}
