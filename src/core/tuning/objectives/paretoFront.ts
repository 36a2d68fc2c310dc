// The Pareto set: the points no other point dominates, given each objective's direction. What a study reports
// as its best trials when it has several objectives (and the best ties when it has one).
import { dominates } from './dominates';
import { toMinimised, type Direction } from './direction';

/** Indices (ascending) of the non-dominated points. Duplicates of a non-dominated point are all kept. */
export function paretoFront(points: readonly (readonly number[])[], directions: readonly Direction[]): number[] {
  const minimised = points.map((p) => toMinimised(p, directions));
  const front: number[] = [];
  for (let i = 0; i < minimised.length; i++) {
    if (!minimised.some((q, j) => j !== i && dominates(q, minimised[i]))) front.push(i);
  }
  return front;
}
