// What the "study" worker thread exposes through comlink: the ask/tell core and its sampler (fitting a GP is
// heavy, so it never runs on the main thread). The main thread asks for trials, tells results, and stores the
// returned trials and sampler state; this worker keeps no other state and does no I/O.
import {
  constraintParams,
  createStudy,
  distributionFromSpec,
  findBuiltinStrategy,
  type FrozenTrial,
  type ParamConstraint,
  type ParamSpec,
  type Study,
  type StudyState,
} from '../../core';

/** A tunable parameter as stored with the study (a strategy ParamSpec without label or default). */
export type StoredParamSpec =
  | { type: 'int' | 'float'; name: string; low: number; high: number; step?: number; log?: boolean }
  | { type: 'categorical'; name: string; choices: (number | string | boolean)[] };

export interface StudyWorkerOpen {
  strategy: string;
  space: StoredParamSpec[];
  directions: ('maximize' | 'minimize')[];
  sampler: 'random' | 'sobol' | 'tpe' | 'gp';
  seed: number;
  resume?: StudyState;
}

export interface AskReply {
  trials: { number: number; params: Record<string, number | string | boolean> }[];
  samplerState: string;
}

export interface TellReply {
  trial: FrozenTrial;
  samplerState: string;
}

let study: Study | undefined;

function current(): Study {
  if (!study) throw new Error('study worker used before open()');
  return study;
}

export const studyWorkerApi = {
  /**
   * Builds the study (or restores it from stored trials and sampler state). A built-in strategy's constraints
   * apply when every parameter they read is tuned; user strategies' constraints (functions in their file) are
   * not applied here, so a point breaking one fails its trial with the strategy's message.
   */
  open(options: StudyWorkerOpen): void {
    const builtin = findBuiltinStrategy(options.strategy);
    const specs = options.space as unknown as ParamSpec[];
    const names = new Set(specs.map((s) => s.name));
    const constraints = ((builtin?.constraints ?? []) as ParamConstraint[]).filter((c) =>
      constraintParams(c, builtin!.params).every((p) => names.has(p)),
    );
    study = createStudy({
      space: specs.map(distributionFromSpec),
      constraints,
      directions: options.directions,
      sampler: options.sampler,
      seed: options.seed,
      resume: options.resume,
    });
  },

  ask(q: number): AskReply {
    const s = current();
    const trials = s.askBatch(q).map((t) => ({ number: t.number, params: { ...t.params } }));
    return { trials, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  tell(number: number, result: number[] | { state: 'failed'; reason: string }): TellReply {
    const s = current();
    const trial = s.tell(number, result);
    return { trial: { ...trial, params: { ...trial.params }, values: trial.values ? [...trial.values] : null }, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  /** Tells several results in order, in one message: a worker's chunk of trials. */
  tellMany(results: { number: number; result: number[] | { state: 'failed'; reason: string } }[]): { trials: FrozenTrial[]; samplerState: string } {
    const s = current();
    const trials = results.map(({ number, result }) => {
      const trial = s.tell(number, result);
      return { ...trial, params: { ...trial.params }, values: trial.values ? [...trial.values] : null };
    });
    return { trials, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  close(): void {
    study = undefined;
  },
};

export type StudyWorkerApi = typeof studyWorkerApi;
