// A small seeded random number generator with a savable state, so simulations and samplers are reproducible and
// can resume exactly where they stopped. The core is sfc32, Chris Doty-Humphrey's Small Fast Counting generator
// from PractRand (http://pracrand.sourceforge.net/, passes PractRand to 2^60+ bytes), seeded via splitmix32.
import { splitmix32 } from './splitmix32';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
/** Outputs discarded after seeding, as PractRand's own sfc32 seeding does, so early draws are already mixed. */
const WARM_UP_ROUNDS = 12;
/** Length of getState(): four sfc32 words, the spare-normal flag and the spare normal itself. */
export const RNG_STATE_LENGTH = 6;

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  // Polar normals come in pairs; the spare is part of the state so save/restore resumes mid-pair.
  private hasSpare = false;
  private spare = 0;

  /** `seed` is any safe integer; equal seeds give identical streams on every platform. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be a safe integer, not ${seed}`);
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) | 0;
    const next = splitmix32(low ^ Math.imul(high, 0x9e3779b1));
    this.a = next() | 0;
    this.b = next() | 0;
    this.c = (next() ^ high) | 0;
    this.d = 1;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32();
  }

  static fromState(state: readonly number[]): Rng {
    const rng = new Rng(0);
    rng.setState(state);
    return rng;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits (every double of the form k / 2^53). */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform integer in [0, n) without modulo bias, for integer 1 <= n <= 2^32. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`nextInt needs an integer n in [1, 2^32], not ${n}`);
    // Reject the top partial block of 2^32 so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Standard normal (Marsaglia's polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * factor;
    this.hasSpare = true;
    return u * factor;
  }

  /** Gamma(shape, scale 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. */
  gamma(shape: number): number {
    if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma needs a positive finite shape, not ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.nextFloat(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - this.nextFloat();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Student-t with `nu` degrees of freedom (variance nu / (nu - 2) for nu > 2): Z / sqrt(chi2(nu) / nu). */
  studentT(nu: number): number {
    if (!(nu > 0)) throw new RangeError(`studentT needs nu > 0, not ${nu}`);
    const z = this.normal();
    if (nu === Infinity) return z;
    const chi2 = 2 * this.gamma(nu / 2);
    return z / Math.sqrt(chi2 / nu);
  }

  /** The full state as plain numbers (JSON-safe); setState on any Rng resumes the exact same stream. */
  getState(): number[] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0, this.hasSpare ? 1 : 0, this.spare];
  }

  setState(state: readonly number[]): void {
    if (state.length !== RNG_STATE_LENGTH) throw new RangeError(`an Rng state has ${RNG_STATE_LENGTH} numbers, not ${state.length}`);
    for (let i = 0; i < 4; i++) {
      if (!Number.isInteger(state[i]) || state[i] < 0 || state[i] >= TWO_POW_32) throw new RangeError(`Rng state word ${i} must be a uint32, not ${state[i]}`);
    }
    if ((state[4] !== 0 && state[4] !== 1) || !Number.isFinite(state[5])) throw new RangeError('Rng state has an invalid spare normal');
    this.a = state[0] | 0;
    this.b = state[1] | 0;
    this.c = state[2] | 0;
    this.d = state[3] | 0;
    this.hasSpare = state[4] === 1;
    this.spare = state[5];
  }
}
