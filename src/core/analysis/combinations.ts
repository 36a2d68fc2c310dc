// Combinatorics for CSCV: the binomial coefficient and Gosper's hack to walk the k-subsets of S blocks as bitmasks.

/** C(n, k) = n! / (k!·(n − k)!), by the multiplicative formula Π_{i=1..k} (n − k + i)/i (exact below 2^53). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return Math.round(c);
}

/** The smallest bitmask with k bits set: 2^k − 1. */
export function firstSubset(k: number): number {
  return k >= 31 ? -1 : (1 << k) - 1;
}

/**
 * The next larger integer with the same number of set bits (Gosper's hack, HAKMEM item 175, 1972):
 * c = x & −x; r = x + c; next = (((r ^ x) >>> 2) / c) | r. Valid while masks stay below 2^30; the caller stops after
 * C(S, k) masks (the last one is the k highest of S bits).
 */
export function nextSubset(x: number): number {
  const c = x & -x;
  const r = x + c;
  return ((((r ^ x) >>> 2) / c) | 0) | r;
}
