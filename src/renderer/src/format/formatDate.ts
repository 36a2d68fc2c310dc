// Every timestamp in Holdout is epoch ms in UTC, and researchers compare them against their vendor's files,
// so dates are always shown in UTC with a fixed ISO-like layout, never in the viewer's time zone or locale.

const DAY_SECONDS = 86_400;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2024-03-15" (UTC). */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2024-03-15 14:30" (UTC); seconds appear only when they are not zero, so minute bars stay short. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const seconds = d.getUTCSeconds();
  const base = `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds === 0 ? base : `${base}:${pad(seconds)}`;
}

/** True when bars are a day or more apart, where a time of day carries no information. */
export function isDailyOrCoarser(frequencySeconds: number): boolean {
  return frequencySeconds >= DAY_SECONDS * 0.99;
}

/** A bar time as the dataset's frequency warrants: the date alone for daily data, date and time otherwise. */
export function formatTimestamp(ms: number, frequencySeconds: number): string {
  return isDailyOrCoarser(frequencySeconds) ? formatDate(ms) : formatDateTime(ms);
}

/** "2019-01-02 → 2024-03-15". */
export function formatRange(first: number, last: number, frequencySeconds: number): string {
  return `${formatTimestamp(first, frequencySeconds)} → ${formatTimestamp(last, frequencySeconds)}`;
}
