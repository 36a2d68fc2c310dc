// The second step of the parameters report: the real backtests' values at the draft's points, folded in as changes
// from the chosen point (kept apart from the draft so the main thread can do it without the GP code).
import type { ParametersDraft } from './parametersReport';
import type { AnalysisObjective, AnalysisParams } from './types';

/** Real backtest values (the first objective) at the draft's points; null where a backtest failed. */
export interface ParametersBacktests {
  base: number | null;
  moves: readonly (number | null)[];
  doubleCosts: number | null;
  robust: number | null;
}

export interface ParametersFindings {
  objective: AnalysisObjective;
  importance: ParametersDraft['importance'];
  peak: ParametersDraft['peak'];
  robust: ParametersDraft['robust'] & { value: number | null };
  sensitivity: {
    base: { params: AnalysisParams; value: number | null };
    moves: { param: string; moves: { delta: number; params: AnalysisParams; value: number | null; change: number | null }[] }[];
    doubleCosts: { value: number | null; change: number | null };
  };
  partialDependence: ParametersDraft['partialDependence'];
  notes: string[];
}

/** Folds the backtests' values into the draft: each change is value − base, signed so a loss is negative. */
export function completeParametersReport(draft: ParametersDraft, values: ParametersBacktests): ParametersFindings {
  if (values.moves.length !== draft.moves.length) throw new RangeError(`${draft.moves.length} sensitivity points but ${values.moves.length} values`);
  const sign = draft.objective.direction === 'maximize' ? 1 : -1;
  const change = (v: number | null): number | null => (v === null || values.base === null ? null : sign * (v - values.base));
  const byParam = new Map<string, ParametersFindings['sensitivity']['moves'][number]['moves']>();
  draft.moves.forEach((m, i) => {
    const list = byParam.get(m.param) ?? [];
    list.push({ delta: m.delta, params: m.params, value: values.moves[i], change: change(values.moves[i]) });
    byParam.set(m.param, list);
  });
  const notes = [...draft.notes];
  if (values.base === null) notes.push('The backtest of the chosen point failed, so no change can be computed.');
  return {
    objective: draft.objective,
    importance: draft.importance,
    peak: draft.peak,
    robust: { ...draft.robust, value: values.robust },
    sensitivity: {
      base: { params: draft.base, value: values.base },
      moves: [...byParam.entries()].map(([param, moves]) => ({ param, moves })),
      doubleCosts: { value: values.doubleCosts, change: change(values.doubleCosts) },
    },
    partialDependence: draft.partialDependence,
    notes,
  };
}
