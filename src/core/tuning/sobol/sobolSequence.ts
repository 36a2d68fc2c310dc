// A (scrambled) Sobol sequence in [0, 1)^d, generated in Gray-code order (Antonov & Saleev, USSR Comput. Math.
// Math. Phys. 19, 1979), so each point costs one XOR per dimension. Used by the Sobol sampler and as the GP's
// initial design. Unscrambled, point 0 is the origin and the points match Joe & Kuo's sobol.cc and
// scipy.stats.qmc.Sobol(scramble=False); scrambled, every point (the first too) is uniformly distributed and
// the first 2^m points stay a (t, m, d)-net.
import { Rng } from '../../random/rng';
import { directionVectors, SOBOL_BITS } from './directionVectors';
import { SOBOL_MAX_DIMENSION } from './joeKuoDirectionNumbers';
import { scrambleDimension } from './linearMatrixScramble';

export interface SobolOptions {
  readonly dimension: number;
  /** Linear matrix scrambling plus digital shift (default true). */
  readonly scramble?: boolean;
  /** Seed of the scrambling; required when scrambling. */
  readonly seed?: number;
}

const TWO_POW_32 = 2 ** SOBOL_BITS;
/** Gray-code order repeats after 2^32 points. */
export const SOBOL_MAX_POINTS = TWO_POW_32;

export class SobolSequence {
  readonly dimension: number;
  private readonly directions: Uint32Array[];
  private readonly shift: Uint32Array;
  private readonly state: Uint32Array;
  private count = 0;

  /** @throws RangeError for a dimension outside 1..51, or a scrambled sequence without a seed. */
  constructor(options: SobolOptions) {
    const d = options.dimension;
    if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSION) {
      throw new RangeError(`a Sobol sequence has 1 to ${SOBOL_MAX_DIMENSION} dimensions (Joe & Kuo's table as bundled), not ${d}`);
    }
    const scramble = options.scramble ?? true;
    if (scramble && options.seed === undefined) throw new RangeError('a scrambled Sobol sequence needs a seed');
    this.dimension = d;
    this.directions = Array.from({ length: d }, (_, j) => directionVectors(j));
    this.shift = new Uint32Array(d);
    if (scramble) {
      const rng = new Rng(options.seed!);
      this.directions.forEach((v, j) => (this.shift[j] = scrambleDimension(v, rng)));
    }
    this.state = new Uint32Array(d);
  }

  /** Index of the next point (points drawn so far). */
  get index(): number {
    return this.count;
  }

  /** The next point, then advances. */
  next(): Float64Array {
    if (this.count >= TWO_POW_32) throw new RangeError('the Sobol sequence is exhausted after 2^32 points');
    const x = new Float64Array(this.dimension);
    for (let j = 0; j < this.dimension; j++) x[j] = ((this.state[j] ^ this.shift[j]) >>> 0) / TWO_POW_32;
    // Point n+1 = point n xor V_c, c = position of the lowest zero bit of n.
    const c = lowestZeroBit(this.count);
    if (c < SOBOL_BITS) for (let j = 0; j < this.dimension; j++) this.state[j] ^= this.directions[j][c];
    this.count++;
    return x;
  }

  /** Jumps to point `index` (the next call to next() returns it): XOR of V_k over the set bits k of gray(index). */
  skipTo(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= TWO_POW_32) throw new RangeError(`a Sobol index is an integer in [0, 2^32), not ${index}`);
    const gray = (index ^ (index >>> 1)) >>> 0;
    for (let j = 0; j < this.dimension; j++) {
      let x = 0;
      for (let k = 0; k < SOBOL_BITS; k++) if ((gray >>> k) & 1) x ^= this.directions[j][k];
      this.state[j] = x >>> 0;
    }
    this.count = index;
  }
}

/** The first `n` points of a Sobol sequence (a convenience for initial designs). */
export function sobolPoints(n: number, options: SobolOptions): Float64Array[] {
  const seq = new SobolSequence(options);
  return Array.from({ length: n }, () => seq.next());
}

function lowestZeroBit(n: number): number {
  let c = 0;
  let m = n;
  while (m % 2 === 1) {
    m = (m - 1) / 2;
    c++;
  }
  return c;
}
