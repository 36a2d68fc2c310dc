// How a strategy declares its tunable parameters and the constraints between them, as plain data the tuner,
// the CLI and the UI all read. Validation is in validateParams.ts, the human listing in describeParamSpace.ts.

export type ParamValue = number | string | boolean;

/** A full set of parameter values, keyed by parameter name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

interface ParamSpecBase {
  /** Key in the params object; camelCase, stable (saved studies refer to it). */
  readonly name: string;
  readonly label: string;
  readonly description?: string;
}

interface NumericParamSpec extends ParamSpecBase {
  /** Inclusive bounds. */
  readonly low: number;
  readonly high: number;
  /** Grid spacing from `low`: allowed values are low, low + step, ... up to high. Ints default to step 1. */
  readonly step?: number;
  /** Sample on a log scale when tuning (periods, volatilities); needs low > 0. Does not affect validation. */
  readonly log?: boolean;
  readonly default: number;
}

export interface IntParamSpec extends NumericParamSpec {
  readonly type: 'int';
}

export interface FloatParamSpec extends NumericParamSpec {
  readonly type: 'float';
}

export interface CategoricalParamSpec extends ParamSpecBase {
  readonly type: 'categorical';
  readonly choices: readonly ParamValue[];
  readonly default: ParamValue;
}

export type ParamSpec = IntParamSpec | FloatParamSpec | CategoricalParamSpec;

/**
 * `Σ coef × params[param]  op  rhs`, e.g. fast - slow < 0. Linear, so a tuner can sample inside the feasible
 * region instead of rejecting trials. `text` is how people read it ('fast < slow') and appears in errors.
 */
export interface LinearConstraint {
  readonly kind: 'linear';
  readonly terms: readonly { readonly param: string; readonly coef: number }[];
  readonly op: '<' | '<=';
  readonly rhs: number;
  readonly text: string;
}

/** Any other rule, as a test on the full resolved params. `params` names the ones it reads, for messages. */
export interface PredicateConstraint<P extends ParamValues = ParamValues> {
  readonly kind: 'predicate';
  readonly text: string;
  readonly params?: readonly string[];
  test(params: P): boolean;
}

export type ParamConstraint<P extends ParamValues = ParamValues> = LinearConstraint | PredicateConstraint<P>;

/** Names of the parameters a constraint reads (all of them for a predicate that does not say). */
export function constraintParams<P extends ParamValues>(constraint: ParamConstraint<P>, specs: readonly ParamSpec[]): string[] {
  if (constraint.kind === 'linear') return constraint.terms.map((t) => t.param);
  return constraint.params !== undefined ? [...constraint.params] : specs.map((s) => s.name);
}

/** True when `params` satisfy the constraint. Linear sums are exact for the integer periods they usually hold. */
export function satisfiesConstraint<P extends ParamValues>(constraint: ParamConstraint<P>, params: P): boolean {
  if (constraint.kind === 'predicate') return constraint.test(params);
  let sum = 0;
  for (const t of constraint.terms) sum += t.coef * Number(params[t.param]);
  return constraint.op === '<' ? sum < constraint.rhs : sum <= constraint.rhs;
}

/** The linear constraint `lower < higher` (or <=) between two numeric parameters, e.g. fast < slow. */
export function paramOrder(lower: string, higher: string, op: '<' | '<=' = '<'): LinearConstraint {
  return {
    kind: 'linear',
    terms: [
      { param: lower, coef: 1 },
      { param: higher, coef: -1 },
    ],
    op,
    rhs: 0,
    text: `${lower} ${op} ${higher}`,
  };
}
