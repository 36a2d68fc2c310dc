// One-call parsing of a whole CSV file already in memory, for samples, tests and small files; large imports
// drive CsvBarParser chunk by chunk instead.
import { assembleBarSeries } from '../barChunk';
import type { BarChunk } from '../barChunk';
import type { BarSeries } from '../bars';
import { CsvBarParser } from './csvBarParser';
import type { CsvBarParserOptions, CsvLayout } from './csvBarParser';

export function parseCsvBars(bytes: Uint8Array, options: CsvBarParserOptions): { series: BarSeries; layout: CsvLayout } {
  const parser = new CsvBarParser(options);
  const chunks: BarChunk[] = parser.push(bytes);
  const end = parser.finish();
  chunks.push(...end.chunks);
  return { series: assembleBarSeries(chunks, end.layout.columns), layout: end.layout };
}
