// TPE's split of the history into a good group (density l) and a bad group (density g). One objective: the
// nBelow lowest (after negating maximised objectives). Several: by non-dominated rank, the last rank that only
// partly fits chosen by crowding distance (NSGA-II's rule standing in for Optuna's hypervolume subset
// selection). With the constant liar, running trials join the bad group, as Optuna's constant_liar does.
import { crowdingDistance } from '../../objectives/crowdingDistance';
import { toMinimised, type Direction } from '../../objectives/direction';
import { nonDominatedRanks } from '../../objectives/nonDominatedSort';
import type { TrialSnapshot } from '../sampler';

export interface TrialSplit {
  /** Both in trial-number order, as the age-based weights expect. */
  readonly below: TrialSnapshot[];
  readonly above: TrialSnapshot[];
}

export function splitTrials(trials: readonly TrialSnapshot[], directions: readonly Direction[], nBelow: number, constantLiar: boolean): TrialSplit {
  const complete = trials.filter((t) => t.state === 'complete');
  const scores = complete.map((t) => toMinimised(t.values!, directions));
  const chosen = directions.length === 1 ? bestSingle(scores, nBelow) : bestByRank(scores, nBelow);
  const below = complete.filter((_, i) => chosen.has(i));
  const above = trials.filter((t) => (t.state === 'complete' && !below.includes(t)) || (constantLiar && t.state === 'running'));
  return { below, above };
}

function bestSingle(scores: readonly number[][], nBelow: number): Set<number> {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a][0] - scores[b][0] || a - b);
  return new Set(order.slice(0, nBelow));
}

function bestByRank(scores: readonly number[][], nBelow: number): Set<number> {
  const rank = nonDominatedRanks(scores);
  const chosen = new Set<number>();
  for (let r = 0; chosen.size < nBelow; r++) {
    const front = scores.map((_, i) => i).filter((i) => rank[i] === r);
    if (front.length === 0) break;
    if (chosen.size + front.length <= nBelow) {
      front.forEach((i) => chosen.add(i));
      continue;
    }
    const crowd = crowdingDistance(front.map((i) => scores[i]));
    const order = front.map((_, k) => k).sort((a, b) => crowd[b] - crowd[a] || front[a] - front[b]);
    for (const k of order.slice(0, nBelow - chosen.size)) chosen.add(front[k]);
  }
  return chosen;
}
