// The trials table as Parquet (hyparquet-writer): ints as INT64, floats as DOUBLE, booleans, UTF-8 strings and
// timestamps as TIMESTAMP_MILLIS (UTC), every column nullable, so pandas.read_parquet and arrow::read_parquet
// get typed columns without any parsing.
import { parquetWriteBuffer, type BasicType, type ColumnSource } from 'hyparquet-writer';
import type { TrialsColumnKind, TrialsTable } from './trialsTable';

const TYPES: Record<TrialsColumnKind, BasicType> = { int: 'INT64', float: 'DOUBLE', string: 'STRING', bool: 'BOOLEAN', timestamp: 'TIMESTAMP' };

export function trialsParquet(table: TrialsTable, createdBy: string): Uint8Array {
  const columnData: ColumnSource[] = table.columns.map((c) => ({
    name: c.name,
    type: TYPES[c.kind],
    data: c.values.map((v) => {
      if (v === null) return null;
      if (c.kind === 'int') return BigInt(v as number);
      if (c.kind === 'timestamp') return new Date(v as number);
      if (c.kind === 'string') return String(v);
      return v;
    }),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy }));
}
