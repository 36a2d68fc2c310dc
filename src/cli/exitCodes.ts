// The CLI's exit codes: 0 success, 1 a user error (bad input, unknown id: the message says what to fix),
// 2 an internal error (a bug: please report it).
import { toHoldoutError } from '../backend';
import { describeLocation } from '../shared';

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

export function reportError(err: unknown): number {
  const e = toHoldoutError(err);
  const where = describeLocation(e.location);
  const text = e.message.includes(where) || !where ? e.message : `${e.message} (${where})`;
  process.stderr.write(`holdout: ${text}\n`);
  return e.code === 'INTERNAL' ? EXIT_INTERNAL_ERROR : EXIT_USER_ERROR;
}
