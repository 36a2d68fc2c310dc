// The safe way to call a strategy: validate and default the parameters, check the required columns, run it,
// and check what it returned, so a faulty custom strategy fails here rather than inside the simulator.
import type { BarSeries } from '../data/bars';
import type { ParamValues } from './paramSpec';
import { assertColumns } from './requiredColumns';
import type { Strategy, StrategyContext } from './strategy';
import { validateParams } from './validateParams';

/**
 * Targets of `strategy` on `data`: one finite-or-NaN exposure per bar.
 * @throws StrategyParamError for bad parameters; Error for missing columns or a malformed result.
 */
export function runStrategy<P extends ParamValues>(
  strategy: Strategy<P>,
  data: BarSeries,
  params: Readonly<Record<string, unknown>>,
  context: StrategyContext,
): Float64Array {
  const resolved = validateParams(strategy, params);
  assertColumns(strategy.name, data, strategy.requires);
  const targets = strategy.targets(data, resolved, context);
  if (!(targets instanceof Float64Array)) throw new Error(`${strategy.name}: targets() must return a Float64Array`);
  if (targets.length !== data.length) {
    throw new Error(`${strategy.name}: targets() returned ${targets.length} values for ${data.length} bars`);
  }
  for (let t = 0; t < targets.length; t++) {
    const v = targets[t];
    if (v === Infinity || v === -Infinity) throw new Error(`${strategy.name}: targets() returned ${v} at bar ${t}; targets must be finite or NaN`);
  }
  return targets;
}
