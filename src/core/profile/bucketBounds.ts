// How the profile splits n bars into at most maxPoints buckets of about equal size, the same way
// decimateForChart does: bucket b covers [floor(b × n / B), floor((b + 1) × n / B)).

/**
 * The exclusive end index of every bucket, ascending, the last one equal to n. One bucket per bar when
 * n ≤ maxPoints (no decimation); otherwise maxPoints buckets, none empty.
 *
 * @throws RangeError if maxPoints is not an integer ≥ 2.
 */
export function bucketEnds(n: number, maxPoints: number): Int32Array {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new RangeError(`maxPoints must be an integer >= 2, not ${maxPoints}`);
  const buckets = Math.min(n, maxPoints);
  const ends = new Int32Array(buckets);
  for (let b = 1; b <= buckets; b++) ends[b - 1] = Math.floor((b * n) / buckets);
  return ends;
}
