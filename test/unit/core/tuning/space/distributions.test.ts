// The distribution constructors: what they accept, and that every rejection names the parameter and says
// what is wrong.
import { describe, expect, it } from 'vitest';
import { categoricalParam, floatParam, intParam, SearchSpaceError } from '../../../../../src/core/tuning/index';

function errorOf(f: () => unknown): SearchSpaceError {
  try {
    f();
  } catch (e) {
    if (e instanceof SearchSpaceError) return e;
    throw e;
  }
  throw new Error('expected a SearchSpaceError');
}

describe('floatParam', () => {
  it('builds a frozen value object with defaults', () => {
    const p = floatParam('k', 0.5, 4);
    expect(p).toEqual({ type: 'float', name: 'k', low: 0.5, high: 4, log: false, step: null });
    expect(Object.isFrozen(p)).toBe(true);
    expect(floatParam('lr', 1e-5, 1, { log: true }).log).toBe(true);
    expect(floatParam('k', 0, 1, { step: 0.1 }).step).toBe(0.1);
  });

  it('rejects low >= high, naming the parameter', () => {
    const e = errorOf(() => floatParam('k', 4, 4));
    expect(e.kind).toBe('range');
    expect(e.param).toBe('k');
    expect(e.message).toBe("float parameter 'k': low must be below high, got low 4 >= high 4");
    expect(errorOf(() => floatParam('k', 5, 1)).message).toContain('low 5 >= high 1');
  });

  it('rejects non-finite bounds', () => {
    expect(errorOf(() => floatParam('k', 0, Infinity)).message).toContain("float parameter 'k': low and high must be finite numbers");
    expect(errorOf(() => floatParam('k', NaN, 1)).kind).toBe('range');
  });

  it('rejects a log range touching zero or negative', () => {
    const e = errorOf(() => floatParam('lr', 0, 1, { log: true }));
    expect(e.kind).toBe('log');
    expect(e.message).toBe("float parameter 'lr': a log range must be above zero, got low 0; use low > 0 or drop log");
    expect(errorOf(() => floatParam('lr', -1, 1, { log: true })).message).toContain('got low -1');
  });

  it('rejects a step that does not divide the range, saying where the grid stops', () => {
    const e = errorOf(() => floatParam('k', 0.5, 4.2, { step: 0.5 }));
    expect(e.kind).toBe('step');
    expect(e.message).toContain("float parameter 'k': step 0.5 does not divide the range [0.5, 4.2]");
    expect(e.message).toContain('the grid from 0.5 stops at 4');
    expect(e.message).toContain('use high = 4 or 4.5');
  });

  it('accepts a step that divides the range up to rounding (0.1 steps)', () => {
    expect(floatParam('k', 0, 0.3, { step: 0.1 }).step).toBe(0.1);
    expect(floatParam('k', 0.1, 0.7, { step: 0.2 }).high).toBe(0.7);
  });

  it('rejects a non-positive step and log combined with step', () => {
    expect(errorOf(() => floatParam('k', 0, 1, { step: 0 })).message).toContain('step must be a positive number, got 0');
    expect(errorOf(() => floatParam('k', 1, 2, { step: 0.5, log: true })).message).toContain('step cannot be combined with log');
  });

  it('rejects an empty name', () => {
    expect(errorOf(() => floatParam('', 0, 1)).kind).toBe('name');
  });
});

describe('intParam', () => {
  it('defaults to step 1', () => {
    expect(intParam('period', 2, 50)).toEqual({ type: 'int', name: 'period', low: 2, high: 50, log: false, step: 1 });
  });

  it('rejects non-integer bounds and steps', () => {
    expect(errorOf(() => intParam('period', 2.5, 50)).message).toBe("int parameter 'period': low and high must be integers, got low 2.5 and high 50");
    expect(errorOf(() => intParam('period', 2, 50, { step: 1.5 })).message).toContain('step must be a whole number, got 1.5');
  });

  it('rejects low >= high and log ranges touching zero', () => {
    expect(errorOf(() => intParam('period', 50, 2)).message).toContain("int parameter 'period': low must be below high, got low 50 >= high 2");
    expect(errorOf(() => intParam('period', 0, 50, { log: true })).message).toContain("int parameter 'period': a log range must be above zero, got low 0");
  });

  it('says what is wrong when the step does not divide the range', () => {
    const e = errorOf(() => intParam('period', 1, 11, { step: 3 }));
    expect(e.kind).toBe('step');
    expect(e.param).toBe('period');
    expect(e.message).toBe(
      "int parameter 'period': step 3 does not divide the range 1..11 (high - low = 10 is not a multiple of 3, so the grid 1, 4, ... stops at 10); use high = 10 or 13",
    );
  });

  it('rejects log with a step above 1', () => {
    expect(errorOf(() => intParam('period', 2, 50, { log: true, step: 2 })).message).toContain('a log scale needs step 1, got step 2');
  });
});

describe('categoricalParam', () => {
  it('keeps a frozen copy of the choices', () => {
    const choices = ['a', 'b'];
    const p = categoricalParam('mode', choices);
    choices.push('c');
    expect(p.choices).toEqual(['a', 'b']);
    expect(Object.isFrozen(p.choices)).toBe(true);
  });

  it('rejects an empty list, naming the parameter', () => {
    const e = errorOf(() => categoricalParam('mode', []));
    expect(e.kind).toBe('choices');
    expect(e.message).toBe("categorical parameter 'mode': needs at least one choice, got none");
  });

  it('rejects repeated and non-finite choices', () => {
    expect(errorOf(() => categoricalParam('mode', ['a', 'b', 'a'])).message).toContain('choice "a" appears twice');
    expect(errorOf(() => categoricalParam('w', [1, NaN])).message).toContain('choice 1 must be a string, a finite number or a boolean');
  });
});
