// The plain-words verdict: every branch, with the numbers in the sentences.
import { describe, expect, it } from 'vitest';
import { robustnessVerdict, type RobustnessVerdictInput } from '../../../../src/core/analysis';

const good: RobustnessVerdictInput = {
  pbo: 0.08,
  probOosLoss: 0.1,
  dsr: 0.97,
  psr: 0.999,
  trials: 200,
  effectiveTrials: 43.2,
  oosRankCorrelation: 0.45,
  outOfSampleChange: -0.2,
  walkForwardEfficiency: 0.7,
};

describe('robustnessVerdict', () => {
  it('is trustworthy when every check passes, and says so with the numbers', () => {
    const v = robustnessVerdict(good);
    expect(v.level).toBe('trustworthy');
    expect(v.headline).toBe('PBO 0.08: the best in-sample configuration usually stays above the median out of sample; no sign of overfitting in these checks.');
    expect(v.reasons).toContain('DSR 0.97: the Sharpe ratio stays significant at 95% after 200 trials (≈ 43 independent).');
    expect(v.reasons).toContain('Out of sample the chosen configuration\'s objective falls by 20%.');
    expect(v.reasons).toContain('Walk-forward efficiency 0.70: out of sample it keeps most of its in-sample performance.');
  });

  it('is overfit when PBO > 0.5, headline first', () => {
    const v = robustnessVerdict({ ...good, pbo: 0.62 });
    expect(v.level).toBe('overfit');
    expect(v.headline).toBe('PBO 0.62: the best in-sample configuration usually ranks below the median out of sample; do not trust this result.');
  });

  it('is caution for 0.2 < PBO <= 0.5', () => {
    expect(robustnessVerdict({ ...good, pbo: 0.35 }).level).toBe('caution');
    expect(robustnessVerdict({ ...good, pbo: 0.5 }).level).toBe('caution');
    expect(robustnessVerdict({ ...good, pbo: 0.2 }).level).toBe('trustworthy');
  });

  it('is overfit when DSR < 0.5 and caution when 0.5 <= DSR < 0.95', () => {
    const low = robustnessVerdict({ ...good, dsr: 0.3 });
    expect(low.level).toBe('overfit');
    expect(low.headline).toMatch(/^DSR 0\.30: after 200 trials \(≈ 43 independent\), this Sharpe ratio is no better than .*; do not trust this result\.$/);
    const mid = robustnessVerdict({ ...good, dsr: 0.9 });
    expect(mid.level).toBe('caution');
    expect(mid.headline).toBe('DSR 0.90: after 200 trials (≈ 43 independent), the Sharpe ratio is not significant at 95%; treat this result with caution.');
    expect(robustnessVerdict({ ...good, dsr: 0.95 }).level).toBe('trustworthy');
  });

  it('omits "independent" when the trials are not corrected', () => {
    expect(robustnessVerdict({ ...good, effectiveTrials: 200 }).reasons).toContain('DSR 0.97: the Sharpe ratio stays significant at 95% after 200 trials.');
  });

  it('is caution when PSR < 0.95, P(OOS loss) > 0.5 or the rank correlation is <= 0', () => {
    expect(robustnessVerdict({ ...good, psr: 0.9 }).headline).toMatch(/^PSR 0\.90: /);
    expect(robustnessVerdict({ ...good, probOosLoss: 0.6 }).level).toBe('caution');
    expect(robustnessVerdict({ ...good, probOosLoss: 0.6 }).headline).toMatch(/^Probability of an out-of-sample loss 0\.60/);
    expect(robustnessVerdict({ ...good, oosRankCorrelation: -0.1 }).level).toBe('caution');
    expect(robustnessVerdict({ ...good, oosRankCorrelation: 0 }).headline).toMatch(/^Rank correlation 0\.00/);
  });

  it('grades the out-of-sample change: <= −100% overfit, <= −50% caution', () => {
    expect(robustnessVerdict({ ...good, outOfSampleChange: -1.3 }).level).toBe('overfit');
    expect(robustnessVerdict({ ...good, outOfSampleChange: -1.3 }).headline).toBe(
      'Out of sample the chosen configuration\'s objective falls by 130%: its edge vanishes on data the tuner never saw; do not trust this result.',
    );
    expect(robustnessVerdict({ ...good, outOfSampleChange: -0.6 }).level).toBe('caution');
    expect(robustnessVerdict({ ...good, outOfSampleChange: 0.1 }).reasons).toContain('Out of sample the chosen configuration\'s objective changes by +10%.');
  });

  it('grades walk-forward efficiency: < 0 overfit, < 0.5 caution', () => {
    expect(robustnessVerdict({ ...good, walkForwardEfficiency: -0.2 }).level).toBe('overfit');
    expect(robustnessVerdict({ ...good, walkForwardEfficiency: 0.3 }).level).toBe('caution');
  });

  it('is caution when nothing was tested out of sample', () => {
    const v = robustnessVerdict({ ...good, pbo: null, probOosLoss: null, oosRankCorrelation: null, outOfSampleChange: null, walkForwardEfficiency: null });
    expect(v.level).toBe('caution');
    expect(v.headline).toBe('Nothing was tested out of sample, so overfitting to the in-sample data cannot be ruled out; treat this result with caution.');
  });

  it('is insufficient with too few trials or undefined Sharpe statistics', () => {
    expect(robustnessVerdict({ ...good, trials: 6, effectiveTrials: 6 })).toEqual({
      level: 'insufficient',
      headline: 'Only 6 trials: too few to judge overfitting; run at least 10.',
      reasons: ['Only 6 trials: too few to judge overfitting; run at least 10.'],
    });
    expect(robustnessVerdict({ ...good, dsr: NaN }).level).toBe('insufficient');
    expect(robustnessVerdict({ ...good, psr: NaN }).level).toBe('insufficient');
  });

  it('lists overfit reasons before caution ones, and every reason carries its number', () => {
    const v = robustnessVerdict({ ...good, pbo: 0.7, dsr: 0.8, walkForwardEfficiency: 0.3 });
    expect(v.reasons[0]).toMatch(/^PBO 0\.70/);
    expect(v.reasons.slice(1, 3).map((r) => r.slice(0, 3))).toEqual(['DSR', 'Wal']);
    for (const r of v.reasons) expect(r).toMatch(/\d/);
  });
});
