// Plotly date axes have no time zone: a string is drawn as the wall-clock time it spells. Writing UTC components
// makes the axis read in UTC, like the rest of the app; a Date object would be drawn in the viewer's local time.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Epoch ms → "2024-03-15 14:30:00.000", read by plotly as UTC. */
export function toPlotlyDate(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

const PLOTLY_DATE = /^(-?\d{4,})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?)?$/;

/** A date as plotly reports it in events ("2024-03-15", "2024-03-15 14:30:05.1234", or ms) → epoch ms, or null. */
export function fromPlotlyDate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = PLOTLY_DATE.exec(value.trim());
  if (!m) return null;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + fraction;
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
