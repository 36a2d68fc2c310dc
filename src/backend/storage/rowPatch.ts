// Partial updates of one row and the SQLite encodings they share: the store and the walk-forward tables update
// rows from patches that name only the fields that change.
import type Database from 'better-sqlite3';

export type SqlValue = string | number | bigint | Buffer | null;

/** JSON text for a column that holds structured data, NULL for null or undefined. */
export function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** The bytes of a typed array, without copying, for a BLOB column. */
export function blobOf(values: Float32Array | Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * One UPDATE setting the columns of the fields `patch` holds (fields without a column are ignored); `encode` turns
 * a field's value into what SQLite stores. Returns the number of rows changed, or null when the patch named
 * nothing (so no statement ran).
 */
export function updateRow<P extends object>(
  db: Database.Database,
  table: string,
  columns: { readonly [K in keyof P]-?: string },
  patch: P,
  where: { sql: string; values: readonly SqlValue[] },
  encode: (field: keyof P, value: P[keyof P]) => SqlValue = (_field, value) => (value ?? null) as SqlValue,
): number | null {
  const fields = (Object.keys(patch) as (keyof P)[]).filter((k) => Object.hasOwn(columns, k) && patch[k] !== undefined);
  if (fields.length === 0) return null;
  const sql = `UPDATE ${table} SET ${fields.map((k) => `${columns[k]} = ?`).join(', ')} WHERE ${where.sql}`;
  return db.prepare(sql).run(...fields.map((k) => encode(k, patch[k])), ...where.values).changes;
}
