// The robust optimum: the best neighbourhood average (GP mean blended with the trials inside), not the best trial.
import { describe, expect, it } from 'vitest';
import { fitStudySurrogate, robustOptimum } from '../../../../src/core/analysis';
import { Rng } from '../../../../src/core/random';
import { categoricalParam, createSearchSpace, floatParam } from '../../../../src/core/tuning/space';

const space = createSearchSpace([floatParam('x', 0, 1), floatParam('y', 0, 1)]);
// A broad hill of height 1 at (0.25, 0.25) and a sharp spike of height 1.3 at (0.75, 0.75), 0.01 wide.
const hill = (x: number, y: number) => Math.exp(-((x - 0.25) ** 2 + (y - 0.25) ** 2) / (2 * 0.15 ** 2));
const spike = (x: number, y: number) => 1.3 * Math.exp(-((x - 0.75) ** 2 + (y - 0.75) ** 2) / (2 * 0.01 ** 2));
const objective = (x: number, y: number) => hill(x, y) + spike(x, y);

function study(sign: number) {
  const rng = new Rng(11);
  const trials = Array.from({ length: 120 }, () => {
    const x = rng.nextFloat();
    const y = rng.nextFloat();
    return { params: { x, y }, value: sign * objective(x, y) };
  });
  // The tuner found the spike: one trial on it, and two just beside it that see nothing of it.
  trials.push({ params: { x: 0.75, y: 0.75 }, value: sign * objective(0.75, 0.75) });
  trials.push({ params: { x: 0.78, y: 0.75 }, value: sign * objective(0.78, 0.75) });
  trials.push({ params: { x: 0.75, y: 0.72 }, value: sign * objective(0.75, 0.72) });
  return trials;
}

describe('robustOptimum', () => {
  for (const direction of ['maximize', 'minimize'] as const) {
    it(`picks the broad hill over the sharp spike (${direction})`, () => {
      const sign = direction === 'maximize' ? 1 : -1;
      const trials = study(sign);
      const s = fitStudySurrogate({ space, trials, seed: 1, direction });
      const r = robustOptimum(s, { trials, direction, neighbourhood: 0.1, seed: 2 });
      // The peak trial is the spike...
      expect(r.peak.index).toBe(120);
      expect(trials[r.peak.index].value).toBeCloseTo(sign * 1.3, 2);
      // ...but its neighbourhood is poor, while the robust choice sits on the hill.
      const p = r.params as { x: number; y: number };
      expect(Math.hypot(p.x - 0.25, p.y - 0.25)).toBeLessThan(0.1);
      expect(sign * r.neighbourhoodValue).toBeGreaterThan(0.7);
      expect(sign * r.peak.neighbourhoodValue).toBeLessThan(0.5);
      expect(r.trialsInNeighbourhood).toBeGreaterThan(0);
    });
  }

  it('blends the GP average with the trials inside the box, each trial weighing as much as one GP point', () => {
    const trials = study(1);
    const s = fitStudySurrogate({ space, trials, seed: 1 });
    const h = 0.031;
    const r = robustOptimum(s, { trials, direction: 'maximize', neighbourhood: h, seed: 2, samples: 1, candidates: 0 });
    // The spike trial's box holds itself and its two neighbours (0.03 away); one GP point g somewhere in the box:
    // score = (1·g + Σ observed) / (1 + 3). Bound g by the GP's range over the box on a fine grid.
    expect(r.peak.trialsInNeighbourhood).toBe(3);
    const observed = trials[120].value + trials[121].value + trials[122].value;
    const grid: Float64Array[] = [];
    for (let i = 0; i <= 40; i++) for (let j = 0; j <= 40; j++) grid.push(Float64Array.of(0.75 - h + (2 * h * i) / 40, 0.75 - h + (2 * h * j) / 40));
    const gp = s.predict(grid).mean;
    const lo = Math.min(...gp);
    const hi = Math.max(...gp);
    expect(r.peak.neighbourhoodValue).toBeGreaterThanOrEqual((lo + observed) / 4 - 1e-3);
    expect(r.peak.neighbourhoodValue).toBeLessThanOrEqual((hi + observed) / 4 + 1e-3);
  });

  it('keeps categoricals of each candidate and returns valid values; is seeded', () => {
    const mixed = createSearchSpace([floatParam('x', 0, 1), categoricalParam('mode', ['a', 'b'])]);
    const rng = new Rng(3);
    const trials = Array.from({ length: 40 }, () => {
      const x = rng.nextFloat();
      const mode = rng.nextFloat() < 0.5 ? 'a' : 'b';
      return { params: { x, mode }, value: (mode === 'b' ? 1 : 0) - (x - 0.5) ** 2 };
    });
    const s = fitStudySurrogate({ space: mixed, trials, seed: 0 });
    const r = robustOptimum(s, { trials, direction: 'maximize', neighbourhood: 0.1, seed: 5 });
    expect(r.params.mode).toBe('b');
    expect(Math.abs((r.params.x as number) - 0.5)).toBeLessThan(0.2);
    expect(robustOptimum(s, { trials, direction: 'maximize', neighbourhood: 0.1, seed: 5 })).toEqual(r);
  });

  it('names bad input', () => {
    const trials = study(1);
    const s = fitStudySurrogate({ space, trials, seed: 1 });
    expect(() => robustOptimum(s, { trials, direction: 'maximize', neighbourhood: 0, seed: 0 })).toThrow(/neighbourhood/);
    expect(() => robustOptimum(s, { trials: [], direction: 'maximize', neighbourhood: 0.1, seed: 0 })).toThrow(/no complete trials/);
    expect(() => robustOptimum(s, { trials: [{ params: { x: 0.1, y: 0.1 }, value: Infinity }], direction: 'maximize', neighbourhood: 0.1, seed: 0 })).toThrow(/trial 0/);
  });
});
