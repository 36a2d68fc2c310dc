// Parameter validation and the parameter-space listing: defaults, each kind of error with the exact text the
// CLI will show, constraints on resolved values, and the declaration linter.
import { describe, expect, it } from 'vitest';
import {
  checkStrategyDefinition,
  defineStrategy,
  describeParamSpace,
  smaCrossover,
  StrategyParamError,
  validateParams,
  type Strategy,
} from '../../../../src/core/strategies';

type ToyParams = { n: number; width: number; coarse: number; flag: boolean; kind: string };

const toy = defineStrategy<ToyParams>({
  name: 'toy',
  label: 'Toy',
  version: '0.1.0',
  description: 'A strategy to exercise validation.',
  params: [
    { name: 'n', label: 'N', type: 'int', low: 5, high: 100, step: 5, default: 10 },
    { name: 'width', label: 'Width', type: 'float', low: 0.5, high: 3, step: 0.1, default: 1 },
    { name: 'coarse', label: 'Coarse', type: 'float', low: 0, high: 1, default: 0.5 },
    { name: 'flag', label: 'Flag', type: 'categorical', choices: [true, false], default: false },
    { name: 'kind', label: 'Kind', type: 'categorical', choices: ['a', 'b', 3], default: 'a' },
  ],
  constraints: [{ kind: 'predicate', text: 'n × width <= 50', params: ['n', 'width'], test: (p) => p.n * p.width <= 50 }],
  targets: (data) => new Float64Array(data.length),
});

function errorOf(strategy: Strategy, params: Record<string, unknown>): StrategyParamError {
  try {
    validateParams(strategy, params);
  } catch (e) {
    if (e instanceof StrategyParamError) return e;
    throw e;
  }
  throw new Error('expected a StrategyParamError');
}

describe('validateParams: resolution', () => {
  it('fills every default, in declaration order', () => {
    const resolved = validateParams(smaCrossover, {});
    expect(resolved).toEqual({ fast: 10, slow: 50, mode: 'long-flat' });
    expect(Object.keys(resolved)).toEqual(['fast', 'slow', 'mode']);
    expect(validateParams(smaCrossover)).toEqual(resolved);
  });

  it('keeps given values and treats undefined as not given', () => {
    expect(validateParams(smaCrossover, { slow: 200, fast: undefined, mode: 'long-short' })).toEqual({ fast: 10, slow: 200, mode: 'long-short' });
  });

  it('accepts values on a float grid despite rounding (0.1 + 0.2)', () => {
    expect(validateParams(toy, { width: 0.1 + 0.2 + 0.5 }).width).toBeCloseTo(0.8, 12);
    expect(validateParams(toy, { n: 15, kind: 3, flag: true })).toMatchObject({ n: 15, kind: 3, flag: true });
  });
});

describe('validateParams: errors', () => {
  it('unknown parameter: lists the allowed names', () => {
    const e = errorOf(smaCrossover, { fast: 5, fsat: 5 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'StrategyParamError', kind: 'unknown', param: 'fsat', value: 5 });
    expect(e.message).toBe("sma-crossover: unknown parameter 'fsat'; allowed parameters: fast, slow, mode");
  });

  it('wrong type: a string, a fraction for an int, NaN', () => {
    const s = errorOf(smaCrossover, { fast: '10' });
    expect(s).toMatchObject({ kind: 'type', param: 'fast', value: '10' });
    expect(s.message).toBe("sma-crossover: parameter 'fast' must be an integer in [2, 100]; got '10' (a string)");
    expect(errorOf(smaCrossover, { fast: 10.5 }).message).toContain('must be an integer in [2, 100]; got 10.5');
    expect(errorOf(toy, { coarse: NaN }).message).toBe("toy: parameter 'coarse' must be a number in [0, 1]; got NaN");
    expect(errorOf(toy, { coarse: null }).message).toContain('got null');
  });

  it('out of range: gives [low, high]', () => {
    const e = errorOf(smaCrossover, { slow: 500 });
    expect(e).toMatchObject({ kind: 'range', param: 'slow', value: 500 });
    expect(e.message).toBe("sma-crossover: parameter 'slow' must be in [10, 400]; got 500");
    expect(errorOf(smaCrossover, { fast: 1 }).message).toContain('must be in [2, 100]; got 1');
  });

  it('off-step int: shows the grid and the nearest allowed values', () => {
    const e = errorOf(toy, { n: 12 });
    expect(e).toMatchObject({ kind: 'step', param: 'n', value: 12 });
    expect(e.message).toBe("toy: parameter 'n' must be on the grid 5, 10, 15, ... (step 5 from 5) up to 100; got 12, nearest allowed: 10 or 15");
  });

  it('off-step float: nearest values are printed without rounding noise', () => {
    expect(errorOf(toy, { width: 0.75 }).message).toContain('step 0.1 from 0.5');
    expect(errorOf(toy, { width: 0.75 }).message).toContain('nearest allowed: 0.7 or 0.8');
  });

  it('non-member categorical: lists the choices with their types', () => {
    const e = errorOf(smaCrossover, { mode: 'long' });
    expect(e).toMatchObject({ kind: 'choice', param: 'mode', value: 'long' });
    expect(e.message).toBe("sma-crossover: parameter 'mode' must be one of 'long-flat', 'long-short'; got 'long'");
    expect(errorOf(toy, { kind: '3' }).message).toBe("toy: parameter 'kind' must be one of 'a', 'b', 3; got '3'");
    expect(errorOf(toy, { flag: 'true' }).message).toContain("must be one of true, false; got 'true' (a string)");
  });

  it('violated linear constraint: quotes its text and the values, marking defaults', () => {
    const e = errorOf(smaCrossover, { fast: 60 });
    expect(e).toMatchObject({ kind: 'constraint', param: 'fast, slow', value: { fast: 60, slow: 50 } });
    expect(e.message).toBe("sma-crossover: parameters must satisfy 'fast < slow'; got fast = 60, slow = 50 (default)");
    expect(errorOf(smaCrossover, { fast: 50, slow: 50 }).message).toContain("'fast < slow'; got fast = 50, slow = 50");
  });

  it('violated predicate constraint: quotes its text', () => {
    const e = errorOf(toy, { n: 60 });
    expect(e).toMatchObject({ kind: 'constraint', param: 'n, width' });
    expect(e.message).toBe("toy: parameters must satisfy 'n × width <= 50'; got n = 60, width = 1 (default)");
  });

  it('rejects a non-object', () => {
    expect(errorOf(smaCrossover, [1, 2] as unknown as Record<string, unknown>).message).toContain('must be an object');
  });

  it('checks types before constraints, so a bad value is reported as itself', () => {
    expect(errorOf(smaCrossover, { fast: 'x', slow: 20 }).kind).toBe('type');
  });
});

describe('describeParamSpace', () => {
  it('lists name, type, range, default, description and constraints', () => {
    const text = describeParamSpace(smaCrossover);
    const lines = text.split('\n');
    expect(lines[0]).toBe('sma-crossover (SMA crossover) parameters:');
    expect(lines[1]).toMatch(/^ {2}fast +int +\[2, 100\] \(log scale\) +default 10 +Bars in the fast SMA\.$/);
    expect(lines[2]).toMatch(/^ {2}slow +int +\[10, 400\] \(log scale\) +default 50/);
    expect(lines[3]).toMatch(/^ {2}mode +categorical +'long-flat', 'long-short' +default 'long-flat'/);
    expect(lines[4]).toBe('constraints: fast < slow');
    // Columns line up: every 'default' starts at the same offset.
    expect(new Set(lines.slice(1, 4).map((l) => l.indexOf('default '))).size).toBe(1);
  });

  it('shows steps', () => {
    expect(describeParamSpace(toy)).toContain('[5, 100] (step 5)');
    expect(describeParamSpace(toy)).toContain('constraints: n × width <= 50');
  });
});

describe('checkStrategyDefinition', () => {
  it('passes a sound declaration', () => {
    expect(checkStrategyDefinition(toy)).toEqual([]);
  });

  it('reports bad ids, domains, references and defaults', () => {
    const bad: Strategy = {
      name: 'Bad_Name',
      label: 'Bad',
      version: 'one',
      description: 'x',
      params: [
        { name: 'a', label: 'A', type: 'int', low: 10, high: 5, default: 7 },
        { name: 'a', label: 'A again', type: 'float', low: 0, high: 1, log: true, default: 0.5 },
        { name: 'c', label: 'C', type: 'categorical', choices: [], default: 'x' },
      ],
      constraints: [{ kind: 'linear', terms: [{ param: 'zzz', coef: 1 }], op: '<', rhs: 0, text: 'zzz < 0' }],
      targets: (d) => new Float64Array(d.length),
    };
    const problems = checkStrategyDefinition(bad).join('\n');
    expect(problems).toContain("name 'Bad_Name' is not kebab-case");
    expect(problems).toContain("version 'one' is not semver");
    expect(problems).toContain("parameter 'a' is declared twice");
    expect(problems).toContain("parameter 'a' needs finite low <= high, has [10, 5]");
    expect(problems).toContain('log-scaled, so low must be > 0');
    expect(problems).toContain("parameter 'c' has no choices");
    expect(problems).toContain("constraint 'zzz < 0' refers to 'zzz'");
  });

  it('reports defaults that break a constraint', () => {
    const s: Strategy = { ...smaCrossover, params: smaCrossover.params.map((p) => (p.name === 'fast' ? { ...p, default: 80 } : p)) };
    expect(checkStrategyDefinition(s)).toEqual(["the defaults are invalid: sma-crossover: parameters must satisfy 'fast < slow'; got fast = 80 (default), slow = 50 (default)"]);
  });

  it('built-in declarations are frozen', () => {
    expect(Object.isFrozen(smaCrossover)).toBe(true);
    expect(Object.isFrozen(smaCrossover.params[0])).toBe(true);
  });
});
