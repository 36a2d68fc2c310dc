// The Parameters tab's pure parts: parameter encoding for the axes, the brush filter over trials, log ticks, the
// parallel-coordinates figure's constraint ranges, and the dashboard tab in the hash route.
import { describe, expect, it } from 'vitest';
import type { StudyTrial } from '../../../src/shared';
import { dimensionTicks, encodeParam, paramDimensions } from '../../../src/renderer/src/analysis/parameters/paramDimensions';
import { oneTwoFive } from '../../../src/renderer/src/analysis/parameters/logTicks';
import { parallelFigure } from '../../../src/renderer/src/analysis/parameters/parallelFigure';
import { applyTrialFilter, filterIsActive, OBJECTIVE_KEY, parseConstraintRange } from '../../../src/renderer/src/analysis/parameters/trialFilter';
import { parseRoute, routeHref } from '../../../src/renderer/src/app/route';

function trial(number: number, params: StudyTrial['params'], value: number | null, state: StudyTrial['state'] = 'complete'): StudyTrial {
  return { number, state, params, values: value === null ? null : [value], metrics: null, failReason: null, durationMs: 1, worker: 0, cached: false, startedAt: 0, finishedAt: 1 };
}

const space = [
  { type: 'int', name: 'fast', low: 2, high: 50, log: true, step: 1 },
  { type: 'float', name: 'level', low: 0, high: 1, log: false, step: null },
  { type: 'categorical', name: 'mode', choices: ['long-only', 'long-short'] },
];
const trials = [
  trial(0, { fast: 2, level: 0.1, mode: 'long-only' }, 0.5),
  trial(1, { fast: 20, level: 0.9, mode: 'long-short' }, -0.2),
  trial(2, { fast: 50, level: 0.5, mode: 'long-short' }, 1.1),
  trial(3, { fast: 10, level: 0.5, mode: 'long-only' }, null, 'failed'),
];

describe('parameter dimensions', () => {
  const dims = paramDimensions(space, trials);

  it('reads the space: log ints on a log10 axis, floats linear, categories by index', () => {
    expect(dims.map((d) => [d.name, d.kind])).toEqual([
      ['fast', 'log'],
      ['level', 'linear'],
      ['mode', 'category'],
    ]);
    expect(encodeParam(dims[0], 100)).toBeCloseTo(2, 12);
    expect(encodeParam(dims[1], 0.25)).toBe(0.25);
    expect(encodeParam(dims[2], 'long-short')).toBe(1);
    expect(encodeParam(dims[2], 'unknown')).toBeNull();
    expect(encodeParam(dims[0], undefined)).toBeNull();
  });

  it('labels a log axis at 1-2-5 steps in parameter units, and categories by name', () => {
    const ticks = dimensionTicks(dims[0], [Math.log10(2), Math.log10(50)])!;
    expect(ticks.ticktext).toEqual(['2', '5', '10', '20', '50']);
    expect(ticks.tickvals[2]).toBeCloseTo(1, 12);
    expect(dimensionTicks(dims[2], [])).toEqual({ tickvals: [0, 1], ticktext: ['long-only', 'long-short'] });
    expect(dimensionTicks(dims[1], [0, 1])).toBeNull();
    expect(oneTwoFive(0.03, 0.6)).toEqual([0.05, 0.1, 0.2, 0.5]);
  });

  it('falls back to the trials when the space was not recorded', () => {
    expect(paramDimensions([], trials).map((d) => [d.name, d.kind])).toEqual([
      ['fast', 'linear'],
      ['level', 'linear'],
      ['mode', 'category'],
    ]);
  });
});

describe('trial filter', () => {
  const dims = paramDimensions(space, trials);

  it('keeps every trial without constraints', () => {
    expect(filterIsActive({})).toBe(false);
    expect(filterIsActive({ fast: [] })).toBe(false);
    expect(applyTrialFilter(trials, {}, dims)).toBe(trials);
  });

  it('keeps the trials inside every constrained axis (any of its ranges), in encoded units', () => {
    // log10(fast) in [1, 2]: fast 10..100.
    expect(applyTrialFilter(trials, { fast: [[1, 2]] }, dims).map((t) => t.number)).toEqual([1, 2, 3]);
    expect(applyTrialFilter(trials, { fast: [[1, 2]], mode: [[0.5, 1.5]] }, dims).map((t) => t.number)).toEqual([1, 2]);
    expect(applyTrialFilter(trials, { level: [[0, 0.2], [0.8, 1]] }, dims).map((t) => t.number)).toEqual([0, 1]);
  });

  it('filters on the objective, leaving out trials without a value', () => {
    expect(applyTrialFilter(trials, { [OBJECTIVE_KEY]: [[0, 2]] }, dims).map((t) => t.number)).toEqual([0, 2]);
  });

  it('matches nothing on an unknown parameter rather than ignoring the constraint', () => {
    expect(applyTrialFilter(trials, { nope: [[0, 1]] }, dims)).toEqual([]);
  });

  it('reads plotly constraint ranges: one pair, several pairs, or nothing', () => {
    expect(parseConstraintRange([3, 1])).toEqual([[1, 3]]);
    expect(parseConstraintRange([[0, 1], [2, 3]])).toEqual([[0, 1], [2, 3]]);
    expect(parseConstraintRange(undefined)).toEqual([]);
    expect(parseConstraintRange([])).toEqual([]);
  });
});

describe('parallel coordinates figure', () => {
  const dims = paramDimensions(space, trials);

  it('has one axis per parameter plus the objective, one line per complete trial, and draws the filter as constraint ranges', () => {
    const fig = parallelFigure(trials, dims, { label: 'Sharpe', direction: 'minimize' }, { level: [[0.2, 0.6]], [OBJECTIVE_KEY]: [[0, 1], [1.05, 2]] });
    expect(fig.keys).toEqual(['fast', 'level', 'mode', OBJECTIVE_KEY]);
    expect(fig.lines).toBe(3);
    const trace = fig.data[0] as { dimensions: Record<string, unknown>[]; line: Record<string, unknown> };
    expect(trace.dimensions[0].values).toEqual([Math.log10(2), 1 + Math.log10(2), Math.log10(50)]);
    expect(trace.dimensions[0].range).toEqual([Math.log10(2), Math.log10(50)]);
    expect(trace.dimensions[1].constraintrange).toEqual([0.2, 0.6]);
    expect(trace.dimensions[2].values).toEqual([0, 1, 1]);
    expect(trace.dimensions[3].constraintrange).toEqual([
      [0, 1],
      [1.05, 2],
    ]);
    expect(trace.dimensions[3].values).toEqual([0.5, -0.2, 1.1]);
    // Minimised: the colour scale is reversed so the better end stays warm.
    expect(trace.line.reversescale).toBe(true);
  });
});

describe('study tabs in the hash route', () => {
  const id = 'st_0123456789abcdef';

  it('parses and writes the tab, with the trials tab as the plain study address', () => {
    expect(parseRoute(`#/studies/${id}`)).toEqual({ page: 'study', id });
    expect(parseRoute(`#/studies/${id}/parameters`)).toEqual({ page: 'study', id, tab: 'parameters' });
    expect(parseRoute(`#/studies/${id}/robustness`)).toEqual({ page: 'study', id, tab: 'robustness' });
    expect(parseRoute(`#/studies/${id}/trials`)).toEqual({ page: 'study', id });
    expect(parseRoute(`#/studies/${id}/nonsense`)).toBeNull();
    expect(routeHref({ page: 'study', id, tab: 'parameters' })).toBe(`#/studies/${id}/parameters`);
    expect(routeHref({ page: 'study', id, tab: 'trials' })).toBe(`#/studies/${id}`);
  });
});
