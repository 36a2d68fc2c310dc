// Errors reach the renderer as HoldoutError (code, message, location) from either client, but a dropped
// connection or a bug can still surface as a plain Error; the UI wants one shape for all of them.
import { describeLocation, isSerializedError, type ErrorCode, type ErrorLocation } from '../../../shared/errors';

export interface DisplayError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  location?: ErrorLocation;
}

export function toDisplayError(error: unknown): DisplayError {
  if (isSerializedError(error)) return { code: error.code, message: error.message, location: error.location };
  if (error instanceof Error) return { code: 'UNKNOWN', message: error.message || error.name };
  return { code: 'UNKNOWN', message: String(error) };
}

/**
 * One line that says where and what: 'msft.csv, line 12, column high: "abc" is not a number'. The back end may
 * already have put the place into its message; it is not repeated then.
 */
export function describeError(error: DisplayError): string {
  const where = describeLocation(error.location);
  if (!where || error.message.startsWith(where)) return error.message;
  return `${where}: ${error.message}`;
}
