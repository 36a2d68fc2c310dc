// The streaming CSV reader for bar files: header and delimiter detection, byte-level number and timestamp parsing,
// and the CsvFormatError it throws. Re-exports the public API of this folder.
export { CsvBarParser, DEFAULT_CHUNK_ROWS } from './csvBarParser';
export { MAX_LINE_BYTES, SNIFF_BYTES } from './csvLineReader';
export type { CsvBarParserOptions, CsvLayout, CsvParseResult } from './csvBarParser';
export { CsvFormatError, MAX_ERROR_VALUE_CHARS } from './csvFormatError';
export type { CsvFormatErrorDetails } from './csvFormatError';
export type { CsvDelimiter } from './csvHeader';
export { EPOCH_MILLIS_THRESHOLD, MAX_TIMESTAMP_MS } from './timestampField';
export type { TimestampFormat } from './timestampField';
export { parseDecimalFast } from './decimalField';
export { parseCsvBars } from './parseCsvBars';
