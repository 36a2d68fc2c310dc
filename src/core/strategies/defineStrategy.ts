// Declares a strategy: infers its parameter type and freezes the declaration, because built-ins are shared
// module-level objects and a caller mutating one (say, a default) would change every later study.
import type { ParamValues } from './paramSpec';
import type { Strategy } from './strategy';

export function defineStrategy<P extends ParamValues>(strategy: Strategy<P>): Strategy<P> {
  for (const spec of strategy.params) {
    if (spec.type === 'categorical') Object.freeze(spec.choices);
    Object.freeze(spec);
  }
  Object.freeze(strategy.params);
  for (const c of strategy.constraints ?? []) {
    if (c.kind === 'linear') {
      c.terms.forEach((t) => Object.freeze(t));
      Object.freeze(c.terms);
    }
    Object.freeze(c);
  }
  if (strategy.constraints !== undefined) Object.freeze(strategy.constraints);
  if (strategy.requires !== undefined) Object.freeze(strategy.requires);
  return Object.freeze(strategy);
}
