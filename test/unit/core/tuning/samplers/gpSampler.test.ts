// The GP sampler adapter: what it hands the GP (targets to minimise, failed trials, pending points, ParEGO),
// its Sobol start-up design, and that its proposals beat its own start-up design on Branin.
import { describe, expect, it } from 'vitest';
import {
  benchmarkSpace,
  branin,
  createSearchSpace,
  createStudy,
  evaluateParams,
  floatParam,
  GpSampler,
  intParam,
  parEgoScalarize,
  type TrialSnapshot,
} from '../../../../../src/core/tuning/index';
import { gpTrainingData } from '../../../../../src/core/tuning/samplers/gpTrainingData';
import { nextFeasibleSobolPoint, sobolDesign } from '../../../../../src/core/tuning/samplers/sobolDesign';

const space = createSearchSpace([floatParam('x', 0, 10), intParam('n', 1, 5)]);

function trial(number: number, state: TrialSnapshot['state'], internal: number[], values: number[] | null): TrialSnapshot {
  return { number, state, internal, values };
}

const trials = [
  trial(0, 'complete', [5, 1], [2, 7]),
  trial(1, 'failed', [1, 2], null),
  trial(2, 'complete', [0, 5], [4, 3]),
  trial(3, 'running', [10, 3], null),
];

describe('gpTrainingData', () => {
  it('encodes complete trials in the unit cube with the value to minimise (maximised objectives negated)', () => {
    const data = gpTrainingData(space, ['maximize'], trials.map((t) => ({ ...t, values: t.values && [t.values[0]] })), 'ignore', null);
    expect(data.X.map((x) => Array.from(x))).toEqual([
      [0.5, 0.1],
      [0, 0.9],
    ]);
    expect(Array.from(data.y)).toEqual([-2, -4]);
    expect(data.pending.map((x) => Array.from(x))).toEqual([[1, 0.5]]);
  });

  it("adds failed trials at the worst value with 'worst', leaves them out with 'ignore'", () => {
    const one = trials.map((t) => ({ ...t, values: t.values && [t.values[0]] }));
    const worst = gpTrainingData(space, ['minimize'], one, 'worst', null);
    expect(Array.from(worst.y)).toEqual([2, 4, 4]);
    expect(Array.from(worst.X[2])).toEqual([0.1, 0.3]);
    expect(gpTrainingData(space, ['minimize'], one, 'ignore', null).y).toHaveLength(2);
  });

  it('scalarises several objectives by ParEGO with the given weights, after negating maximised ones', () => {
    const w = Float64Array.from([0.25, 0.75]);
    const data = gpTrainingData(space, ['minimize', 'maximize'], trials, 'ignore', w);
    expect(Array.from(data.y)).toEqual(Array.from(parEgoScalarize([Float64Array.from([2, -7]), Float64Array.from([4, -3])], w)));
  });
});

function runBranin(sampler: GpSampler | 'gp', seed: number, n: number) {
  const study = createStudy({ space: benchmarkSpace(branin), directions: ['minimize'], sampler, seed });
  for (let i = 0; i < n; i++) {
    const t = study.ask();
    study.tell(t.number, evaluateParams(branin, t.params));
  }
  return study;
}

describe('GpSampler', () => {
  it('takes its first nStartup trials from the scrambled Sobol design', () => {
    const study = runBranin(new GpSampler({ seed: 3, nStartup: 6 }), 0, 8);
    const seq = sobolDesign(study.space, 3, 0);
    const design = Array.from({ length: 6 }, () => study.space.toExternal(nextFeasibleSobolPoint(seq, study.space)!));
    expect(study.trials().slice(0, 6).map((t) => t.params)).toEqual(design);
    expect(study.trials()[6].params).not.toEqual(study.space.toExternal(nextFeasibleSobolPoint(seq, study.space)!));
  });

  it('gets Branin close to its minimum 0.397887 within 30 trials, far better than its design alone', () => {
    for (const seed of [1, 2, 3]) {
      const study = runBranin('gp', seed, 30);
      const startup = Math.min(...study.trials().slice(0, 10).map((t) => t.values![0]));
      const best = study.bestTrial()!.values![0];
      expect(best).toBeLessThan(0.45);
      expect(best).toBeLessThan(startup);
    }
  });

  it('rejects bad options and foreign states', () => {
    expect(() => new GpSampler({ seed: 1, failedTrials: 'skip' as 'ignore' })).toThrow("GP failedTrials must be 'ignore' or 'worst'");
    const sampler = new GpSampler({ seed: 1 });
    expect(() => sampler.setState({ sampler: 'tpe', rng: [] })).toThrow('this is a state of the "tpe" sampler, not of the gp sampler');
    expect(() => sampler.setState({ ...(sampler.getState() as object), warmStart: { lengthscales: 'x' } })).toThrow("gp sampler state field 'warmStart'");
  });
});
