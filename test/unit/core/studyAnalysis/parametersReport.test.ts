// The parameters report and the surface from hand-built trials on a small space: importance ranks the parameter the
// objective depends on, the peak and robust optimum are consistent, the draft lists the sensitivity points to
// backtest, completing it signs every change so a loss is negative, and the surface has the asked grid.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/random';
import { completeParametersReport, parametersDraft, surfaceReport, type AnalysedTrial } from '../../../../src/core/studyAnalysis';
import { SearchSpace, categoricalParam, floatParam, intParam } from '../../../../src/core/tuning';
import { OPTIONS } from './helpers';

const space = new SearchSpace([intParam('n', 2, 100), floatParam('x', 0, 1)]);

/** 60 random trials of an objective that depends on n only: a broad hill peaking at n = 40. */
function hillTrials(): AnalysedTrial[] {
  const rng = new Rng(9);
  return Array.from({ length: 60 }, (_, i) => {
    const n = 2 + Math.floor(rng.nextFloat() * 99);
    const x = rng.nextFloat();
    return { number: i, params: { n, x }, values: [1 - ((n - 40) / 60) ** 2] };
  });
}

describe('parametersDraft', () => {
  const trials = hillTrials();
  const draft = parametersDraft({ space, trials, fixed: { mode: 'long' }, objectives: [{ metric: 'sharpe', direction: 'maximize' }], options: OPTIONS });

  it('gives n nearly all the importance, by fANOVA and by GP relevance', () => {
    const n = draft.importance.find((i) => i.param === 'n')!;
    const x = draft.importance.find((i) => i.param === 'x')!;
    expect(n.fanova).toBeGreaterThan(0.8);
    expect(x.fanova).toBeLessThan(0.1);
    expect(n.gpRelevance!).toBeGreaterThan(x.gpRelevance!);
    expect(n.gpRelevance! + x.gpRelevance!).toBeCloseTo(1, 12);
    expect(n.lengthscale!).toBeLessThan(x.lengthscale!);
  });

  it('reports the best trial as the peak and a robust point near the top of the hill, fixed parameters merged', () => {
    const best = trials.reduce((a, b) => (b.values[0] > a.values[0] ? b : a));
    expect(draft.peak).toMatchObject({ trial: best.number, value: best.values[0], params: { ...best.params, mode: 'long' } });
    expect(Math.abs((draft.robust.params.n as number) - 40)).toBeLessThanOrEqual(12);
    expect(draft.robust.params.mode).toBe('long');
    expect(draft.robust.neighbourhood).toBe(0.1);
    expect(draft.base).toEqual({ ...best.params, mode: 'long' });
  });

  it('lists ±5% and ±10% moves of each numeric parameter around the chosen trial, and a partial dependence curve each', () => {
    expect(new Set(draft.moves.map((m) => m.param))).toEqual(new Set(['n', 'x']));
    for (const m of draft.moves) {
      expect([-0.1, -0.05, 0.05, 0.1]).toContain(m.delta);
      expect(m.params.mode).toBe('long');
    }
    expect(draft.partialDependence.map((c) => c.param)).toEqual(['n', 'x']);
    const curve = draft.partialDependence[0];
    const top = curve.x[curve.mean.indexOf(Math.max(...curve.mean))];
    expect(Math.abs(top - 40)).toBeLessThan(15);
  });

  it('scores a categorical parameter as one variable, with one GP relevance for its one-hot block', () => {
    const mixed = new SearchSpace([categoricalParam('mode', ['a', 'b', 'c']), floatParam('x', 0, 1)]);
    const rng = new Rng(4);
    const level = { a: 0, b: 1, c: 0.2 } as const;
    const trials = Array.from({ length: 45 }, (_, i) => {
      const mode = (['a', 'b', 'c'] as const)[i % 3];
      return { number: i, params: { mode, x: rng.nextFloat() }, values: [level[mode]] };
    });
    const d = parametersDraft({ space: mixed, trials, fixed: {}, objectives: [{ metric: 'sharpe', direction: 'maximize' }], options: OPTIONS });
    expect(d.importance.map((i) => i.param)).toEqual(['mode', 'x']);
    expect(d.importance[0].fanova).toBeGreaterThan(0.8);
    expect(d.importance[1].fanova).toBeLessThan(0.1);
    expect(d.importance[0].gpRelevance! + d.importance[1].gpRelevance!).toBeCloseTo(1, 12);
    expect(d.moves.every((m) => m.param === 'x')).toBe(true);
    expect(d.partialDependence.map((c) => c.param)).toEqual(['x']);
  });

  it('refuses fewer than 3 usable trials', () => {
    expect(() => parametersDraft({ space, trials: trials.slice(0, 2), fixed: {}, objectives: [{ metric: 'sharpe', direction: 'maximize' }], options: OPTIONS })).toThrow(
      'at least 3 complete trials',
    );
  });
});

describe('completeParametersReport', () => {
  const base = {
    objective: { metric: 'max_drawdown', direction: 'minimize' as const },
    importance: [],
    peak: { trial: 1, params: { n: 10 }, value: 0.2, neighbourhoodValue: 0.25 },
    robust: { params: { n: 12 }, neighbourhoodValue: 0.22, trial: null, neighbourhood: 0.1, trialsInNeighbourhood: 3 },
    base: { n: 10 },
    moves: [
      { param: 'n', delta: -0.1, params: { n: 9 } },
      { param: 'n', delta: 0.1, params: { n: 11 } },
    ],
    partialDependence: [],
    notes: [],
  };

  it('signs changes so a loss is negative whatever the direction, and groups moves by parameter', () => {
    const r = completeParametersReport(base, { base: 0.2, moves: [0.3, 0.15], doubleCosts: 0.26, robust: 0.21 });
    expect(r.sensitivity.moves).toEqual([
      {
        param: 'n',
        moves: [
          { delta: -0.1, params: { n: 9 }, value: 0.3, change: expect.closeTo(-0.1, 12) },
          { delta: 0.1, params: { n: 11 }, value: 0.15, change: expect.closeTo(0.05, 12) },
        ],
      },
    ]);
    expect(r.sensitivity.doubleCosts.change).toBeCloseTo(-0.06, 12);
    expect(r.robust.value).toBe(0.21);
  });

  it('leaves changes null when a backtest failed, and says so for the base', () => {
    const r = completeParametersReport(base, { base: null, moves: [0.3, null], doubleCosts: null, robust: null });
    expect(r.sensitivity.moves[0].moves.map((m) => m.change)).toEqual([null, null]);
    expect(r.notes.join(' ')).toContain('backtest of the chosen point failed');
    expect(() => completeParametersReport(base, { base: 0.2, moves: [0.3], doubleCosts: null, robust: null })).toThrow('2 sensitivity points but 1 values');
  });
});

describe('surfaceReport', () => {
  const trials = hillTrials();
  const objectives = [{ metric: 'sharpe', direction: 'maximize' as const }];

  it('gives a resolution × resolution grid over the two parameters, held at the best trial', () => {
    const s = surfaceReport({ space, trials, fixed: { mode: 'long' }, objectives, x: 'n', y: 'x', resolution: 12, seed: 1 });
    expect(s.x).toMatchObject({ param: 'n', log: false });
    expect(s.x.values[0]).toBe(2);
    expect(s.x.values[11]).toBe(100);
    expect(s.mean).toHaveLength(12);
    expect(s.mean.every((row) => row.length === 12 && row.every(Number.isFinite))).toBe(true);
    expect(s.sd.flat().every((v) => v >= 0)).toBe(true);
    expect(s.trials).toHaveLength(60);
    expect(s.fixed.mode).toBe('long');
    // The mean along n peaks near 40 on every row.
    const row = s.mean[5];
    expect(Math.abs(s.x.values[row.indexOf(Math.max(...row))] - 40)).toBeLessThan(15);
  });

  it('names a parameter that is not tuned, and refuses the same one twice', () => {
    expect(() => surfaceReport({ space, trials, fixed: {}, objectives, x: 'n', y: 'mode', resolution: 10, seed: 1 })).toThrow('y: "mode" is not a tuned parameter');
    expect(() => surfaceReport({ space, trials, fixed: {}, objectives, x: 'n', y: 'n', resolution: 10, seed: 1 })).toThrow('pick two different parameters');
  });
});
