// The search space: constraint validation, detection of constraints no point satisfies, conversions between
// user values and internal numbers, and spaces built from strategy declarations.
import { describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES, paramOrder, smaCrossover, type ParamConstraint } from '../../../../../src/core/strategies/index';
import {
  categoricalParam,
  createSearchSpace,
  floatParam,
  intParam,
  SearchSpaceError,
  searchSpaceFromStrategy,
} from '../../../../../src/core/tuning/index';

const params = [intParam('fast', 2, 50), intParam('slow', 10, 200), floatParam('k', 0.5, 4, { step: 0.5 }), categoricalParam('mode', ['long-flat', 'long-short'])];

function errorOf(f: () => unknown): SearchSpaceError {
  try {
    f();
  } catch (e) {
    if (e instanceof SearchSpaceError) return e;
    throw e;
  }
  throw new Error('expected a SearchSpaceError');
}

describe('createSearchSpace', () => {
  it('keeps the parameters in order and measures the feasible share', () => {
    const space = createSearchSpace(params, [paramOrder('fast', 'slow')]);
    expect(space.names).toEqual(['fast', 'slow', 'k', 'mode']);
    expect(space.indexOf('k')).toBe(2);
    expect(space.indexOf('nope')).toBe(-1);
    // P(fast < slow) for fast uniform on 2..50 and slow on 10..200 is 1 − 861/9359 = 0.908; 10,000 draws give ±0.003.
    expect(Math.abs(space.feasibleFraction - 0.908)).toBeLessThan(0.012);
    expect(createSearchSpace(params).feasibleFraction).toBe(1);
  });

  it('rejects repeated names and an empty space', () => {
    expect(errorOf(() => createSearchSpace([intParam('a', 1, 2), floatParam('a', 0, 1)])).message).toBe("parameter 'a' is declared twice");
    expect(errorOf(() => createSearchSpace([])).message).toBe('a search space needs at least one parameter');
  });

  it('rejects constraints naming unknown parameters', () => {
    const e = errorOf(() => createSearchSpace(params, [paramOrder('fast', 'slwo')]));
    expect(e.kind).toBe('constraint');
    expect(e.param).toBe('fast < slwo');
    expect(e.message).toBe("constraint 'fast < slwo' names unknown parameter 'slwo'; parameters: fast, slow, k, mode");
    const predicate: ParamConstraint = { kind: 'predicate', text: 'odd', params: ['fats'], test: () => true };
    expect(errorOf(() => createSearchSpace(params, [predicate])).message).toContain("constraint 'odd' names unknown parameter 'fats'");
  });

  it('rejects linear terms on categoricals with non-numeric choices', () => {
    const c: ParamConstraint = { kind: 'linear', terms: [{ param: 'mode', coef: 1 }], op: '<', rhs: 1, text: 'mode < 1' };
    expect(errorOf(() => createSearchSpace(params, [c])).message).toContain("sums categorical parameter 'mode'");
  });

  it('rejects a constraint no point can satisfy, quoting it', () => {
    const e = errorOf(() => createSearchSpace(params, [paramOrder('slow', 'fast', '<=')].concat([{ kind: 'linear', terms: [{ param: 'fast', coef: 1 }], op: '<', rhs: 2, text: 'fast < 2' }])));
    expect(e.kind).toBe('infeasible');
    expect(e.param).toBe('fast < 2');
    expect(e.message).toBe("constraint 'fast < 2' cannot be satisfied: none of 10,000 random points of the space meets it; check its direction and the parameter ranges");
  });

  it('rejects constraints that each hold somewhere but never together', () => {
    const e = errorOf(() =>
      createSearchSpace(params, [
        { kind: 'linear', terms: [{ param: 'fast', coef: 1 }], op: '<', rhs: 10, text: 'fast < 10' },
        { kind: 'linear', terms: [{ param: 'fast', coef: -1 }], op: '<', rhs: -20, text: 'fast > 20' },
      ]),
    );
    expect(e.kind).toBe('infeasible');
    expect(e.message).toBe("constraints 'fast < 10', 'fast > 20' cannot all hold at once: each holds somewhere, but none of 10,000 random points meets them together");
  });

  it('reports a predicate that throws', () => {
    const c: ParamConstraint = { kind: 'predicate', text: 'boom', test: () => { throw new Error('bad'); } };
    expect(errorOf(() => createSearchSpace(params, [c])).message).toBe("constraint 'boom' threw while being tested: bad");
  });
});

describe('internal values', () => {
  const space = createSearchSpace(params);

  it('converts user values to numbers and back (a categorical is its index)', () => {
    const user = { fast: 12, slow: 40, k: 1.5, mode: 'long-short' };
    expect(space.toInternal(user)).toEqual([12, 40, 1.5, 1]);
    expect(space.toExternal([12, 40, 1.5, 1])).toEqual(user);
  });

  it('puts a float a rounding error off its grid on the grid', () => {
    const s = createSearchSpace([floatParam('x', 0, 1, { step: 0.1 })]);
    expect(s.toInternal({ x: 0.1 + 0.2 })).toEqual([0.3]);
  });

  it('rejects values outside the space, naming the parameter', () => {
    expect(() => space.toInternal({ fast: 12, slow: 40, k: 1.5 })).toThrow("parameter 'mode' is missing");
    expect(() => space.toInternal({ fast: 12, slow: 40, k: 1.5, mode: 'x', extra: 1 })).toThrow("unknown parameter 'extra'");
    expect(() => space.toInternal({ fast: 1, slow: 40, k: 1.5, mode: 'long-flat' })).toThrow("int parameter 'fast' must be in [2, 50]; got 1");
    expect(() => space.toInternal({ fast: 2.5, slow: 40, k: 1.5, mode: 'long-flat' })).toThrow("int parameter 'fast' must be an integer; got 2.5");
    expect(() => space.toInternal({ fast: 2, slow: 40, k: 1.2, mode: 'long-flat' })).toThrow("float parameter 'k' must be on the grid 0.5, 1, ... (step 0.5); got 1.2");
    expect(() => space.toInternal({ fast: 2, slow: 40, k: 1, mode: 'short' })).toThrow(`categorical parameter 'mode' must be one of "long-flat", "long-short"; got "short"`);
  });

  it('checks constraints on user values and internal points', () => {
    const s = createSearchSpace(params, [paramOrder('fast', 'slow')]);
    expect(s.isFeasible({ fast: 20, slow: 30, k: 1, mode: 'long-flat' })).toBe(true);
    expect(s.isFeasibleInternal([30, 20, 1, 0])).toBe(false);
  });
});

describe('searchSpaceFromStrategy', () => {
  it('maps a strategy declaration one to one, constraints included', () => {
    const space = searchSpaceFromStrategy(smaCrossover);
    expect(space.params).toEqual([
      { type: 'int', name: 'fast', low: 2, high: 100, log: true, step: 1 },
      { type: 'int', name: 'slow', low: 10, high: 400, log: true, step: 1 },
      { type: 'categorical', name: 'mode', choices: ['long-flat', 'long-short'] },
    ]);
    expect(space.constraints.map((c) => c.text)).toEqual(['fast < slow']);
    expect(space.isFeasible({ fast: 50, slow: 20, mode: 'long-flat' })).toBe(false);
  });

  it('works for every built-in strategy', () => {
    for (const strategy of BUILTIN_STRATEGIES) {
      const space = searchSpaceFromStrategy(strategy);
      expect(space.names).toEqual(strategy.params.map((p) => p.name));
    }
  });
});
