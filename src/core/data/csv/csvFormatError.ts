// The one error a malformed CSV file produces: where (file, line, column), what (the offending text) and why,
// so the back end can turn it into an INVALID_DATA error that points the user at the exact spot.

/** Longest offending text kept; a runaway line would otherwise flood the message. */
export const MAX_ERROR_VALUE_CHARS = 60;

export interface CsvFormatErrorDetails {
  file: string;
  /** 1-based physical line in the file; the header is line 1. */
  line: number;
  /** The column's header name as written in the file, when the problem is in one field. */
  column?: string;
  /** The first offending raw text (truncated to MAX_ERROR_VALUE_CHARS). */
  value?: string;
  /** The sentence after the location, e.g. `"abc" is not a number`. */
  reason: string;
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  readonly file: string;
  readonly line: number;
  readonly column: string | undefined;
  readonly value: string | undefined;
  readonly reason: string;

  constructor(details: CsvFormatErrorDetails) {
    const where = details.column === undefined ? `line ${details.line}` : `line ${details.line}, column ${details.column}`;
    super(`${details.file}, ${where}: ${details.reason}`);
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.value = details.value === undefined ? undefined : truncateValue(details.value);
    this.reason = details.reason;
  }
}

export function truncateValue(text: string): string {
  return text.length <= MAX_ERROR_VALUE_CHARS ? text : text.slice(0, MAX_ERROR_VALUE_CHARS);
}

/** The value as it appears inside a message: JSON-quoted (control bytes escaped), truncated with an ellipsis. */
export function quoteValue(text: string): string {
  return text.length <= MAX_ERROR_VALUE_CHARS ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, MAX_ERROR_VALUE_CHARS))}…`;
}
