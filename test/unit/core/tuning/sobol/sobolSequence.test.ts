// The Sobol generator: the unscrambled points against the published sequence, the (0, m, 2)-net and
// stratification properties that survive scrambling, determinism, and skipping ahead.
import { describe, expect, it } from 'vitest';
import { JOE_KUO_ROWS, SOBOL_MAX_DIMENSION, SobolSequence, sobolPoints } from '../../../../../src/core/tuning/index';

describe('unscrambled Sobol sequence', () => {
  it('matches the published first points (Joe & Kuo direction numbers, as in scipy.stats.qmc.Sobol(scramble=False))', () => {
    // scipy's test suite, test_qmc.py TestSobol.unscramble_nd, "theoretical values known from Joe Kuo 2010".
    const published = [
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ];
    expect(sobolPoints(8, { dimension: 2, scramble: false }).map((p) => Array.from(p))).toEqual(published);
  });

  it('gives the third dimension worked out by hand from its row (s = 2, a = 1, m = 1, 3)', () => {
    // V1 = 0.1b, V2 = 0.11b, V3 = 0.011b (m3 = 2·3 xor 4·1 xor 1 = 3); Gray-code order XORs V1, V2, V1, V3, V1, V2, V1.
    const third = sobolPoints(8, { dimension: 3, scramble: false }).map((p) => p[2]);
    expect(third).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('bundles the first rows of new-joe-kuo-6.21201 as published', () => {
    expect(SOBOL_MAX_DIMENSION).toBe(51);
    expect(JOE_KUO_ROWS.slice(0, 6)).toEqual([
      [1, 0, [1]],
      [2, 1, [1, 3]],
      [3, 1, [1, 3, 1]],
      [3, 2, [1, 1, 1]],
      [4, 1, [1, 1, 3, 3]],
      [4, 4, [1, 3, 5, 13]],
    ]);
    // Every m_k is odd and below 2^k, as direction numbers must be.
    for (const [s, , m] of JOE_KUO_ROWS) {
      expect(m).toHaveLength(s);
      m.forEach((mk, k) => {
        expect(mk % 2).toBe(1);
        expect(mk).toBeLessThan(2 ** (k + 1));
      });
    }
  });
});

/** True when each of the 2^m intervals [i/2^m, (i+1)/2^m) holds exactly one of the values. */
function stratified(values: readonly number[]): boolean {
  const counts = new Array<number>(values.length).fill(0);
  for (const v of values) counts[Math.floor(v * values.length)]++;
  return counts.every((c) => c === 1);
}

describe.each([
  ['unscrambled', { scramble: false }],
  ['scrambled', { scramble: true, seed: 12345 }],
] as const)('%s Sobol points', (_label, opts) => {
  it('stratify every one of the 51 dimensions: the first 2^m points fill each 1/2^m interval once', () => {
    const pts = sobolPoints(256, { dimension: SOBOL_MAX_DIMENSION, ...opts });
    for (const m of [1, 4, 8]) {
      for (let j = 0; j < SOBOL_MAX_DIMENSION; j++) expect(stratified(pts.slice(0, 2 ** m).map((p) => p[j])), `m=${m} dim=${j + 1}`).toBe(true);
    }
  });

  it('form a (0, m, 2)-net in the first two dimensions: every 2^a × 2^(m−a) box holds one of the first 2^m points', () => {
    const pts = sobolPoints(64, { dimension: 2, ...opts });
    for (let a = 0; a <= 6; a++) {
      const boxes = new Set(pts.map((p) => `${Math.floor(p[0] * 2 ** a)},${Math.floor(p[1] * 2 ** (6 - a))}`));
      expect(boxes.size).toBe(64);
    }
  });

  it('can skip ahead to any index', () => {
    const all = sobolPoints(300, { dimension: 7, ...opts });
    const seq = new SobolSequence({ dimension: 7, ...opts });
    for (const i of [0, 1, 2, 37, 128, 255, 299]) {
      seq.skipTo(i);
      expect(seq.index).toBe(i);
      expect(Array.from(seq.next())).toEqual(Array.from(all[i]));
    }
  });
});

describe('scrambling', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = sobolPoints(16, { dimension: 4, seed: 1 });
    expect(sobolPoints(16, { dimension: 4, seed: 1 })).toEqual(a);
    expect(sobolPoints(16, { dimension: 4, seed: 2 })).not.toEqual(a);
    // The first scrambled point is a random point, not the origin.
    expect(Array.from(a[0]).every((v) => v > 0)).toBe(true);
  });

  it('averages close to 1/2 per dimension over 1024 points (scipy test_qmc test_distribution)', () => {
    const pts = sobolPoints(1024, { dimension: 50, seed: 99 });
    for (let j = 0; j < 50; j++) {
      const mean = pts.reduce((s, p) => s + p[j], 0) / pts.length;
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    }
  });

  it('rejects bad dimensions and a missing seed', () => {
    expect(() => new SobolSequence({ dimension: 52, seed: 1 })).toThrow('a Sobol sequence has 1 to 51 dimensions');
    expect(() => new SobolSequence({ dimension: 0, seed: 1 })).toThrow(RangeError);
    expect(() => new SobolSequence({ dimension: 2 })).toThrow('a scrambled Sobol sequence needs a seed');
  });
});
