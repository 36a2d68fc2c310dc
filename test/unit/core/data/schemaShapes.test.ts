import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ChartSeries, DatasetStats, Frequency, Gap } from '../../../../src/core/data/index';
import type {
  ChartSeries as ChartSeriesSchema,
  DatasetStats as DatasetStatsSchema,
  Frequency as FrequencySchema,
  Gap as GapSchema,
} from '../../../../src/shared/schemas';

// Compile-time checks (tsc -p tsconfig.test.json): the core types must be the very types the zod schemas infer.
describe('core data types match the shared zod schemas', () => {
  it('Frequency, Gap, DatasetStats and ChartSeries', () => {
    expectTypeOf<Frequency>().toEqualTypeOf<z.infer<typeof FrequencySchema>>();
    expectTypeOf<Gap>().toEqualTypeOf<z.infer<typeof GapSchema>>();
    expectTypeOf<DatasetStats>().toEqualTypeOf<z.infer<typeof DatasetStatsSchema>>();
    expectTypeOf<ChartSeries>().toEqualTypeOf<z.infer<typeof ChartSeriesSchema>>();
  });
});
