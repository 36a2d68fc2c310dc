// Awaits a promise that must reject with a HoldoutError, and returns that error for the test to inspect.
import { expect } from 'vitest';
import { HoldoutError } from '../../src/shared';

export async function rejectionOf(promise: Promise<unknown>): Promise<HoldoutError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(HoldoutError);
    return err as HoldoutError;
  }
  throw new Error('expected the call to fail with a HoldoutError');
}
