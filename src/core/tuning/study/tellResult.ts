// What a worker reports back for a trial, and how it becomes the trial's final state. A value that is NaN or
// infinite does not throw: the trial is stored as failed with the reason, because a backtest producing a NaN
// Sharpe ratio is an ordinary outcome of a bad parameter set, and the runner records such trials as failed
// anyway. A wrong number of values does throw: that is a bug in the caller, not an outcome.
import type { Direction } from '../objectives/direction';

export type TellResult = number | readonly number[] | { readonly state: 'failed'; readonly reason?: string };

export interface ResolvedOutcome {
  readonly state: 'complete' | 'failed';
  readonly values: readonly number[] | null;
  readonly failReason: string | null;
}

/** @throws Error when the number of values does not match the directions, or a value is not a number at all. */
export function resolveTellResult(trialNumber: number, result: TellResult, directions: readonly Direction[]): ResolvedOutcome {
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const failed = result as { state?: unknown; reason?: unknown };
    if (failed.state !== 'failed') throw new Error(`trial ${trialNumber}: tell takes the objective values or { state: 'failed', reason }, got state ${JSON.stringify(failed.state)}`);
    return { state: 'failed', values: null, failReason: typeof failed.reason === 'string' && failed.reason !== '' ? failed.reason : 'failed' };
  }
  const values: readonly unknown[] = typeof result === 'number' ? [result] : (result as readonly unknown[]);
  if (!Array.isArray(values) || values.length !== directions.length) {
    const got = Array.isArray(values) ? `${values.length}` : JSON.stringify(result);
    throw new Error(`trial ${trialNumber}: expected ${directions.length} objective value${directions.length === 1 ? '' : 's'} (${directions.join(', ')}), got ${got}`);
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number') throw new Error(`trial ${trialNumber}: objective ${i} must be a number, got ${JSON.stringify(v)}`);
  });
  const bad = (values as number[]).findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return { state: 'failed', values: null, failReason: `objective ${bad} (${directions[bad]}) is ${String(values[bad])}` };
  return { state: 'complete', values: [...(values as number[])], failReason: null };
}
