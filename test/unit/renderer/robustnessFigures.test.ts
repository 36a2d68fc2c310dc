// The Robustness tab's pure figure code: the PBO histogram's bins (0 an edge, the overfit side holding exactly the
// λ <= 0 combinations), the reshuffled-drawdown reading, and the CSCV split count shown in the options.
import { describe, expect, it } from 'vitest';
import { binLogits } from '../../../src/renderer/src/analysis/robustness/logitHistogram';
import { shareDeeper, shareDeeperText } from '../../../src/renderer/src/analysis/robustness/reshuffleShare';
import { cscvCombinations } from '../../../src/renderer/src/analysis/robustness/robustnessFormat';

function seeded(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push((s / 2 ** 32) * 7 - 3.2);
  }
  return out;
}

describe('binLogits', () => {
  it('puts 0 on an edge and counts λ <= 0 on the overfit side only', () => {
    const logits = [...seeded(997, 5), 0, 0, -0.0, 1e-12, -1e-12];
    const bins = binLogits(logits);
    expect(bins.edges.some((e) => Math.abs(e) < 1e-12)).toBe(true);
    const overfit = bins.overfit.reduce((a, b) => a + b, 0);
    const sound = bins.sound.reduce((a, b) => a + b, 0);
    expect(overfit).toBe(logits.filter((v) => v <= 0).length);
    expect(sound).toBe(logits.filter((v) => v > 0).length);
    for (let k = 0; k < bins.overfit.length; k++) {
      if (bins.overfit[k] > 0) expect(bins.edges[k + 1]).toBeLessThanOrEqual(1e-12);
      if (bins.sound[k] > 0) expect(bins.edges[k]).toBeGreaterThanOrEqual(-1e-12);
    }
    // Every value lies in its right-closed bin (a, b].
    expect(bins.edges[0]).toBeLessThan(Math.min(...logits));
    expect(bins.edges[bins.edges.length - 1]).toBeGreaterThanOrEqual(Math.max(...logits));
  });

  it('counts non-finite logits apart and returns no bins when none is finite', () => {
    expect(binLogits([Infinity, -Infinity, NaN])).toMatchObject({ edges: [], finite: 0, nonFinite: 3 });
    const one = binLogits([0.4, Infinity]);
    expect(one.finite).toBe(1);
    expect(one.nonFinite).toBe(1);
    expect(one.sound.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('shareDeeper', () => {
  const quantiles = [0.05, 0.25, 0.5, 0.75, 0.95].map((level, i) => ({ level, value: [0.08, 0.11, 0.14, 0.18, 0.27][i] }));
  const at = (observed: number, q = quantiles) => shareDeeper({ samples: 1000, trades: 20, observed, quantiles: q })!;
  it('reads magnitudes (higher is deeper) off the quantile curve by interpolation', () => {
    expect(at(0.14)).toEqual({ share: 0.5, bound: 'about' });
    expect(at(0.16).share).toBeCloseTo(1 - 0.625, 12);
    expect(at(0.08)).toEqual({ share: 0.95, bound: 'about' });
  });
  it('gives only a bound beyond the outermost quantiles', () => {
    expect(at(0.5).bound).toBe('at most');
    expect(at(0.5).share).toBeCloseTo(0.05, 12);
    expect(shareDeeperText(at(0.5))).toBe('at most 5%');
    expect(shareDeeperText(at(0.01))).toBe('at least 95%');
    expect(shareDeeperText(at(0.14))).toBe('about 50%');
  });
  it('reads negative drawdowns (lower is deeper) the other way round', () => {
    const negative = quantiles.map((q) => ({ level: 1 - q.level, value: -q.value }));
    expect(at(-0.16, negative).share).toBeCloseTo(1 - 0.625, 12);
    expect(shareDeeperText(at(-0.5, negative))).toBe('at most 5%');
    expect(shareDeeperText(at(-0.01, negative))).toBe('at least 95%');
  });
});

describe('cscvCombinations', () => {
  it('is C(S, S/2)', () => {
    expect([4, 8, 16, 20].map(cscvCombinations)).toEqual([6, 70, 12_870, 184_756]);
  });
});
