// The T×N returns matrix of a study's complete trials, built in the analytics worker from its own read-only
// connection to the database file: the main thread never reads, copies or widens it (hundreds of MB for a large
// study). Column-major Float64 (T rows × N trial columns).
import Database from 'better-sqlite3';
import { readCompleteTrialReturns } from '../storage/trialReturnsQuery';
import type { ReturnsMatrix } from './analysisWorkerApi';

/** Where the worker reads the returns: the database file and the study. */
export interface ReturnsSource {
  dbPath: string;
  studyId: string;
}

export function readReturnsMatrix(source: ReturnsSource, trialNumbers: readonly number[]): { matrix: ReturnsMatrix; columnOf: number[] } {
  const db = new Database(source.dbPath, { readonly: true, fileMustExist: true });
  try {
    return packReturns(trialNumbers, readCompleteTrialReturns(db, source.studyId));
  } finally {
    db.close();
  }
}

export function packReturns(
  trialNumbers: readonly number[],
  stored: readonly { number: number; returns: Float32Array }[],
): { matrix: ReturnsMatrix; columnOf: number[] } {
  const byNumber = new Map(stored.map((s) => [s.number, s.returns]));
  // The in-sample length is the same for every trial; a trial with another length (should not happen) is left out.
  const rows = stored.length === 0 ? 0 : stored[0].returns.length;
  const columnOf: number[] = [];
  let columns = 0;
  for (const n of trialNumbers) {
    const r = byNumber.get(n);
    columnOf.push(r && r.length === rows ? columns++ : -1);
  }
  const data = new Float64Array(rows * columns);
  trialNumbers.forEach((n, i) => {
    const c = columnOf[i];
    if (c >= 0) data.set(byNumber.get(n)!, c * rows);
  });
  return { matrix: { buffer: data.buffer, rows, columns }, columnOf };
}
