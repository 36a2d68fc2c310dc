// The GP posterior over two parameters, the others held at one trial's values, with the trials projected on it.
import { fitStudySurrogate, posteriorSurface } from '../analysis';
import type { SearchSpace } from '../tuning';
import { chooseTrial } from './chooseTrial';
import type { AnalysedTrial, AnalysisObjective, AnalysisParams } from './types';

export interface SurfaceInput {
  readonly space: SearchSpace;
  readonly trials: readonly AnalysedTrial[];
  readonly fixed: AnalysisParams;
  readonly objectives: readonly AnalysisObjective[];
  readonly x: string;
  readonly y: string;
  readonly resolution: number;
  /** Hold the other parameters at this trial's values; default the best by the first objective. */
  readonly trial?: number;
  readonly seed: number;
}

export interface SurfaceFindings {
  x: { param: string; values: number[]; log: boolean };
  y: { param: string; values: number[]; log: boolean };
  mean: number[][];
  sd: number[][];
  fixed: AnalysisParams;
  trials: { trial: number; x: number; y: number; value: number }[];
}

/** posteriorSurface (GP posterior mean and sd, Rasmussen & Williams 2006, eq. 2.25–2.26) split into rows. */
export function surfaceReport(input: SurfaceInput): SurfaceFindings {
  const { space, x, y, resolution } = input;
  const objective = input.objectives[0];
  for (const [axis, name] of [['x', x], ['y', y]] as const) {
    const i = space.names.indexOf(name);
    if (i < 0) throw new RangeError(`${axis}: "${name}" is not a tuned parameter of this study (tuned: ${space.names.join(', ')})`);
    if (space.params[i].type === 'categorical') throw new RangeError(`${axis}: "${name}" is categorical; a surface needs two numeric parameters`);
  }
  if (x === y) throw new RangeError(`x and y are both "${x}"; pick two different parameters`);
  const finite = input.trials.filter((t) => Number.isFinite(t.values[0]));
  if (finite.length < 3) throw new Error(`a surface needs at least 3 complete trials with a finite ${objective.metric}, got ${finite.length}`);
  const held = finite[chooseTrial(finite, objective, input.trial)];
  const surrogate = fitStudySurrogate({
    space,
    trials: finite.map((t) => ({ params: t.params, value: t.values[0] })),
    seed: input.seed,
    direction: objective.direction,
  });
  const grid = posteriorSurface(surrogate, { x, y, resolution, fixed: held.params });
  const rows = (a: Float64Array): number[][] => Array.from({ length: resolution }, (_, j) => Array.from(a.subarray(j * resolution, (j + 1) * resolution)));
  const isLog = (name: string): boolean => {
    const d = space.params[space.names.indexOf(name)];
    return d.type !== 'categorical' && d.log;
  };
  return {
    x: { param: x, values: Array.from(grid.xValues), log: isLog(x) },
    y: { param: y, values: Array.from(grid.yValues), log: isLog(y) },
    mean: rows(grid.mean),
    sd: rows(grid.sd),
    fixed: { ...input.fixed, ...held.params },
    trials: finite.map((t) => ({ trial: t.number, x: Number(t.params[x]), y: Number(t.params[y]), value: t.values[0] })),
  };
}
