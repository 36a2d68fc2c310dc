// The dataset content hash (definition in src/backend/datasets/columnHasher.ts): stable forever, independent of
// how the rows were chunked, blind to -0 vs +0, and sensitive to any change of any value or column.
import { describe, expect, it } from 'vitest';
import { ColumnHasher, hashSeriesColumns } from '../../../src/backend/datasets/columnHasher';

const time = Float64Array.of(Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3), Date.UTC(2020, 0, 6));
const close = Float64Array.of(10, 10.5, 10.25);
const volume = Float64Array.of(0, 1200, 900);

describe('dataset content hash', () => {
  it('is pinned: this exact value was computed when the definition was written and must never change', () => {
    expect(hashSeriesColumns({ time, close, volume }, 3)).toBe(GOLDEN);
  });

  it('does not depend on how the rows are split into chunks', () => {
    const hasher = new ColumnHasher();
    hasher.update({ rowStart: 0, length: 1, columns: { time: time.slice(0, 1), close: close.slice(0, 1), volume: volume.slice(0, 1) } });
    hasher.update({ rowStart: 1, length: 2, columns: { time: time.slice(1), close: close.slice(1), volume: volume.slice(1) } });
    expect(hasher.digest()).toBe(GOLDEN);
  });

  it('treats -0 as 0', () => {
    expect(hashSeriesColumns({ time, close, volume: Float64Array.of(-0, 1200, 900) }, 3)).toBe(GOLDEN);
  });

  it('changes when any value, or the set of columns, changes', () => {
    expect(hashSeriesColumns({ time, close: Float64Array.of(10, 10.5, 10.250000000000002), volume }, 3)).not.toBe(GOLDEN);
    expect(hashSeriesColumns({ time, close }, 3)).not.toBe(GOLDEN);
    // Same numbers under another column name are other data.
    expect(hashSeriesColumns({ time, close, adjClose: volume }, 3)).not.toBe(GOLDEN);
  });
});

// Computed independently with node:crypto from the written definition, not with ColumnHasher.
const GOLDEN = 'bde5bb803fe59a104fc88cd251e197899d9d889189c6444b36a20d471ce79773';
