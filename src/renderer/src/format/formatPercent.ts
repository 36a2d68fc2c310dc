/** A fraction as a percentage: 0.0123 → "1.23%"; null (too few observations) becomes an em dash. */
export function formatPercent(fraction: number | null | undefined, digits = 2, signed = false): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const value = fraction * 100;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed && value > 0 ? `+${text}%` : `${text}%`;
}
