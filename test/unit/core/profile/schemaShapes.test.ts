import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { PerformanceProfile, TradeTable } from '../../../../src/core/profile/index';
import type {
  PerformanceProfile as PerformanceProfileSchema,
  TradeTable as TradeTableSchema,
} from '../../../../src/shared/backtestSchemas';

// Compile-time checks (tsc -p tsconfig.test.json): the core types must be the very types the zod schemas infer.
describe('core profile types match the shared zod schemas', () => {
  it('PerformanceProfile and TradeTable', () => {
    expectTypeOf<PerformanceProfile>().toEqualTypeOf<z.infer<typeof PerformanceProfileSchema>>();
    expectTypeOf<TradeTable>().toEqualTypeOf<z.infer<typeof TradeTableSchema>>();
  });
});
