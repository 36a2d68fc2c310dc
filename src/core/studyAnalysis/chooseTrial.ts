// Which trial an analysis judges: the one asked for, or the best complete trial by the first objective.
import type { AnalysedTrial, AnalysisObjective } from './types';

/**
 * The index in `trials` of trial number `requested`, or of the best by the first objective (ties: the lowest
 * number, which came first). @throws Error naming the trial when it is not among the complete trials.
 */
export function chooseTrial(trials: readonly AnalysedTrial[], objective: AnalysisObjective, requested?: number): number {
  if (trials.length === 0) throw new Error('the study has no complete trial to analyse');
  if (requested !== undefined) {
    const index = trials.findIndex((t) => t.number === requested);
    if (index < 0) throw new Error(`trial ${requested} is not a complete trial of this study`);
    return index;
  }
  const sign = objective.direction === 'maximize' ? 1 : -1;
  let best = -1;
  for (let i = 0; i < trials.length; i++) {
    const v = trials[i].values[0];
    if (!Number.isFinite(v)) continue;
    if (best < 0 || sign * v > sign * trials[best].values[0]) best = i;
  }
  if (best < 0) throw new Error('no complete trial has a finite value of the first objective');
  return best;
}
