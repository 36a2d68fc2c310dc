// Pareto dominance between two objective vectors that are both already "smaller is better".

/** True when a is no worse than b everywhere and strictly better somewhere. Equal vectors do not dominate. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictly = true;
  }
  return strictly;
}
