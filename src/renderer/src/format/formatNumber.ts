// Number formats are fixed to en-US rather than the viewer's locale so that what a researcher copies out of the
// app, and what end-to-end tests read, is the same on every machine.

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/** A fixed number of decimals with thousands separators; null or non-finite becomes an em dash. */
export function formatDecimal(n: number | null | undefined, digits: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A price with as many decimals as its magnitude needs: an FX rate like 0.91234 needs five, an index level
 * like 10,234.50 needs two.
 */
export function formatPrice(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const digits = abs >= 1000 ? 2 : abs >= 10 ? 3 : abs >= 1 ? 4 : 5;
  return formatDecimal(n, digits);
}

/** "1 bar", "249 bars". */
export function formatBars(n: number): string {
  return `${formatInteger(n)} ${n === 1 ? 'bar' : 'bars'}`;
}
