// An independent, deliberately naive reader of the reference CSVs (split on commas, Number(), Date.parse), to
// check the streaming parser and the store against something that shares none of their code.
import { readFileSync } from 'node:fs';

export interface NaiveColumns {
  header: string[];
  columns: Record<string, Float64Array>;
  rows: number;
}

export function readReferenceCsv(path: string): NaiveColumns {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const rows = lines.length - 1;
  const columns: Record<string, Float64Array> = {};
  for (const h of header) columns[h] = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const fields = lines[i + 1].split(',');
    header.forEach((h, j) => {
      columns[h][i] = j === 0 ? Date.parse(fields[j].length === 10 ? `${fields[j]}T00:00:00Z` : fields[j]) : Number(fields[j]);
    });
  }
  return { header, columns, rows };
}

export const REFERENCE_BAR_FILES = [
  { file: 'msft.csv', bars: 249, columns: ['time', 'open', 'high', 'low', 'close', 'volume'] },
  { file: 'ttrc.csv', bars: 5550, columns: ['time', 'open', 'high', 'low', 'close', 'volume'] },
  { file: 'usdchf_30min.csv', bars: 62496, columns: ['time', 'close'] },
  { file: 'eustock_SMI.csv', bars: 1860, columns: ['time', 'close'] },
  { file: 'eustock_CAC.csv', bars: 1860, columns: ['time', 'close'] },
  { file: 'eustock_FTSE.csv', bars: 1860, columns: ['time', 'close'] },
] as const;
