// The study's state machine, tell validation, best trials, resume checks and its guard against samplers that
// propose invalid or infeasible points.
import { describe, expect, it } from 'vitest';
import { paramOrder } from '../../../../../src/core/strategies/index';
import {
  categoricalParam,
  createStudy,
  floatParam,
  intParam,
  RandomSampler,
  type JsonValue,
  type Sampler,
  type SamplingContext,
  type TrialSnapshot,
} from '../../../../../src/core/tuning/index';

const params = [intParam('fast', 2, 50), intParam('slow', 10, 200), categoricalParam('mode', ['long-flat', 'long-short'])];

function study(directions: ('minimize' | 'maximize')[] = ['minimize']) {
  return createStudy({ space: params, constraints: [paramOrder('fast', 'slow')], directions, sampler: 'random', seed: 1 });
}

describe('trial state machine', () => {
  it('numbers trials from 0 and moves them from running to complete or failed', () => {
    const s = study();
    const a = s.ask();
    const b = s.ask();
    expect([a.number, b.number]).toEqual([0, 1]);
    expect(s.trials().map((t) => t.state)).toEqual(['running', 'running']);
    expect(s.tell(0, 1.5)).toEqual({ number: 0, state: 'complete', params: a.params, values: [1.5], failReason: null });
    expect(s.tell(1, { state: 'failed', reason: 'no trades' })).toEqual({ number: 1, state: 'failed', params: b.params, values: null, failReason: 'no trades' });
  });

  it('refuses to tell a finished trial twice or an unknown number', () => {
    const s = study();
    s.ask();
    s.tell(0, 1);
    expect(() => s.tell(0, 2)).toThrow('trial 0 is already complete; finished trials cannot change');
    expect(() => s.tell(1, 2)).toThrow('this study has no trial 1; its trials are 0..0');
    expect(() => s.tell(-1, 2)).toThrow('this study has no trial -1');
    expect(() => s.tell(0.5, 2)).toThrow('this study has no trial 0.5');
    expect(() => study().tell(0, 1)).toThrow('this study has no trial 0; it has no trials yet');
    const f = study();
    f.ask();
    f.tell(0, { state: 'failed' });
    expect(() => f.tell(0, 1)).toThrow('trial 0 is already failed');
  });

  it('checks the number of values against the directions', () => {
    const s = study(['minimize', 'maximize']);
    s.ask();
    expect(() => s.tell(0, 1)).toThrow('trial 0: expected 2 objective values (minimize, maximize), got 1');
    expect(() => s.tell(0, [1, 2, 3])).toThrow('got 3');
    expect(() => s.tell(0, ['1', 2] as unknown as number[])).toThrow('trial 0: objective 0 must be a number, got "1"');
    expect(s.trial(0)!.state).toBe('running');
    expect(s.tell(0, [1, 2]).values).toEqual([1, 2]);
  });

  it('stores a NaN or infinite value as a failed trial naming the value, without throwing', () => {
    const s = study(['minimize', 'maximize']);
    s.ask();
    s.ask();
    expect(s.tell(0, [1, NaN])).toMatchObject({ state: 'failed', values: null, failReason: 'objective 1 (maximize) is NaN' });
    expect(s.tell(1, [-Infinity, 0]).failReason).toBe('objective 0 (minimize) is -Infinity');
  });

  it('hands out frozen trials that later calls do not change', () => {
    const s = study();
    const asked = s.ask();
    const before = s.trials();
    s.tell(0, 3);
    expect(before[0].state).toBe('running');
    expect(Object.isFrozen(before[0])).toBe(true);
    expect(Object.isFrozen(asked.params)).toBe(true);
    expect(() => ((s.trial(0)!.values as number[])[0] = 7)).toThrow(TypeError);
  });

  it('rejects bad batch sizes and bad directions', () => {
    expect(() => study().askBatch(0)).toThrow('askBatch needs a positive integer count, not 0');
    expect(() => createStudy({ space: params, directions: [], sampler: 'random', seed: 1 })).toThrow("directions must be a non-empty array of 'minimize' or 'maximize'");
    expect(() => createStudy({ space: params, directions: ['max' as 'maximize'], sampler: 'random', seed: 1 })).toThrow(`direction 0 must be 'minimize' or 'maximize', got "max"`);
    expect(() => createStudy({ space: params, directions: ['minimize'], sampler: 'cmaes' as 'tpe', seed: 1 })).toThrow('unknown sampler "cmaes"; use one of random, sobol, tpe, gp or a Sampler object');
  });
});

describe('best trials', () => {
  it('is the best complete trial for one objective, the earliest on ties', () => {
    const s = study();
    for (const v of [3, 1, 2, 1]) s.tell(s.ask().number, v);
    s.ask();
    s.tell(s.ask().number, { state: 'failed' });
    expect(s.bestTrials().map((t) => t.number)).toEqual([1, 3]);
    expect(s.bestTrial()!.number).toBe(1);
    expect(study().bestTrial()).toBeUndefined();
  });

  it('is the Pareto set for several objectives', () => {
    const s = study(['maximize', 'minimize']);
    const told = [
      [10, 5],
      [12, 8],
      [8, 3],
      [9, 6],
      [12, 9],
    ];
    for (const v of told) s.tell(s.ask().number, v);
    expect(s.bestTrials().map((t) => t.number)).toEqual([0, 1, 2]);
    expect(() => s.bestTrial()).toThrow('bestTrial is for one objective; this study has 2, use bestTrials() for the Pareto set');
  });
});

describe('resume', () => {
  it('refuses trials that do not fit the study, naming the trial', () => {
    const s = study();
    s.tell(s.ask().number, 1);
    s.tell(s.ask().number, 2);
    const { trials, sampler } = s.getState();
    const resume = (t: unknown[]) => () => createStudy({ space: params, directions: ['minimize'], sampler: 'random', seed: 1, resume: { trials: t as never, sampler } });
    expect(resume([trials[1]])).toThrow('restored trial 0 has number 1; trials must be numbered 0, 1, 2, ... in order');
    expect(resume([{ ...trials[0], state: 'done' }])).toThrow('restored trial 0 has unknown state "done"');
    expect(resume([{ ...trials[0], params: { ...trials[0].params, fast: 1 } }])).toThrow("restored trial 0 does not fit the search space: int parameter 'fast' must be in [2, 50]; got 1");
    expect(resume([{ ...trials[0], values: [1, 2] }])).toThrow('restored trial 0 is complete but its values [1,2] are not 1 finite number(s)');
    expect(resume([{ ...trials[0], state: 'running' }])).toThrow('restored trial 0 is running but has values');
    expect(() => createStudy({ space: params, directions: ['minimize'], sampler: 'tpe', seed: 1, resume: { trials, sampler } })).toThrow(
      'this is a state of the "random" sampler, not of the tpe sampler',
    );
  });

  it('restores running trials so they can still be told', () => {
    const s = study();
    s.ask();
    const resumed = createStudy({ space: params, constraints: [paramOrder('fast', 'slow')], directions: ['minimize'], sampler: 'random', seed: 1, resume: s.getState() });
    expect(resumed.trial(0)!.state).toBe('running');
    expect(resumed.tell(0, 4).state).toBe('complete');
    expect(resumed.ask().number).toBe(1);
  });
});

/** A sampler that proposes whatever `propose` returns and records what it was shown. */
class ScriptedSampler implements Sampler {
  readonly name = 'scripted';
  seen: SamplingContext[] = [];
  finished: TrialSnapshot[] = [];
  private readonly fallback = new RandomSampler({ seed: 2 });
  constructor(private readonly propose: (ctx: SamplingContext) => Record<string, number>) {}
  inferRelativeSpace(ctx: SamplingContext) {
    return ctx.space.names;
  }
  sampleRelative(ctx: SamplingContext) {
    this.seen.push(ctx);
    return this.propose(ctx);
  }
  sampleIndependent(ctx: SamplingContext, name: string, dist: Parameters<Sampler['sampleIndependent']>[2]) {
    return this.fallback.sampleIndependent(ctx, name, dist);
  }
  afterTrial(_ctx: SamplingContext, trial: TrialSnapshot) {
    this.finished.push(trial);
  }
  getState(): JsonValue {
    return null;
  }
  setState() {}
}

describe('the study and its sampler', () => {
  it('shows the sampler frozen snapshots with internal values, running trials included, and reports finished trials', () => {
    const sampler = new ScriptedSampler(() => ({ fast: 5, slow: 20, mode: 1 }));
    const s = createStudy({ space: params, directions: ['minimize'], sampler, seed: 0 });
    expect(s.ask().params).toEqual({ fast: 5, slow: 20, mode: 'long-short' });
    s.tell(0, 2);
    sampler.seen = [];
    s.ask();
    const ctx = sampler.seen[0];
    expect(ctx.trials).toEqual([{ number: 0, state: 'complete', internal: [5, 20, 1], values: [2] }]);
    expect(Object.isFrozen(ctx.trials)).toBe(true);
    expect(Object.isFrozen(ctx.trials[0])).toBe(true);
    expect(sampler.finished.map((t) => t.state)).toEqual(['complete']);
  });

  it('never hands out an infeasible or repeated point: it asks again, then falls back to independent sampling', () => {
    // This sampler always proposes fast = 40 > slow = 20 (infeasible) ...
    const bad = new ScriptedSampler(() => ({ fast: 40, slow: 20, mode: 0 }));
    const s = createStudy({ space: params, constraints: [paramOrder('fast', 'slow')], directions: ['minimize'], sampler: bad, seed: 0 });
    for (let i = 0; i < 5; i++) {
      const t = s.ask();
      expect(t.params.fast as number).toBeLessThan(t.params.slow as number);
    }
    // ... and this one always the same feasible point, which is handed out once, then only while others are scarce.
    const same = new ScriptedSampler(() => ({ fast: 5, slow: 20, mode: 0 }));
    const s2 = createStudy({ space: params, directions: ['minimize'], sampler: same, seed: 0 });
    const keys = Array.from({ length: 5 }, () => s2.space.codec.key(s2.ask().params));
    expect(new Set(keys).size).toBe(5);
  });

  it('throws when a sampler proposes a value outside its distribution, naming sampler and parameter', () => {
    const s = createStudy({ space: params, directions: ['minimize'], sampler: new ScriptedSampler(() => ({ fast: 5.5 })), seed: 0 });
    expect(() => s.ask()).toThrow("sampler 'scripted' proposed 5.5 for int parameter 'fast', which is not one of its values");
  });

  it('lets a sampler refuse a study it cannot serve', () => {
    const many = Array.from({ length: 52 }, (_, i) => floatParam(`p${i}`, 0, 1));
    expect(() => createStudy({ space: many, directions: ['minimize'], sampler: 'sobol', seed: 0 })).toThrow('the Sobol sampler handles up to 51 parameters, this space has 52');
  });
});
