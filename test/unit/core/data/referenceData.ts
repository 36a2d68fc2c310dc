// Access to the reference CSV files in ../shared/reference (next to the repository), for the data-layer tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const candidates = [
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/reference'),
  resolve(process.cwd(), '../shared/reference'),
];

export const REFERENCE_DIR = candidates.find((dir) => existsSync(resolve(dir, 'msft.csv'))) ?? candidates[0];

export const REFERENCE_BAR_FILES = {
  'msft.csv': 249,
  'ttrc.csv': 5550,
  'usdchf_30min.csv': 62496,
  'eustock_SMI.csv': 1860,
  'eustock_CAC.csv': 1860,
  'eustock_FTSE.csv': 1860,
} as const;
export type ReferenceBarFile = keyof typeof REFERENCE_BAR_FILES;

export function readReference(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(REFERENCE_DIR, name)));
}

/** The file as header + rows of string fields, split the obvious way (the reference files are plain CSV). */
export function referenceTable(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(resolve(REFERENCE_DIR, name), 'utf8').split('\n').filter((l) => l !== '');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}
