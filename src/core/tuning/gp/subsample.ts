// Which observations the GP uses when there are too many for an O(n³) factorisation within the latency budget:
// the best quarter of the cap by objective value (where the acquisition must be accurate) plus a uniform random
// subset of the rest drawn with the seeded rng (so the model still knows where the bad regions are).
// The same rule serves the hyperparameter fit (small cap) and the conditioning set (larger cap), see fitGaussianProcess.ts.

/**
 * Indices (ascending) of at most `cap` of the given candidate indices: the ⌈cap/4⌉ with the smallest y (ties by
 * index), then a uniform random sample of the others (partial Fisher–Yates). All of them when there are <= cap.
 */
export function selectSubset(
  candidates: readonly number[],
  y: Float64Array,
  cap: number,
  rng: { nextFloat(): number },
): number[] {
  if (candidates.length <= cap) return [...candidates].sort((a, b) => a - b);
  const byValue = [...candidates].sort((a, b) => y[a] - y[b] || a - b);
  const bestCount = Math.min(cap, Math.ceil(cap / 4));
  const chosen = byValue.slice(0, bestCount);
  const rest = byValue.slice(bestCount).sort((a, b) => a - b);
  const need = cap - bestCount;
  for (let i = 0; i < need; i++) {
    const j = i + Math.floor(rng.nextFloat() * (rest.length - i));
    const t = rest[i];
    rest[i] = rest[j];
    rest[j] = t;
    chosen.push(rest[i]);
  }
  return chosen.sort((a, b) => a - b);
}
