// Crowding distance within one front, the tie-break TPE uses when only part of a Pareto front fits in its
// "good" group: isolated points are kept first, so the good group spreads along the front. Reference: Deb et
// al. 2002 (NSGA-II), section III-B.

/** For each point, the sum over objectives of the normalised gap between its neighbours; Infinity at the ends. */
export function crowdingDistance(points: readonly (readonly number[])[]): number[] {
  const n = points.length;
  const distance = new Array<number>(n).fill(0);
  if (n <= 2) return distance.fill(Infinity);
  const m = points[0].length;
  for (let k = 0; k < m; k++) {
    const order = points.map((_, i) => i).sort((a, b) => points[a][k] - points[b][k] || a - b);
    const lo = points[order[0]][k];
    const hi = points[order[n - 1]][k];
    distance[order[0]] = Infinity;
    distance[order[n - 1]] = Infinity;
    if (hi === lo) continue;
    for (let r = 1; r < n - 1; r++) distance[order[r]] += (points[order[r + 1]][k] - points[order[r - 1]][k]) / (hi - lo);
  }
  return distance;
}
