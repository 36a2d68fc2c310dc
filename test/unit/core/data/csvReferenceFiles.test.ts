import { describe, expect, it } from 'vitest';
import { assembleBarSeries, parseCsvBars, parseDecimalFast } from '../../../../src/core/data/index';
import { parseInPieces } from './csvTestSupport';
import { REFERENCE_BAR_FILES, readReference, referenceTable } from './referenceData';
import type { ReferenceBarFile } from './referenceData';

const COLUMN_OF_HEADER: Record<string, 'open' | 'high' | 'low' | 'close' | 'volume'> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
};

describe('reference files in ../shared/reference', () => {
  it.each(Object.entries(REFERENCE_BAR_FILES) as Array<[ReferenceBarFile, number]>)('%s parses to %i bars equal to Number(field) bit for bit', (name, rows) => {
    const { series, layout } = parseCsvBars(readReference(name), { fileName: name });
    const table = referenceTable(name);
    expect(series.length).toBe(rows);
    expect(table.rows.length).toBe(rows);
    expect(layout.headerFields).toEqual(table.header);
    for (let i = 0; i < rows; i++) {
      const row = table.rows[i];
      expect(series.time[i]).toBe(Date.parse(row[0]));
      for (let f = 1; f < table.header.length; f++) {
        const column = series[COLUMN_OF_HEADER[table.header[f]]]!;
        if (!Object.is(column[i], Number(row[f]))) expect.fail(`${name} row ${i + 2} ${table.header[f]}: ${column[i]} vs Number("${row[f]}")`);
      }
    }
  });

  it('parses usdchf_30min.csv identically in 64 KiB pushes', () => {
    const bytes = readReference('usdchf_30min.csv');
    const streamed = parseInPieces(bytes, 65536, 10_000);
    const series = assembleBarSeries(streamed.chunks, streamed.layout.columns);
    const whole = parseCsvBars(bytes, { fileName: 'usdchf_30min.csv' }).series;
    expect(streamed.chunks.length).toBe(7);
    expect(series.time).toEqual(whole.time);
    expect(series.close).toEqual(whole.close);
    expect(streamed.layout.timestampFormat).toBe('iso-datetime');
  });

  it('parses every number field of every reference file (indicator files too) exactly as Number() does', () => {
    const files = [...Object.keys(REFERENCE_BAR_FILES), 'ttr_indicators_msft.csv', 'ttr_indicators_ttrc.csv'];
    const encoder = new TextEncoder();
    let checked = 0;
    for (const name of files) {
      for (const row of referenceTable(name).rows) {
        for (let f = 1; f < row.length; f++) {
          if (row[f] === '') continue; // NA in the indicator files
          const bytes = encoder.encode(row[f]);
          const value = parseDecimalFast(bytes, 0, bytes.length);
          if (!Object.is(value, Number(row[f]))) expect.fail(`${name}: "${row[f]}" parsed as ${value}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(120_000);
  });
});
