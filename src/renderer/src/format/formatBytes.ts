const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 10_485_760 → "10.0 MB" (powers of 1024, which is what file managers show for the same file). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} ${UNITS[0]}` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
