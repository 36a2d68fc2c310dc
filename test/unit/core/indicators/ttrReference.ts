// Loads the R TTR 0.24.3 reference files in /work/shared/reference (see its README) for the conformance test.
// Empty CSV fields are NA and become NaN; every other field must parse to the exact double R wrote.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** <repo root>/../shared/reference, i.e. /work/shared/reference next to the checkout. */
export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/reference');

export interface Table {
  dates: string[];
  columns: Map<string, Float64Array>;
  header: string[];
}

export function readTable(file: string): Table {
  const text = readFileSync(path.join(REFERENCE_DIR, file), 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  if (header[0] !== 'date') throw new Error(`${file}: first column is ${header[0]}, expected date`);
  const rows = lines.length - 1;
  const dates: string[] = new Array<string>(rows);
  const data = header.slice(1).map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const fields = lines[r + 1].split(',');
    if (fields.length !== header.length) throw new Error(`${file}: row ${r + 2} has ${fields.length} fields`);
    dates[r] = fields[0];
    for (let c = 1; c < fields.length; c++) {
      const f = fields[c];
      // Number('') would be 0, so NA must be handled before parsing.
      const v = f === '' ? NaN : Number(f);
      if (f !== '' && Number.isNaN(v)) throw new Error(`${file}: row ${r + 2} column ${header[c]}: bad number ${f}`);
      data[c - 1][r] = v;
    }
  }
  return { dates, header, columns: new Map(header.slice(1).map((h, i) => [h, data[i]])) };
}

export function column(t: Table, name: string): Float64Array {
  const c = t.columns.get(name);
  if (c === undefined) throw new Error(`missing column ${name}`);
  return c;
}
