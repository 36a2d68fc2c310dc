// A strategy's constraints restated over a study's tuned parameters, so the sampler only proposes points the
// strategy accepts: a fixed parameter's value moves into a linear constraint's right-hand side, and a predicate
// is tested on the tuned values merged with the fixed ones (the full parameters a trial's backtest receives).
import { constraintParams, satisfiesConstraint, type ParamConstraint, type ParamSpec, type ParamValues } from '../../core';

export type FixedParams = Readonly<Record<string, number | string | boolean>>;

/**
 * The constraints the sampler must honour. One that reads only fixed parameters is decided here: dropped when it
 * holds, and an Error quoting it and the fixed values when it cannot (no trial could ever run).
 * `declared` are the strategy's parameters (a predicate without `params` reads all of them).
 */
export function studyConstraints(
  constraints: readonly ParamConstraint[],
  declared: readonly ParamSpec[],
  fixed: FixedParams,
  wrapError: (err: unknown) => unknown = (err) => err,
): ParamConstraint[] {
  const out: ParamConstraint[] = [];
  for (const c of constraints) {
    const reads = constraintParams(c, declared);
    const tuned = reads.filter((name) => !(name in fixed));
    if (tuned.length === 0) {
      if (!satisfiesConstraint(c, { ...fixed } as ParamValues)) {
        const values = reads.map((name) => `${name} = ${String(fixed[name])}`).join(', ');
        throw new Error(`the strategy's constraint '${c.text}' does not hold for the fixed values ${values}, so no trial could run`);
      }
      continue;
    }
    if (c.kind === 'linear') {
      let rhs = c.rhs;
      for (const t of c.terms) if (t.param in fixed) rhs -= t.coef * Number(fixed[t.param]);
      out.push({ kind: 'linear', terms: c.terms.filter((t) => !(t.param in fixed)), op: c.op, rhs, text: c.text });
      continue;
    }
    const test = c.test;
    out.push({
      kind: 'predicate',
      text: c.text,
      params: tuned,
      test(params: ParamValues): boolean {
        try {
          return test.call(c, { ...fixed, ...params });
        } catch (err) {
          throw wrapError(err);
        }
      },
    });
  }
  return out;
}
