// The built-in strategies by name, in the order the UI lists them, and the lookup the CLI and studies use.
import type { Strategy } from '../strategy';
import { bollingerReversion } from './bollingerReversion';
import { donchianBreakout } from './donchianBreakout';
import { emaCrossover } from './emaCrossover';
import { macdTrend } from './macdTrend';
import { rsiReversion } from './rsiReversion';
import { smaCrossover } from './smaCrossover';
import { tsMomentum } from './tsMomentum';

export const BUILTIN_STRATEGIES: readonly Strategy[] = Object.freeze([
  smaCrossover,
  emaCrossover,
  macdTrend,
  rsiReversion,
  bollingerReversion,
  donchianBreakout,
  tsMomentum,
] as Strategy[]);

/** The built-in named `name`, or undefined. */
export function findBuiltinStrategy(name: string): Strategy | undefined {
  return BUILTIN_STRATEGIES.find((s) => s.name === name);
}

/** @throws Error listing the valid names when `name` is not a built-in. */
export function getBuiltinStrategy(name: string): Strategy {
  const found = findBuiltinStrategy(name);
  if (found === undefined) {
    throw new Error(`unknown strategy '${name}'; built-in strategies: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}`);
  }
  return found;
}
