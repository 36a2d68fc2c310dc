// Which way each objective should go, and the one place values are turned into "smaller is better" numbers so
// dominance, TPE's split and the GP's targets all agree on the sign.

export type Direction = 'minimize' | 'maximize';

/** @throws Error unless `directions` is a non-empty array of 'minimize' / 'maximize'. */
export function checkDirections(directions: readonly unknown[]): asserts directions is readonly Direction[] {
  if (!Array.isArray(directions) || directions.length === 0) throw new Error("directions must be a non-empty array of 'minimize' or 'maximize'");
  directions.forEach((d, i) => {
    if (d !== 'minimize' && d !== 'maximize') throw new Error(`direction ${i} must be 'minimize' or 'maximize', got ${JSON.stringify(d)}`);
  });
}

/** values with maximised objectives negated, so that smaller is better in every coordinate. */
export function toMinimised(values: readonly number[], directions: readonly Direction[]): number[] {
  return values.map((v, i) => (directions[i] === 'maximize' ? -v : v));
}
