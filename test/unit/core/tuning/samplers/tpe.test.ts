// TPE: its Optuna defaults, the good/bad split, the Parzen densities (proper densities that put their mass
// where the good trials are), the truncated-normal kernels, and that it beats random search.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import {
  categoricalParam,
  createSearchSpace,
  createStudy,
  defaultGamma,
  defaultWeights,
  floatParam,
  intParam,
  ParzenEstimator,
  splitTrials,
  type SamplerSpec,
  type TrialSnapshot,
} from '../../../../../src/core/tuning/index';
import { logNormalMass } from '../../../../../src/core/tuning/samplers/tpe/truncatedNormal';
import { normalCdf } from '../../../../../src/core/tuning/gp/specialFunctions';

describe('TPE defaults (Optuna 3.x default_gamma and default_weights)', () => {
  it('takes the best 10% as good, at most 25', () => {
    expect([1, 10, 11, 100, 250, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25, 25]);
  });

  it('weights the 25 newest observations 1 and ramps older ones from 1/n', () => {
    expect(defaultWeights(3)).toEqual([1, 1, 1]);
    expect(defaultWeights(26)).toEqual([1 / 26, ...new Array(25).fill(1)]);
    const w = defaultWeights(35);
    expect(w[0]).toBeCloseTo(1 / 35, 15);
    expect(w[9]).toBeCloseTo(1, 15);
    expect(w[4]).toBeCloseTo(1 / 35 + (4 / 9) * (1 - 1 / 35), 15);
  });
});

function snapshot(number: number, state: TrialSnapshot['state'], values: number[] | null): TrialSnapshot {
  return { number, state, internal: [number], values };
}

describe('splitTrials', () => {
  const trials = [snapshot(0, 'complete', [5]), snapshot(1, 'complete', [1]), snapshot(2, 'failed', null), snapshot(3, 'complete', [3]), snapshot(4, 'running', null), snapshot(5, 'complete', [1])];

  it('puts the nBelow best complete trials in the good group, both groups in number order', () => {
    const { below, above } = splitTrials(trials, ['minimize'], 2, false);
    expect(below.map((t) => t.number)).toEqual([1, 5]);
    expect(above.map((t) => t.number)).toEqual([0, 3]);
    expect(splitTrials(trials, ['maximize'], 1, false).below.map((t) => t.number)).toEqual([0]);
  });

  it('with the constant liar, counts running trials as bad; failed trials never count', () => {
    expect(splitTrials(trials, ['minimize'], 2, true).above.map((t) => t.number)).toEqual([0, 3, 4]);
  });

  it('with several objectives, fills the good group front by front, the last by crowding distance', () => {
    const mo = [
      snapshot(0, 'complete', [1, 5]),
      snapshot(1, 'complete', [2, 4]),
      snapshot(2, 'complete', [3, 3]),
      snapshot(3, 'complete', [5, 1]),
      snapshot(4, 'complete', [6, 6]),
    ];
    // Front {0, 1, 2, 3}; crowding keeps its ends 0 and 3 first.
    expect(splitTrials(mo, ['minimize', 'minimize'], 2, false).below.map((t) => t.number)).toEqual([0, 3]);
    expect(splitTrials(mo, ['minimize', 'minimize'], 5, false).below.map((t) => t.number)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('ParzenEstimator', () => {
  const options = { priorWeight: 1, considerMagicClip: true };

  it('is a probability distribution over an int grid and a categorical', () => {
    const space = createSearchSpace([intParam('n', 1, 20), categoricalParam('c', ['a', 'b', 'c'])]);
    const parzen = new ParzenEstimator(space, [[3, 0], [4, 0], [17, 2]], [1, 1, 1], options);
    const points: number[][] = [];
    for (let n = 1; n <= 20; n++) for (let c = 0; c < 3; c++) points.push([n, c]);
    const total = Array.from(parzen.logDensity(points)).reduce((s, l) => s + Math.exp(l), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('integrates to 1 over a continuous log range (density in log space)', () => {
    const space = createSearchSpace([floatParam('lr', 1e-4, 1, { log: true })]);
    const parzen = new ParzenEstimator(space, [[1e-3], [2e-3]], [1, 1], options);
    // Midpoint rule over the unit (log) scale.
    const m = 20000;
    const pts = Array.from({ length: m }, (_, i) => [1e-4 * Math.pow(1e4, (i + 0.5) / m)]);
    const integral = Array.from(parzen.logDensity(pts)).reduce((s, l) => s + Math.exp(l) / m, 0);
    expect(integral).toBeCloseTo(1, 6);
  });

  it('draws mostly near its observations', () => {
    const space = createSearchSpace([floatParam('x', 0, 100)]);
    const obs = Array.from({ length: 20 }, (_, i) => [40 + i * 0.1]);
    const parzen = new ParzenEstimator(space, obs, defaultWeights(20), options);
    const draws = parzen.sample(new Rng(1), 2000).map((p) => p[0]);
    const near = draws.filter((x) => x > 30 && x < 52).length / draws.length;
    // 20 of 21 components sit at 40..42 with bandwidth 0.2·20^(−1/5)·100 ≈ 11.0; the prior spreads the rest.
    expect(near).toBeGreaterThan(0.6);
    expect(draws.every((x) => x >= 0 && x <= 100)).toBe(true);
  });
});

describe('logNormalMass', () => {
  it('matches Φ(b) − Φ(a) in the body and stays finite and accurate far in the tails', () => {
    expect(Math.exp(logNormalMass(-1, 1))).toBeCloseTo(normalCdf(1) - normalCdf(-1), 14);
    expect(Math.exp(logNormalMass(0.5, 2))).toBeCloseTo(normalCdf(2) - normalCdf(0.5), 14);
    expect(Math.exp(logNormalMass(-3, -2))).toBeCloseTo(normalCdf(-2) - normalCdf(-3), 14);
    // P(40 < Z < 41) ≈ φ(40)/40 (Mills ratio), log φ(40) = −800 − log √(2π).
    expect(logNormalMass(40, 41)).toBeCloseTo(-800 - 0.5 * Math.log(2 * Math.PI) - Math.log(40) + Math.log1p(-1 / 1600), 2);
    expect(Number.isFinite(logNormalMass(-80, -79))).toBe(true);
  });
});

/** Best value after `n` trials of (x − 0.3)² on [−5, 5]. */
function bestOnQuadratic(sampler: SamplerSpec, seed: number, n: number): number {
  const study = createStudy({ space: [floatParam('x', -5, 5)], directions: ['minimize'], sampler, seed });
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t = study.ask();
    const v = ((t.params.x as number) - 0.3) ** 2;
    study.tell(t.number, v);
    best = Math.min(best, v);
  }
  return best;
}

describe('TPE on a 1-D quadratic', () => {
  it('converges better than random search (20 seeds, 40 trials)', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 100 + i);
    const tpe = seeds.map((s) => bestOnQuadratic('tpe', s, 40));
    const random = seeds.map((s) => bestOnQuadratic('random', s, 40));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // Random search's best of 40 uniform draws is about (10/(2·41))² ≈ 0.015 typically; TPE should do far better.
    expect(median(tpe)).toBeLessThan(median(random) / 5);
    const wins = seeds.filter((_, i) => tpe[i] < random[i]).length;
    expect(wins).toBeGreaterThanOrEqual(15);
  });

  it('samples its start-up trials uniformly at random, exactly as the random sampler with the same seed', () => {
    expect(bestOnQuadratic({ name: 'tpe', nStartup: 40 }, 5, 40)).toBe(bestOnQuadratic('random', 5, 40));
    expect(bestOnQuadratic({ name: 'tpe', nStartup: 10 }, 5, 40)).not.toBe(bestOnQuadratic('random', 5, 40));
  });
});
