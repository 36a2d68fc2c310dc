// Errors that cross a process boundary: a stable code a program can branch on, a sentence a person can act on,
// and where the problem is (file, line, column, field, value) when there is a place to point at.

export const ERROR_CODES = [
  'INVALID_REQUEST', // the request did not match the contract's schema
  'UNAUTHORIZED', // missing or wrong browser-mode token, or a foreign origin
  'NOT_FOUND', // the id names nothing in the store
  'INVALID_DATA', // an input file is malformed (CSV, export file, strategy file)
  'CONFLICT', // the operation clashes with the store's current state
  'CANCELLED', // the user or the app stopped the operation
  'UNSUPPORTED', // not possible in this mode (e.g. a native dialog in browser mode)
  'INTERNAL', // a bug: the message says what failed, the log has the stack
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorLocation {
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** Column name (or 1-based index when the file has no header). */
  column?: string;
  field?: string;
  /** The first offending value, as it appeared in the input. */
  value?: string;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  location?: ErrorLocation;
}

export class HoldoutError extends Error {
  override readonly name = 'HoldoutError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location?: ErrorLocation,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    return this.location ? { code: this.code, message: this.message, location: this.location } : { code: this.code, message: this.message };
  }
}

export function isSerializedError(value: unknown): value is SerializedError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code);
}

export function fromSerializedError(s: SerializedError): HoldoutError {
  return new HoldoutError(s.code, s.message, s.location);
}

/** A location as a short human prefix: "prices.csv, line 12, column close". */
export function describeLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.column !== undefined) parts.push(`column ${loc.column}`);
  if (loc.field !== undefined) parts.push(`field ${loc.field}`);
  return parts.join(', ');
}
