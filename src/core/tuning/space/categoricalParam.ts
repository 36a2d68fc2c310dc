// Constructor of the categorical distribution: an unordered list of choices, seen by samplers as indices.
import type { ParamValue } from '../../strategies/paramSpec';
import { checkName } from './boundsChecks';
import type { CategoricalParam } from './distribution';
import { SearchSpaceError } from './searchSpaceError';

/**
 * A parameter taking one of `choices` (strings, numbers or booleans). Choices must be distinct, and numbers
 * finite, because a stored trial keeps the choice itself and JSON turns NaN and Infinity into null.
 *
 * @throws SearchSpaceError naming the parameter: no choices, a repeated choice, or a choice of another type.
 */
export function categoricalParam(name: string, choices: readonly ParamValue[]): CategoricalParam {
  checkName(name);
  const where = `categorical parameter '${name}'`;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new SearchSpaceError('choices', name, `${where}: needs at least one choice, got none`);
  }
  choices.forEach((c, i) => {
    const ok = typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && Number.isFinite(c));
    if (!ok) throw new SearchSpaceError('choices', name, `${where}: choice ${i} must be a string, a finite number or a boolean, got ${String(c)}`);
    if (choices.indexOf(c) !== i) throw new SearchSpaceError('choices', name, `${where}: choice ${JSON.stringify(c)} appears twice`);
  });
  return Object.freeze({ type: 'categorical', name, choices: Object.freeze([...choices]) });
}
