// Plain-text rendering for the terminal: aligned tables and the few value formats the CLI prints.
export function table(headers: string[], rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A timestamp in UTC: the date alone for daily or slower data, date and time otherwise. */
export function formatTime(ms: number, frequencySeconds: number): string {
  const iso = new Date(ms).toISOString();
  return frequencySeconds >= 86_400 ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')}Z`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatPercent(x: number | null, digits = 3): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
}

export function formatNumber(x: number | null, digits = 4): string {
  return x === null ? 'n/a' : x.toFixed(digits);
}
