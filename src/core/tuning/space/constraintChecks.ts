// Validation of the constraints between parameters against the parameters they name, before any sampling, so
// a typo in 'fast < slwo' is reported when the study is created and not as a study that never samples.
import type { ParamConstraint } from '../../strategies/paramSpec';
import type { ParamDistribution } from './distribution';
import { SearchSpaceError } from './searchSpaceError';

/**
 * @throws SearchSpaceError (kind 'constraint') quoting the constraint: a name that is not a parameter, a
 *   non-finite coefficient or right-hand side, a linear term on a categorical with non-numeric choices, or a
 *   predicate without a test function.
 */
export function checkConstraints(constraints: readonly ParamConstraint[], params: readonly ParamDistribution[]): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  const known = params.map((p) => p.name).join(', ');
  for (const c of constraints) {
    const text = typeof c?.text === 'string' && c.text !== '' ? c.text : undefined;
    if (text === undefined) throw new SearchSpaceError('constraint', '', 'a constraint needs a non-empty text saying what it requires, such as \'fast < slow\'');
    const at = `constraint '${text}'`;
    const unknown = (name: string) => new SearchSpaceError('constraint', text, `${at} names unknown parameter '${name}'; parameters: ${known}`);
    if (c.kind === 'linear') {
      if (!Array.isArray(c.terms) || c.terms.length === 0) throw new SearchSpaceError('constraint', text, `${at} has no terms`);
      if (c.op !== '<' && c.op !== '<=') throw new SearchSpaceError('constraint', text, `${at} must use '<' or '<=', got '${String(c.op)}'`);
      if (!Number.isFinite(c.rhs)) throw new SearchSpaceError('constraint', text, `${at} needs a finite right-hand side, got ${c.rhs}`);
      for (const t of c.terms) {
        const dist = byName.get(t.param);
        if (dist === undefined) throw unknown(t.param);
        if (!Number.isFinite(t.coef)) throw new SearchSpaceError('constraint', text, `${at} needs a finite coefficient for '${t.param}', got ${t.coef}`);
        if (dist.type === 'categorical' && !dist.choices.every((x) => typeof x === 'number')) {
          throw new SearchSpaceError('constraint', text, `${at} sums categorical parameter '${t.param}', whose choices are not all numbers; use a predicate constraint`);
        }
      }
    } else if (c.kind === 'predicate') {
      if (typeof c.test !== 'function') throw new SearchSpaceError('constraint', text, `${at} needs a test(params) function`);
      for (const name of c.params ?? []) if (!byName.has(name)) throw unknown(name);
    } else {
      throw new SearchSpaceError('constraint', text, `${at} has unknown kind '${String((c as { kind: unknown }).kind)}'; use 'linear' or 'predicate'`);
    }
  }
}
