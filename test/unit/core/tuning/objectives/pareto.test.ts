// Pareto dominance, the Pareto front, non-dominated ranks and crowding distance on small hand-built examples.
import { describe, expect, it } from 'vitest';
import { crowdingDistance, dominates, nonDominatedRanks, paretoFront } from '../../../../../src/core/tuning/index';

// (return to maximise, drawdown to minimise) for seven strategies, worked out by hand:
//   A (10, 5)  B (12, 8)  C (8, 3)  D (9, 6)  E (12, 9)  F (7, 3)  G (10, 5)
// D is dominated by A (less return, more drawdown); E by B; F by C; G ties A exactly, so neither dominates.
const points = [
  [10, 5],
  [12, 8],
  [8, 3],
  [9, 6],
  [12, 9],
  [7, 3],
  [10, 5],
];

describe('paretoFront', () => {
  it('keeps the non-dominated points, respecting each direction', () => {
    expect(paretoFront(points, ['maximize', 'minimize'])).toEqual([0, 1, 2, 6]);
  });

  it('changes with the directions', () => {
    // Minimising both: C (8, 3) and F (7, 3) lead; F dominates C.
    expect(paretoFront(points, ['minimize', 'minimize'])).toEqual([5]);
    // Maximising both: E (12, 9) dominates everything.
    expect(paretoFront(points, ['maximize', 'maximize'])).toEqual([4]);
  });

  it('with one objective, returns every point tied for the best', () => {
    expect(paretoFront([[3], [1], [2], [1]], ['minimize'])).toEqual([1, 3]);
    expect(paretoFront([[3], [1], [3]], ['maximize'])).toEqual([0, 2]);
    expect(paretoFront([], ['minimize'])).toEqual([]);
  });
});

describe('dominance helpers', () => {
  it('dominates needs no worse everywhere and better somewhere', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 3], [1, 3])).toBe(false);
    expect(dominates([0, 4], [1, 3])).toBe(false);
  });

  it('ranks points by successive fronts', () => {
    // minimised: A (−10, 5) B (−12, 8) C (−8, 3) D (−9, 6) E (−12, 9) F (−7, 3) G (−10, 5)
    const minimised = points.map(([r, d]) => [-r, d]);
    expect(nonDominatedRanks(minimised)).toEqual([0, 0, 0, 1, 1, 1, 0]);
  });

  it('gives the ends of a front infinite crowding distance and the rest their normalised gaps', () => {
    const front = [
      [0, 4],
      [1, 2],
      [3, 1],
      [4, 0],
    ];
    // Middle points: (3 − 0)/4 + (4 − 1)/4 = 1.5 and (4 − 1)/4 + (2 − 0)/4 = 1.25.
    expect(crowdingDistance(front)).toEqual([Infinity, 1.5, 1.25, Infinity]);
  });
});
