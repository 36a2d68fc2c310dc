// The points of a sensitivity report: each numeric parameter of a chosen configuration moved by a relative amount
// (−10%, −5%, +5%, +10% by default), the others kept, so a real backtest at each shows how much the objective drops
// when the configuration is slightly off (the parameter-stability check of R. Pardo, "The Evaluation and
// Optimization of Trading Strategies", 2nd ed., Wiley 2008).
// Rules: an integer or stepped value snaps to its grid; when the move would snap back to the value itself it moves
// one step in the move's direction instead; a value of 0 (where a relative move is nothing) moves by delta times
// the parameter's range; moves are clamped to [low, high], and one that ends where it started (at a bound) is
// skipped. A larger move never lands on the point of a smaller one in the same direction (on a coarse grid it goes
// one step further, or is skipped), so the report has no duplicate rows. Categorical (and boolean) parameters are skipped. A moved point that breaks one of the space's
// constraints is dropped and listed in `skipped` with the constraint's text.
import type { ParamValue, ParamValues } from '../strategies/paramSpec';
import { satisfiesConstraint } from '../strategies/paramSpec';
import { gridValue, type FloatParam, type IntParam } from '../tuning/space/distribution';
import type { SearchSpace } from '../tuning/space/searchSpace';

export interface SensitivityPoint {
  readonly param: string;
  readonly delta: number;
  /** The full configuration with `param` moved. */
  readonly params: Record<string, ParamValue>;
}

export interface SkippedSensitivityPoint {
  readonly param: string;
  readonly delta: number;
  readonly reason: string;
}

/** The points, with the moves that could not be made and why (an array with one extra field). */
export type SensitivityPoints = SensitivityPoint[] & { skipped: SkippedSensitivityPoint[] };

export const DEFAULT_SENSITIVITY_DELTAS: readonly number[] = Object.freeze([-0.1, -0.05, 0.05, 0.1]);

/** Throws a RangeError (naming the parameter) when `params` is not a valid configuration of the space. */
export function sensitivityPoints(space: SearchSpace, params: ParamValues, deltas: readonly number[] = DEFAULT_SENSITIVITY_DELTAS): SensitivityPoints {
  try {
    space.toInternal(params);
  } catch (e) {
    throw new RangeError(`sensitivity points: ${(e as Error).message}`);
  }
  for (const delta of deltas) if (!Number.isFinite(delta) || delta === 0) throw new RangeError(`sensitivity points: a move must be a non-zero finite fraction, not ${delta}`);
  const points: SensitivityPoint[] = [];
  const skipped: SkippedSensitivityPoint[] = [];
  for (const dist of space.params) {
    if (dist.type === 'categorical') continue;
    const value = params[dist.name] as number;
    const taken = new Set<number>();
    const paramPoints: SensitivityPoint[] = [];
    // Smaller moves first, so they keep the nearer grid points.
    for (const delta of [...deltas].sort((a, b) => Math.abs(a) - Math.abs(b))) {
      let moved = movedValue(dist, value, delta);
      if (taken.has(moved) && dist.step !== null) moved = Math.min(dist.high, Math.max(dist.low, moved + Math.sign(delta) * dist.step));
      if (moved === value) {
        skipped.push({ param: dist.name, delta, reason: `${dist.name} = ${value} is at its ${delta > 0 ? 'upper' : 'lower'} bound` });
        continue;
      }
      if (taken.has(moved)) {
        skipped.push({ param: dist.name, delta, reason: `${dist.name} = ${moved} is already the point of a smaller move` });
        continue;
      }
      taken.add(moved);
      const next: Record<string, ParamValue> = { ...params, [dist.name]: moved };
      const broken = space.constraints.find((c) => !satisfiesConstraint(c, next));
      if (broken) {
        skipped.push({ param: dist.name, delta, reason: `${dist.name} = ${moved} breaks the constraint ${broken.text}` });
        continue;
      }
      paramPoints.push({ param: dist.name, delta, params: next });
    }
    points.push(...paramPoints.sort((a, b) => a.delta - b.delta));
  }
  return Object.assign(points, { skipped });
}

function movedValue(dist: FloatParam | IntParam, value: number, delta: number): number {
  const target = value === 0 ? delta * (dist.high - dist.low) : value * (1 + delta);
  let moved: number;
  if (dist.step === null) moved = target;
  else {
    const k0 = Math.round((value - dist.low) / dist.step);
    let k = Math.round((target - dist.low) / dist.step);
    if (k === k0) k = k0 + Math.sign(target - value || delta);
    const last = Math.round((dist.high - dist.low) / dist.step);
    moved = gridValue(dist, Math.min(last, Math.max(0, k)));
  }
  return Math.min(dist.high, Math.max(dist.low, moved));
}
