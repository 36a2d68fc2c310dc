// The Sampler conformance suite: every sampler (random, Sobol, TPE, GP) must pass all of it, driven through the
// study as a user would. The space mixes every kind of parameter (log float, stepped float, plain float, int,
// log int, stepped int, two categoricals) under a linear and a predicate constraint; 30 trials take the model
// samplers 20 trials past their 10 random/Sobol start-up trials, so their model-based proposals are checked too.
import { beforeAll, describe, expect, it } from 'vitest';
import { paramOrder, type ParamValues } from '../../src/core/strategies/paramSpec';
import {
  categoricalParam,
  createStudy,
  floatParam,
  intParam,
  SearchSpace,
  type FrozenTrial,
  type SamplerSpec,
  type Study,
  type StudyState,
} from '../../src/core/tuning/index';

const SAMPLERS: readonly SamplerSpec[] = ['random', 'sobol', 'tpe', 'gp'];
const TRIALS = 30;

function makeSpace(): SearchSpace {
  return new SearchSpace(
    [
      floatParam('lr', 1e-4, 1e2, { log: true }),
      floatParam('ratio', 0, 5, { step: 0.25 }),
      floatParam('x', -2, 2),
      intParam('fast', 2, 20),
      intParam('slow', 5, 400, { log: true }),
      intParam('k', 1, 31, { step: 3 }),
      categoricalParam('mode', ['long-flat', 'long-short', 'short']),
      categoricalParam('flag', [true, false]),
    ],
    [paramOrder('fast', 'slow'), { kind: 'predicate', text: "mode 'short' needs x <= 1", params: ['mode', 'x'], test: (p) => p.mode !== 'short' || (p.x as number) <= 1 }],
  );
}

/** Smallest at lr = 1e-3 and slow = 12, both below their log-scale midpoints (0.1 and 44.7). */
function objective(p: ParamValues): number {
  const lr = p.lr as number;
  const slow = p.slow as number;
  return (
    (Math.log10(lr) + 3) ** 2 +
    ((p.x as number) - 0.5) ** 2 +
    ((p.ratio as number) - 1.25) ** 2 +
    (((p.fast as number) - 3) / 10) ** 2 +
    (Math.log(slow) - Math.log(12)) ** 2 +
    (((p.k as number) - 10) / 10) ** 2 +
    (p.mode === 'long-short' ? 0 : 1) +
    (p.flag === true ? 0 : 0.5)
  );
}

function newStudy(sampler: SamplerSpec, seed: number, extra: Partial<Parameters<typeof createStudy>[0]> = {}): Study {
  return createStudy({ space: makeSpace(), directions: ['minimize'], sampler, seed, ...extra });
}

/** n sequential ask/tell rounds; every `failEvery`-th trial (if given) is told failed instead. */
function runTrials(study: Study, n: number, failEvery = 0): void {
  for (let i = 0; i < n; i++) {
    const t = study.ask();
    if (failEvery > 0 && t.number % failEvery === failEvery - 1) study.tell(t.number, { state: 'failed', reason: 'backtest crashed' });
    else study.tell(t.number, objective(t.params));
  }
}

function keyOf(study: Study, params: ParamValues): string {
  return study.space.codec.key(params);
}

function expectValidParams(p: ParamValues): void {
  expect(Object.keys(p)).toEqual(['lr', 'ratio', 'x', 'fast', 'slow', 'k', 'mode', 'flag']);
  const lr = p.lr as number;
  expect(typeof lr).toBe('number');
  expect(lr).toBeGreaterThanOrEqual(1e-4);
  expect(lr).toBeLessThanOrEqual(1e2);
  const ratio = p.ratio as number;
  expect(ratio).toBeGreaterThanOrEqual(0);
  expect(ratio).toBeLessThanOrEqual(5);
  expect(Number.isInteger(ratio * 4)).toBe(true);
  expect(p.x as number).toBeGreaterThanOrEqual(-2);
  expect(p.x as number).toBeLessThanOrEqual(2);
  for (const [name, low, high] of [['fast', 2, 20], ['slow', 5, 400], ['k', 1, 31]] as const) {
    const v = p[name] as number;
    expect(Number.isInteger(v), `${name} = ${v}`).toBe(true);
    expect(v).toBeGreaterThanOrEqual(low);
    expect(v).toBeLessThanOrEqual(high);
  }
  expect(((p.k as number) - 1) % 3).toBe(0);
  expect(['long-flat', 'long-short', 'short']).toContain(p.mode);
  expect([true, false]).toContain(p.flag);
}

function paramsOf(trials: readonly FrozenTrial[]): ParamValues[] {
  return trials.map((t) => t.params);
}

describe.each(SAMPLERS.map((s) => [typeof s === 'string' ? s : s.name, s] as const))('sampler %s', (_name, sampler) => {
  let study: Study;
  beforeAll(() => {
    study = newStudy(sampler, 7);
    runTrials(study, TRIALS);
  });

  it('respects bounds, types, int steps, float steps and categoricals', () => {
    expect(study.trials()).toHaveLength(TRIALS);
    for (const t of study.trials()) {
      expect(t.state).toBe('complete');
      expectValidParams(t.params);
    }
  });

  it('samples log parameters on a log scale', () => {
    // Linear sampling would put 0.1% of lr and 10% of slow below their log-scale midpoints; log-uniform puts
    // about half, and a sampler chasing the optimum (below both midpoints) more.
    const trials = study.trials();
    const share = (pred: (t: FrozenTrial) => boolean) => trials.filter(pred).length / trials.length;
    expect(share((t) => (t.params.lr as number) < 0.1)).toBeGreaterThanOrEqual(0.25);
    expect(share((t) => (t.params.slow as number) < Math.sqrt(5 * 400))).toBeGreaterThanOrEqual(0.25);
    // And both ends of the log range are reached, not just the bottom.
    expect(trials.some((t) => (t.params.lr as number) < 1e-2)).toBe(true);
    expect(trials.some((t) => (t.params.lr as number) > 1)).toBe(true);
  });

  it('never proposes a point that breaks a constraint', () => {
    for (const t of study.trials()) {
      expect(t.params.fast as number).toBeLessThan(t.params.slow as number);
      expect(t.params.mode !== 'short' || (t.params.x as number) <= 1).toBe(true);
    }
  });

  it('satisfies a tight constraint that rejects most of the space', () => {
    // fast > 15 and slow < 25 under fast < slow leaves about 2% of the space.
    const tight = newStudy(sampler, 3, {
      constraints: [
        { kind: 'linear', terms: [{ param: 'fast', coef: -1 }], op: '<', rhs: -15, text: 'fast > 15' },
        { kind: 'linear', terms: [{ param: 'slow', coef: 1 }], op: '<', rhs: 25, text: 'slow < 25' },
      ],
    });
    expect(tight.space.feasibleFraction).toBeLessThan(0.05);
    runTrials(tight, 15);
    for (const t of tight.trials()) {
      expect(t.params.fast as number).toBeGreaterThan(15);
      expect(t.params.slow as number).toBeLessThan(25);
      expect(t.params.fast as number).toBeLessThan(t.params.slow as number);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = newStudy(sampler, 7);
    runTrials(again, TRIALS);
    expect(paramsOf(again.trials())).toEqual(paramsOf(study.trials()));
    const other = newStudy(sampler, 8);
    runTrials(other, TRIALS);
    const same = other.trials().filter((t, i) => keyOf(study, t.params) === keyOf(study, study.trials()[i].params)).length;
    expect(same).toBeLessThan(3);
  });

  it('keeps proposing valid, new points after failed trials and NaN values', () => {
    const s = newStudy(sampler, 11);
    runTrials(s, 20, 3);
    const t = s.ask();
    expect(s.tell(t.number, NaN)).toMatchObject({ state: 'failed', failReason: 'objective 0 (minimize) is NaN', values: null });
    runTrials(s, 6);
    const trials = s.trials();
    expect(trials.filter((x) => x.state === 'failed')).toHaveLength(7);
    expect(trials.filter((x) => x.state === 'complete')).toHaveLength(20);
    trials.forEach((x) => expectValidParams(x.params));
    expect(new Set(trials.map((x) => keyOf(s, x.params))).size).toBe(trials.length);
  });

  it('gives distinct points in a batch, distinct from running trials too', () => {
    const s = newStudy(sampler, 5);
    const leftRunning = s.askBatch(2);
    for (let round = 0; round < 6; round++) {
      const batch = s.askBatch(4);
      expect(batch.map((t) => t.number)).toEqual([0, 1, 2, 3].map((i) => 2 + round * 4 + i));
      const keys = [...leftRunning, ...batch].map((t) => keyOf(s, t.params));
      expect(new Set(keys).size).toBe(keys.length);
      batch.forEach((t) => expectValidParams(t.params));
      for (const t of batch) s.tell(t.number, objective(t.params));
    }
    expect(s.trials().filter((t) => t.state === 'running').map((t) => t.number)).toEqual([0, 1]);
  });

  it('supports several objectives', () => {
    const s = newStudy(sampler, 13, { directions: ['minimize', 'maximize'] });
    for (let i = 0; i < 20; i++) {
      const t = s.ask();
      s.tell(t.number, [objective(t.params), -(((t.params.x as number) + 1) ** 2)]);
    }
    const trials = s.trials();
    trials.forEach((t) => expectValidParams(t.params));
    const best = s.bestTrials();
    expect(best.length).toBeGreaterThan(0);
    for (const b of best) {
      const dominated = trials.some((o) => o.values![0] <= b.values![0] && o.values![1] >= b.values![1] && (o.values![0] < b.values![0] || o.values![1] > b.values![1]));
      expect(dominated).toBe(false);
    }
  });

  it('resumed from saved JSON state, continues exactly as if never interrupted', () => {
    const straight = newStudy(sampler, 21);
    runTrials(straight, TRIALS, 7);
    const first = newStudy(sampler, 21);
    runTrials(first, 15, 7);
    const saved = JSON.parse(JSON.stringify(first.getState())) as StudyState;
    const resumed = newStudy(sampler, 21, { resume: saved });
    for (let i = 15; i < TRIALS; i++) {
      const t = resumed.ask();
      if (t.number % 7 === 6) resumed.tell(t.number, { state: 'failed', reason: 'backtest crashed' });
      else resumed.tell(t.number, objective(t.params));
    }
    expect(resumed.trials()).toEqual(straight.trials());
  });

  it('resumed with trials still running, continues exactly as if never interrupted', () => {
    const play = (s: Study, from: number, to: number) => {
      for (let round = from; round < to; round++) {
        const batch = s.askBatch(3);
        for (const t of batch) s.tell(t.number, objective(t.params));
      }
    };
    const straight = newStudy(sampler, 22);
    play(straight, 0, 5);
    const pending = straight.askBatch(2);
    pending.forEach((t) => straight.tell(t.number, objective(t.params)));
    play(straight, 5, 8);

    const first = newStudy(sampler, 22);
    play(first, 0, 5);
    const pendingFirst = first.askBatch(2);
    const saved = JSON.parse(JSON.stringify(first.getState())) as StudyState;
    expect(saved.trials.filter((t) => t.state === 'running')).toHaveLength(2);
    const resumed = newStudy(sampler, 22, { resume: saved });
    pendingFirst.forEach((t) => resumed.tell(t.number, objective(t.params)));
    play(resumed, 5, 8);
    expect(resumed.trials()).toEqual(straight.trials());
  });
});
