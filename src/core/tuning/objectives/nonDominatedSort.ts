// Non-dominated sorting: the Pareto rank of every point, the ordering TPE uses to split trials into good and
// bad when there are several objectives. Reference: Deb, Pratap, Agarwal & Meyarivan, "A fast and elitist
// multiobjective genetic algorithm: NSGA-II", IEEE Trans. Evol. Comput. 6(2), 2002 (fast non-dominated sort).
import { dominates } from './dominates';

/** rank[i] = 0 for the Pareto front, 1 for the front once rank 0 is removed, and so on. Points are minimised. */
export function nonDominatedRanks(points: readonly (readonly number[])[]): number[] {
  const n = points.length;
  const dominatedBy = new Array<number>(n).fill(0);
  const dominating: number[][] = points.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i], points[j])) {
        dominating[i].push(j);
        dominatedBy[j]++;
      } else if (dominates(points[j], points[i])) {
        dominating[j].push(i);
        dominatedBy[i]++;
      }
    }
  }
  const rank = new Array<number>(n).fill(-1);
  let front = points.map((_, i) => i).filter((i) => dominatedBy[i] === 0);
  for (let r = 0; front.length > 0; r++) {
    const next: number[] = [];
    for (const i of front) {
      rank[i] = r;
      for (const j of dominating[i]) if (--dominatedBy[j] === 0) next.push(j);
    }
    front = next;
  }
  return rank;
}
