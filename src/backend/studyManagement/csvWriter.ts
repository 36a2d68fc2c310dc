// RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, a header row, and a field quoted (with
// its quotes doubled) when it holds a comma, a quote, CR or LF. No CSV library is installed, and this is all of it.
import type { TrialsColumn, TrialsTable } from './trialsTable';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers at full precision (shortest round-trip form), missing values empty, timestamps as ISO 8601 UTC. */
function cell(column: TrialsColumn, value: number | string | boolean | null): string {
  if (value === null) return '';
  if (column.kind === 'timestamp') return new Date(value as number).toISOString();
  if (column.kind === 'string') return csvField(String(value));
  // A categorical's string choice could be anything a user typed.
  return typeof value === 'string' ? csvField(value) : String(value);
}

export function trialsCsv(table: TrialsTable): string {
  const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
  for (let r = 0; r < table.rows; r++) lines.push(table.columns.map((c) => cell(c, c.values[r])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
