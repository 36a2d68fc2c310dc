// The unit-cube encoding the GP works in: one coordinate per numeric parameter (its paramUnitScale position,
// so log parameters are in log space and ints are relaxed to a continuum then rounded on decode), and one
// coordinate per choice of a categorical (one-hot), as in Optuna's GPSampler and BoTorch's mixed spaces.
import type { ParamValue, ParamValues } from '../../strategies/paramSpec';
import type { ParamDistribution } from './distribution';
import { fromUnit, toUnit } from './paramUnitScale';
import type { SearchSpace } from './searchSpace';

/** Significant digits of a continuous float in dedup keys: closer points are the same point for tuning. */
const KEY_DIGITS = 12;

export class UnitCubeCodec {
  /** Number of cube coordinates. */
  readonly dimension: number;
  /** First cube coordinate of each parameter, in parameter order. */
  readonly offsets: readonly number[];
  private readonly space: SearchSpace;

  constructor(space: SearchSpace) {
    this.space = space;
    const offsets: number[] = [];
    let d = 0;
    for (const p of space.params) {
      offsets.push(d);
      d += width(p);
    }
    this.dimension = d;
    this.offsets = Object.freeze(offsets);
  }

  /** The cube point of a full set of user values (validated, see SearchSpace.toInternal). */
  encode(params: ParamValues): Float64Array {
    return this.encodeInternal(this.space.toInternal(params));
  }

  encodeInternal(internal: readonly number[]): Float64Array {
    const x = new Float64Array(this.dimension);
    this.space.params.forEach((p, i) => {
      const at = this.offsets[i];
      if (p.type === 'categorical') x[at + internal[i]] = 1;
      else x[at] = toUnit(p, internal[i]);
    });
    return x;
  }

  /** The user values of any cube point (see decodeInternal). */
  decode(x: ArrayLike<number>): Readonly<Record<string, ParamValue>> {
    return this.space.toExternal(this.decodeInternal(x));
  }

  /** The internal point nearest to any cube point: coordinates clipped to [0, 1], grids rounded, categoricals by argmax (lowest index on ties). */
  decodeInternal(x: ArrayLike<number>): number[] {
    if (x.length !== this.dimension) throw new RangeError(`a cube point of this space has ${this.dimension} coordinates, not ${x.length}`);
    return this.space.params.map((p, i) => {
      const at = this.offsets[i];
      if (p.type !== 'categorical') return fromUnit(p, x[at]);
      let best = 0;
      for (let k = 1; k < p.choices.length; k++) if (x[at + k] > x[at + best]) best = k;
      return best;
    });
  }

  /** The encoding of the nearest valid point: what a cube point "means". Constraints are not applied. */
  snap(x: ArrayLike<number>): Float64Array {
    return this.encodeInternal(this.decodeInternal(x));
  }

  /** A string equal for two sets of user values exactly when they are the same point (floats to 12 digits). */
  key(params: ParamValues): string {
    return this.keyInternal(this.space.toInternal(params));
  }

  keyInternal(internal: readonly number[]): string {
    return this.space.params.map((p, i) => (p.type === 'float' && p.step === null ? internal[i].toPrecision(KEY_DIGITS) : String(internal[i]))).join('|');
  }

  /** key() of the point a cube point decodes to, the dedup key the GP uses. */
  keyOfCube(x: ArrayLike<number>): string {
    return this.keyInternal(this.decodeInternal(x));
  }
}

function width(p: ParamDistribution): number {
  return p.type === 'categorical' ? p.choices.length : 1;
}
