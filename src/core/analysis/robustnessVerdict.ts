// The plain-words verdict on a tuned result, from the overfitting statistics. Each check gives a level and one
// sentence with its number; the verdict is the worst level, its headline the first sentence at that level.
//
// Thresholds and why:
//   trials < 10, or DSR/PSR not finite  → insufficient: the statistics below are too noisy (or undefined) to judge.
//   PBO > 0.5          → overfit: the configuration best in sample ranks below the median out of sample in most
//                        CSCV splits (Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest
//                        Overfitting", J. Computational Finance 20(4), 2017: PBO is that probability).
//   0.2 < PBO <= 0.5   → caution: a sizeable minority of splits already shows the selection failing (our margin).
//   DSR < 0.5          → overfit: the Sharpe ratio is below SR0, the best that many unskilled trials would show by
//                        luck; more likely than not there is no skill (Bailey & López de Prado, "The Deflated Sharpe
//                        Ratio", J. Portfolio Management 40(5), 2014).
//   0.5 <= DSR < 0.95  → caution: not significant at the paper's 95% level once the number of trials is counted.
//   PSR < 0.95         → caution: not significant against a zero Sharpe even before counting trials (Bailey &
//                        López de Prado, "The Sharpe Ratio Efficient Frontier", J. Risk 15(2), 2012).
//   P(OOS loss) > 0.5  → caution: the in-sample best loses money out of sample in most CSCV splits (Bailey et al. 2017).
//   OOS rank corr. <= 0→ caution: ranking the trials in sample says nothing (or the opposite) about out of sample.
//   OOS change <= −1   → overfit: the chosen configuration's edge vanishes or reverses on the held-out data;
//   −1 < change <= −0.5→ caution: it loses half of it or more.
//   WFE < 0            → overfit: walk-forward out-of-sample performance has the opposite sign of in-sample;
//   0 <= WFE < 0.5     → caution: Pardo ("The Evaluation and Optimization of Trading Strategies", 2nd ed., 2008)
//                        treats a walk-forward efficiency below 50–60% as a sign of overfitting.
//   no out-of-sample measure at all → caution: nothing was checked on data the tuner did not see.

export type VerdictLevel = 'trustworthy' | 'caution' | 'overfit' | 'insufficient';

export interface RobustnessVerdictInput {
  /** Probability of Backtest Overfitting by CSCV, or null when not computed. */
  readonly pbo: number | null;
  /** Share of CSCV splits where the in-sample best loses out of sample, or null. */
  readonly probOosLoss: number | null;
  readonly dsr: number;
  readonly psr: number;
  /** Trials counted for the DSR. */
  readonly trials: number;
  /** Implied independent trials (effectiveTrials). */
  readonly effectiveTrials: number;
  /** Spearman rank correlation of the trials' in- and out-of-sample objective, or null. */
  readonly oosRankCorrelation: number | null;
  /** Relative change of the chosen trial's objective from in to out of sample, signed so a loss is negative (−0.4 = 40% worse), or null. */
  readonly outOfSampleChange: number | null;
  /** Walk-forward efficiency (out-of-sample over in-sample performance, annualised), or null. */
  readonly walkForwardEfficiency: number | null;
}

export interface RobustnessVerdict {
  readonly level: VerdictLevel;
  readonly headline: string;
  readonly reasons: string[];
}

export const MIN_VERDICT_TRIALS = 10;

type Severity = 0 | 1 | 2; // fine, caution, overfit
interface Finding {
  readonly severity: Severity;
  readonly text: string;
}

const p2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function robustnessVerdict(input: RobustnessVerdictInput): RobustnessVerdict {
  const { pbo, probOosLoss, dsr, psr, trials, effectiveTrials, oosRankCorrelation: rank, outOfSampleChange: change, walkForwardEfficiency: wfe } = input;
  if (!Number.isFinite(trials) || trials < MIN_VERDICT_TRIALS) {
    const text = `Only ${count(trials)} trial${trials === 1 ? '' : 's'}: too few to judge overfitting; run at least ${MIN_VERDICT_TRIALS}.`;
    return { level: 'insufficient', headline: text, reasons: [text] };
  }
  if (!Number.isFinite(dsr) || !Number.isFinite(psr)) {
    const text = 'The Sharpe ratio statistics are undefined (the returns have no variance or inconsistent moments), so significance cannot be judged.';
    return { level: 'insufficient', headline: text, reasons: [text] };
  }
  const independent = effectiveTrials < trials ? ` (≈ ${Math.round(effectiveTrials)} independent)` : '';
  const findings: Finding[] = [];
  if (pbo !== null) {
    if (pbo > 0.5) findings.push({ severity: 2, text: `PBO ${p2(pbo)}: the best in-sample configuration usually ranks below the median out of sample.` });
    else if (pbo > 0.2) findings.push({ severity: 1, text: `PBO ${p2(pbo)}: in a sizeable share of splits the best in-sample configuration ranks below the median out of sample.` });
    else findings.push({ severity: 0, text: `PBO ${p2(pbo)}: the best in-sample configuration usually stays above the median out of sample.` });
  }
  if (dsr < 0.5) findings.push({ severity: 2, text: `DSR ${p2(dsr)}: after ${count(trials)} trials${independent}, this Sharpe ratio is no better than the best of that many strategies without skill would show by luck.` });
  else if (dsr < 0.95) findings.push({ severity: 1, text: `DSR ${p2(dsr)}: after ${count(trials)} trials${independent}, the Sharpe ratio is not significant at 95%.` });
  else findings.push({ severity: 0, text: `DSR ${p2(dsr)}: the Sharpe ratio stays significant at 95% after ${count(trials)} trials${independent}.` });
  if (psr < 0.95) findings.push({ severity: 1, text: `PSR ${p2(psr)}: the Sharpe ratio is not significantly above zero even before counting the trials.` });
  if (probOosLoss !== null && probOosLoss > 0.5) findings.push({ severity: 1, text: `Probability of an out-of-sample loss ${p2(probOosLoss)}: the best in-sample configuration loses money out of sample in most splits.` });
  if (rank !== null) {
    if (rank <= 0) findings.push({ severity: 1, text: `Rank correlation ${p2(rank)} between in- and out-of-sample results: how a trial ranks in sample says nothing about how it does out of sample.` });
    else findings.push({ severity: 0, text: `Rank correlation ${p2(rank)} between in- and out-of-sample results: good trials in sample tend to stay good.` });
  }
  if (change !== null) {
    if (change <= -1) findings.push({ severity: 2, text: `Out of sample the chosen configuration's objective falls by ${pct(change)}: its edge vanishes on data the tuner never saw.` });
    else if (change <= -0.5) findings.push({ severity: 1, text: `Out of sample the chosen configuration's objective falls by ${pct(change)}.` });
    else findings.push({ severity: 0, text: `Out of sample the chosen configuration's objective ${change < 0 ? `falls by ${pct(change)}` : `changes by +${pct(change)}`}.` });
  }
  if (wfe !== null) {
    if (wfe < 0) findings.push({ severity: 2, text: `Walk-forward efficiency ${p2(wfe)}: re-tuned on each window, the strategy does the opposite out of sample.` });
    else if (wfe < 0.5) findings.push({ severity: 1, text: `Walk-forward efficiency ${p2(wfe)}: out of sample it keeps less than half of its in-sample performance.` });
    else findings.push({ severity: 0, text: `Walk-forward efficiency ${p2(wfe)}: out of sample it keeps most of its in-sample performance.` });
  }
  if (pbo === null && probOosLoss === null && rank === null && change === null && wfe === null) {
    findings.push({ severity: 1, text: 'Nothing was tested out of sample, so overfitting to the in-sample data cannot be ruled out.' });
  }
  const worst = findings.reduce<Severity>((m, f) => (f.severity > m ? f.severity : m), 0);
  // Most severe first, in the order above within a level.
  const reasons = [...findings].sort((a, b) => b.severity - a.severity).map((f) => f.text);
  const first = reasons[0];
  if (worst === 2) return { level: 'overfit', headline: `${first.slice(0, -1)}; do not trust this result.`, reasons };
  if (worst === 1) return { level: 'caution', headline: `${first.slice(0, -1)}; treat this result with caution.`, reasons };
  return { level: 'trustworthy', headline: `${first.slice(0, -1)}; no sign of overfitting in these checks.`, reasons };
}
