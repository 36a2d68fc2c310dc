// The unit-cube codec and the per-parameter unit scale under it: known encodings, round trips, snap, keys.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../../src/core/random/index';
import { categoricalParam, createSearchSpace, floatParam, fromUnit, intParam, toUnit, unitCell } from '../../../../../src/core/tuning/index';

const space = createSearchSpace([
  floatParam('x', -2, 2),
  floatParam('lr', 1e-4, 1e2, { log: true }),
  floatParam('k', 0.5, 4, { step: 0.5 }),
  intParam('n', 2, 50),
  intParam('period', 5, 400, { log: true }),
  categoricalParam('mode', ['a', 'b', 'c']),
  categoricalParam('flag', [true, false]),
]);
const codec = space.codec;

function randomPoint(rng: Rng): Record<string, number | string | boolean> {
  return space.toExternal(space.params.map((p) => fromUnit(p, rng.nextFloat())));
}

describe('UnitCubeCodec', () => {
  it('has one coordinate per numeric parameter and one per choice', () => {
    expect(codec.dimension).toBe(5 + 3 + 2);
    expect(codec.offsets).toEqual([0, 1, 2, 3, 4, 5, 8]);
  });

  it('encodes log parameters in log space, grids at cell centres, categoricals one-hot', () => {
    const x = codec.encode({ x: 0, lr: 0.1, k: 0.5, n: 2, period: 5, mode: 'b', flag: false });
    expect(x[0]).toBe(0.5);
    expect(x[1]).toBeCloseTo(0.5, 14); // 0.1 is the geometric midpoint of [1e-4, 1e2]
    expect(x[2]).toBeCloseTo(0.5 / 8, 14); // 8 grid values 0.5, 1, ..., 4
    expect(x[3]).toBeCloseTo(0.5 / 49, 14);
    // A log int is padded by half a unit: 5 sits at log(5/4.5) / log(400.5/4.5).
    expect(x[4]).toBeCloseTo(Math.log(5 / 4.5) / Math.log(400.5 / 4.5), 14);
    expect(Array.from(x.subarray(5))).toEqual([0, 1, 0, 0, 1]);
  });

  it('round-trips every valid point exactly', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 500; i++) {
      const p = randomPoint(rng);
      const back = codec.decode(codec.encode(p));
      expect(back.k).toBe(p.k);
      expect(back.n).toBe(p.n);
      expect(back.period).toBe(p.period);
      expect(back.mode).toBe(p.mode);
      expect(back.flag).toBe(p.flag);
      expect(back.x as number).toBeCloseTo(p.x as number, 12);
      expect((back.lr as number) / (p.lr as number)).toBeCloseTo(1, 12);
    }
  });

  it('snaps any cube point to the nearest valid point, and snapping is idempotent', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 300; i++) {
      const raw = Float64Array.from({ length: codec.dimension }, () => rng.nextFloat() * 1.6 - 0.3);
      const snapped = codec.snap(raw);
      expect(Array.from(codec.snap(snapped))).toEqual(Array.from(snapped));
      expect(codec.decode(snapped)).toEqual(codec.decode(raw));
      for (const v of snapped) expect(v >= 0 && v <= 1).toBe(true);
      expect(snapped.subarray(5, 8).reduce((a, b) => a + b, 0)).toBe(1);
      expect(snapped.subarray(8).reduce((a, b) => a + b, 0)).toBe(1);
    }
  });

  it('rounds a relaxed int to the nearest value and picks a categorical by argmax', () => {
    const x = codec.encode({ x: 0, lr: 1, k: 1, n: 10, period: 20, mode: 'a', flag: true });
    x[3] += 0.4 / 49; // still inside n = 10's cell
    x[5] = 0.2;
    x[6] = 0.7;
    x[7] = 0.1;
    expect(codec.decode(x)).toMatchObject({ n: 10, mode: 'b' });
    x[3] += 0.2 / 49; // past the cell edge
    expect(codec.decode(x).n).toBe(11);
    expect(codec.decode(new Float64Array(codec.dimension).fill(-1))).toEqual({ x: -2, lr: 1e-4, k: 0.5, n: 2, period: 5, mode: 'a', flag: true });
    expect(codec.decode(new Float64Array(codec.dimension).fill(2))).toMatchObject({ x: 2, lr: 1e2, k: 4, n: 50, period: 400 });
  });

  it('keys the same point equally and different points differently', () => {
    const p = { x: 0.1 + 0.2, lr: 0.01, k: 1, n: 3, period: 9, mode: 'c', flag: true };
    expect(codec.key(p)).toBe(codec.key({ ...p, x: 0.3 }));
    expect(codec.key(p)).not.toBe(codec.key({ ...p, x: 0.3000001 }));
    expect(codec.key(p)).not.toBe(codec.key({ ...p, mode: 'b' }));
    expect(codec.keyOfCube(codec.encode(p))).toBe(codec.key(p));
  });

  it('rejects a cube point of the wrong length', () => {
    expect(() => codec.decode(new Float64Array(3))).toThrow('a cube point of this space has 10 coordinates, not 3');
  });
});

describe('unit scale of one parameter', () => {
  it('gives every grid value an equal cell of [0, 1]', () => {
    const n = intParam('n', 1, 4);
    expect([0, 0.2499, 0.25, 0.5, 0.75, 0.9999, 1].map((u) => fromUnit(n, u))).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(unitCell(n, 3)).toEqual([0.5, 0.75]);
    const k = floatParam('k', 0, 1, { step: 0.1 });
    expect(fromUnit(k, 0.3 / 1.1 + 0.01)).toBe(0.3);
    const mode = categoricalParam('mode', ['a', 'b', 'c']);
    expect([0, 0.34, 0.67, 1].map((u) => fromUnit(mode, u))).toEqual([0, 1, 2, 2]);
  });

  it('is log-uniform for log parameters: equal shares per decade', () => {
    const lr = floatParam('lr', 1e-4, 1e2, { log: true });
    expect(fromUnit(lr, 0)).toBe(1e-4);
    expect(fromUnit(lr, 1)).toBe(1e2);
    expect(fromUnit(lr, 0.5)).toBeCloseTo(0.1, 12);
    expect(toUnit(lr, 1e-3)).toBeCloseTo(1 / 6, 12);
    // A log int's value v gets the share log((v + 0.5)/(v − 0.5)) / log(400.5/4.5).
    const period = intParam('period', 5, 400, { log: true });
    const [a, b] = unitCell(period, 5)!;
    expect(b - a).toBeCloseTo(Math.log(5.5 / 4.5) / Math.log(400.5 / 4.5), 14);
    expect(fromUnit(period, (a + b) / 2)).toBe(5);
    expect(fromUnit(period, b + 1e-9)).toBe(6);
  });
});
