// Turns anything thrown in the back end into the contract's serialisable error: domain errors keep their
// location (file, line, column, value); unexpected errors become INTERNAL with their message, and are logged.
import { CsvFormatError } from '../../core';
import { HoldoutError, isSerializedError, type SerializedError } from '../../shared';

export function toHoldoutError(err: unknown): HoldoutError {
  if (err instanceof HoldoutError) return err;
  if (err instanceof CsvFormatError) {
    return new HoldoutError('INVALID_DATA', err.message, {
      file: err.file,
      line: err.line,
      ...(err.column !== undefined ? { column: err.column } : {}),
      ...(err.value !== undefined ? { value: err.value } : {}),
    });
  }
  if (isSerializedError(err)) return new HoldoutError(err.code, err.message, err.location);
  if (err instanceof Error) {
    console.error('[holdout] internal error:', err);
    return new HoldoutError('INTERNAL', `Internal error: ${err.message}`);
  }
  console.error('[holdout] internal error (non-Error thrown):', err);
  return new HoldoutError('INTERNAL', `Internal error: ${String(err)}`);
}

export function toSerializedError(err: unknown): SerializedError {
  return toHoldoutError(err).toJSON();
}
