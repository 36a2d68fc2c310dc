// Lints a strategy's own declaration (ids, parameter domains, defaults, constraints) so a mistake in a
// built-in or a user-written strategy shows up as a list of problems, not as a confusing error mid-study.
import type { ParamSpec, ParamValues } from './paramSpec';
import type { Strategy } from './strategy';
import { StrategyParamError } from './strategyParamError';
import { validateParams } from './validateParams';

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const OPTIONAL_COLUMNS = new Set(['open', 'high', 'low', 'volume']);

function specProblems(spec: ParamSpec): string[] {
  const at = `parameter '${spec.name}'`;
  if (spec.type === 'categorical') {
    const problems: string[] = [];
    if (spec.choices.length === 0) problems.push(`${at} has no choices`);
    if (new Set(spec.choices).size !== spec.choices.length) problems.push(`${at} lists a choice twice`);
    return problems;
  }
  const problems: string[] = [];
  if (!Number.isFinite(spec.low) || !Number.isFinite(spec.high) || spec.low > spec.high) {
    problems.push(`${at} needs finite low <= high, has [${spec.low}, ${spec.high}]`);
  }
  if (spec.type === 'int' && (!Number.isInteger(spec.low) || !Number.isInteger(spec.high))) {
    problems.push(`${at} is an int with non-integer bounds [${spec.low}, ${spec.high}]`);
  }
  if (spec.step !== undefined && (!(spec.step > 0) || !Number.isFinite(spec.step) || (spec.type === 'int' && !Number.isInteger(spec.step)))) {
    problems.push(`${at} has step ${spec.step}; it must be > 0 (and an integer for an int)`);
  }
  if (spec.log === true && !(spec.low > 0)) problems.push(`${at} is log-scaled, so low must be > 0, not ${spec.low}`);
  return problems;
}

/** Every problem with the declaration; empty when it is sound (defaults included, which must pass validateParams). */
export function checkStrategyDefinition<P extends ParamValues>(strategy: Strategy<P>): string[] {
  const problems: string[] = [];
  if (!KEBAB_CASE.test(strategy.name)) problems.push(`name '${strategy.name}' is not kebab-case`);
  if (!SEMVER.test(strategy.version)) problems.push(`version '${strategy.version}' is not semver`);
  if (strategy.label.trim() === '') problems.push('label is empty');
  if (strategy.description.trim() === '') problems.push('description is empty');
  const names = strategy.params.map((s) => s.name);
  const numeric = new Set(strategy.params.filter((s) => s.type !== 'categorical').map((s) => s.name));
  for (const [i, name] of names.entries()) if (names.indexOf(name) !== i) problems.push(`parameter '${name}' is declared twice`);
  for (const spec of strategy.params) problems.push(...specProblems(spec));
  for (const c of strategy.constraints ?? []) {
    const refs = c.kind === 'linear' ? c.terms.map((t) => t.param) : (c.params ?? []);
    for (const r of refs) {
      if (!numeric.has(r) && !(c.kind === 'predicate' && names.includes(r))) {
        problems.push(`constraint '${c.text}' refers to '${r}', which is not a declared ${c.kind === 'linear' ? 'numeric ' : ''}parameter`);
      }
    }
    if (c.kind === 'linear' && !c.terms.every((t) => Number.isFinite(t.coef))) problems.push(`constraint '${c.text}' has a non-finite coefficient`);
  }
  for (const col of strategy.requires ?? []) if (!OPTIONAL_COLUMNS.has(col)) problems.push(`requires unknown column '${col}'`);
  if (problems.length === 0) {
    try {
      validateParams(strategy, {});
    } catch (e) {
      if (!(e instanceof StrategyParamError)) throw e;
      problems.push(`the defaults are invalid: ${e.message}`);
    }
  }
  return problems;
}
