// Checks a user-supplied parameter object against a strategy's declared space and fills in defaults. Messages
// say exactly what is allowed because the CLI prints them verbatim.
import type { ParamSpec, ParamValue, ParamValues } from './paramSpec';
import { constraintParams, satisfiesConstraint } from './paramSpec';
import { formatChoices, formatDomain, formatValue, formatValueWithType } from './paramFormat';
import type { Strategy } from './strategy';
import { StrategyParamError } from './strategyParamError';

/** Relative slack for float grids: 0.1 + 0.2 is on the 0.1 grid even though it is not exactly 0.3. */
const STEP_TOLERANCE = 1e-9;

/**
 * The full parameter object for `strategy`: every declared parameter, in declaration order, given or defaulted
 * (an `undefined` value counts as not given). Does not coerce: '10' is not 10, because silently accepting
 * strings hides typos in config files.
 *
 * @throws StrategyParamError on the first problem: an unknown name, a wrong type, a value out of range, off the
 *   step grid or not among the choices, or a violated constraint (checked on the resolved values).
 */
export function validateParams<P extends ParamValues>(strategy: Strategy<P>, params: Readonly<Record<string, unknown>> = {}): P {
  const where = strategy.name;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new StrategyParamError('type', '', params, `${where}: parameters must be an object of name: value pairs, got ${formatValue(params)}`);
  }
  const specs = strategy.params;
  for (const name of Object.keys(params)) {
    if (!specs.some((s) => s.name === name)) {
      const allowed = specs.length === 0 ? 'it takes no parameters' : `allowed parameters: ${specs.map((s) => s.name).join(', ')}`;
      throw new StrategyParamError('unknown', name, params[name], `${where}: unknown parameter '${name}'; ${allowed}`);
    }
  }
  const resolved: Record<string, ParamValue> = {};
  const defaulted = new Set<string>();
  for (const spec of specs) {
    const given = params[spec.name];
    if (given === undefined) defaulted.add(spec.name);
    resolved[spec.name] = checkValue(where, spec, given === undefined ? spec.default : given);
  }
  for (const constraint of strategy.constraints ?? []) {
    if (satisfiesConstraint(constraint, resolved as P)) continue;
    const names = constraintParams(constraint, specs);
    const got = names.map((n) => `${n} = ${formatValue(resolved[n])}${defaulted.has(n) ? ' (default)' : ''}`).join(', ');
    const values = Object.fromEntries(names.map((n) => [n, resolved[n]]));
    throw new StrategyParamError('constraint', names.join(', '), values, `${where}: parameters must satisfy '${constraint.text}'; got ${got}`);
  }
  return resolved as P;
}

function checkValue(where: string, spec: ParamSpec, value: unknown): ParamValue {
  const at = `${where}: parameter '${spec.name}'`;
  if (spec.type === 'categorical') {
    if (spec.choices.some((c) => c === value)) return value as ParamValue;
    // Name the type only when it is the problem ('true' for true), not for a plain misspelt string.
    const sameType = spec.choices.some((c) => typeof c === typeof value);
    const got = sameType ? formatValue(value) : formatValueWithType(value);
    throw new StrategyParamError('choice', spec.name, value, `${at} must be one of ${formatChoices(spec.choices)}; got ${got}`);
  }
  const domain = formatDomain(spec);
  if (typeof value !== 'number' || !Number.isFinite(value) || (spec.type === 'int' && !Number.isInteger(value))) {
    throw new StrategyParamError('type', spec.name, value, `${at} must be ${spec.type === 'int' ? 'an' : 'a'} ${domain}; got ${formatValueWithType(value)}`);
  }
  if (value < spec.low || value > spec.high) {
    throw new StrategyParamError('range', spec.name, value, `${at} must be in [${spec.low}, ${spec.high}]; got ${value}`);
  }
  const step = spec.step;
  if (step !== undefined) {
    const k = (value - spec.low) / step;
    const nearest = Math.round(k);
    if (Math.abs(k - nearest) > STEP_TOLERANCE * Math.max(1, Math.abs(k))) {
      const below = gridValue(spec.low, step, Math.floor(k));
      const above = gridValue(spec.low, step, Math.ceil(k));
      const near = above > spec.high ? `${below}` : `${below} or ${above}`;
      const grid = `${spec.low}, ${gridValue(spec.low, step, 1)}, ${gridValue(spec.low, step, 2)}, ...`;
      throw new StrategyParamError('step', spec.name, value, `${at} must be on the grid ${grid} (step ${step} from ${spec.low}) up to ${spec.high}; got ${value}, nearest allowed: ${near}`);
    }
  }
  return value;
}

/** low + k × step, rounded to 12 significant digits so 0.1-steps print as 0.3, not 0.30000000000000004. */
function gridValue(low: number, step: number, k: number): number {
  return Number((low + k * step).toPrecision(12));
}
