// The per-bar returns of a study's complete trials, read from any connection: the store's own, or a read-only one
// in the analysis worker, which builds the T×N returns matrix there rather than on the main thread.
import type Database from 'better-sqlite3';

export function readCompleteTrialReturns(db: Database.Database, studyId: string): { number: number; returns: Float32Array }[] {
  const rows = db
    .prepare(`SELECT number, returns FROM trials WHERE study_id = ? AND state = 'complete' AND returns IS NOT NULL ORDER BY number`)
    .all(studyId) as { number: number; returns: Buffer }[];
  return rows.map((r) => ({ number: r.number, returns: float32Of(r.returns) }));
}

/** A Float32Array over a copy of the blob's bytes (SQLite's buffer is not 4-byte aligned and is reused). */
export function float32Of(bytes: Buffer): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, bytes.byteLength / 4);
}
