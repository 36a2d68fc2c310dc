// Recognises files that are not CSV text (spreadsheets, archives, UTF-16, random bytes) from their first bytes,
// so the user gets "this is an Excel workbook" instead of a confusing complaint about line 1's columns.
import { findInvalidUtf8 } from './utf8Text';

export interface BinaryProblem {
  /** Byte offset (within the sniffed range) of the first offending byte. */
  offset: number;
  reason: string;
}

const MAGIC: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook is one): export the sheet as CSV' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Excel/Office file: export the sheet as CSV' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed: decompress it first' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text: save it as UTF-8' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text: save it as UTF-8' },
];

/** More control characters than this share (beyond tab, CR, LF) means the bytes are not meant as text. */
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROL_COUNT = 8;

function startsWith(bytes: Uint8Array, start: number, end: number, magic: readonly number[]): boolean {
  if (end - start < magic.length) return false;
  for (let k = 0; k < magic.length; k++) if (bytes[start + k] !== magic[k]) return false;
  return true;
}

/**
 * Checks the first bytes of a file. `endIsFileEnd` says whether [start, end) is the whole file; if not, a multi-byte
 * character cut off at `end` is not an error.
 */
export function sniffBinary(bytes: Uint8Array, start: number, end: number, endIsFileEnd: boolean): BinaryProblem | null {
  for (const m of MAGIC) {
    if (startsWith(bytes, start, end, m.bytes)) return { offset: start, reason: `this is not a CSV text file, it looks like ${m.what}` };
  }
  const nul = bytes.subarray(start, end).indexOf(0);
  if (nul >= 0) return { offset: start + nul, reason: 'the file contains NUL bytes, so it is binary data, not CSV text' };
  let controls = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls > MIN_CONTROL_COUNT && controls > (end - start) * MAX_CONTROL_SHARE) {
    return { offset: start, reason: `${controls} of the first ${end - start} bytes are control characters, so this is binary data, not CSV text` };
  }
  const bad = findInvalidUtf8(bytes, start, end, !endIsFileEnd);
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return { offset: bad, reason: `the file is not valid UTF-8 text (byte 0x${hex}): save it as UTF-8 CSV` };
  }
  return null;
}
