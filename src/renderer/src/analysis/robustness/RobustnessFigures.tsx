import type { ReactNode } from 'react';
import type { RobustnessReport } from '../../../../shared';
import { formatDecimal, formatInteger } from '../../format/formatNumber';
import { formatMetric } from '../../profile/formatMetric';
import { formatParams, formatProbability, formatSharpeAnnual, formatSharpePerBar } from './robustnessFormat';

/** The out-of-sample metric's label and unit (see MetricInfo), to read its values the way the rest of the app does. */
export interface MetricText {
  label: string;
  unit: string;
}

type Tone = 'positive' | 'negative' | 'warning' | undefined;

interface Figure {
  id: string;
  label: string;
  value: ReactNode;
  tone?: Tone;
  /** The numbers behind the value, on one line. */
  detail?: ReactNode;
  /** What it means, in a line; shown below, and with the full reference as the tooltip. */
  explain: string;
  /** The paper the number follows. */
  source?: Source;
}

function tooltip(f: Figure): string {
  return f.source ? `${f.explain}\n${f.source.full}${f.source.where ? `, ${f.source.where}` : ''}.` : f.explain;
}

interface Source {
  short: string;
  full: string;
  where?: string;
}

const PSR_PAPER: Source = { short: 'Bailey & López de Prado 2012', full: 'Bailey & López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012' };
const DSR_PAPER: Source = { short: 'Bailey & López de Prado 2014', full: 'Bailey & López de Prado, "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5), 2014' };
const PBO_PAPER: Source = {
  short: 'Bailey, Borwein, López de Prado & Zhu 2017',
  full: 'Bailey, Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4), 2017',
};

/** Probabilities that a result is genuine: green from 0.95 (the usual confidence), red below one half. */
function confidenceTone(p: number): Tone {
  if (!Number.isFinite(p)) return undefined;
  return p >= 0.95 ? 'positive' : p < 0.5 ? 'negative' : 'warning';
}

function figures(report: RobustnessReport, onOpenTrial: (() => void) | null, metric: MetricText): Figure[] {
  const { sharpe, psr, dsr, minTrackRecord: mtrl, pbo, outOfSample } = report;
  const annual = Math.sqrt(sharpe.periodsPerYear);
  const out: Figure[] = [
    {
      id: 'trial',
      label: 'Chosen trial',
      value: (
        <span className="robustness-trial">
          Trial {report.trial.number}
          {onOpenTrial ? (
            <button type="button" className="link-button" onClick={onOpenTrial} data-testid="robustness-open-trial">
              open its profile
            </button>
          ) : null}
        </span>
      ),
      detail: <code className="robustness-params">{formatParams(report.trial.params)}</code>,
      explain: 'The configuration judged: the best by the first objective, unless you pick another above.',
    },
    {
      id: 'sharpe',
      label: 'Sharpe ratio (annualised)',
      value: formatSharpeAnnual(sharpe.annualised),
      tone: sharpe.annualised > 0 ? 'positive' : sharpe.annualised < 0 ? 'negative' : undefined,
      detail: `${formatSharpePerBar(sharpe.perPeriod)} per bar × √${formatInteger(sharpe.periodsPerYear)} bars/yr · ${formatInteger(sharpe.observations)} in-sample bars · skew ${formatDecimal(sharpe.skewness, 2)}, kurtosis ${formatDecimal(sharpe.kurtosis, 2)}`,
      explain: 'Mean ÷ standard deviation of the in-sample bar returns, × √(bars per year). Kurtosis is raw: 3 is normal.',
    },
    {
      id: 'psr',
      label: 'PSR',
      value: formatProbability(psr.value),
      tone: confidenceTone(psr.value),
      detail: psr.benchmark === 0 ? 'P(true Sharpe > 0)' : `P(true Sharpe > ${formatSharpePerBar(psr.benchmark)} per bar)`,
      explain: 'Probabilistic Sharpe Ratio: the probability that the true Sharpe beats the benchmark, given track length, skew and kurtosis.',
      source: PSR_PAPER,
    },
    {
      id: 'dsr',
      label: 'DSR',
      value: formatProbability(dsr.value),
      tone: confidenceTone(dsr.value),
      detail: `N = ${formatInteger(dsr.trials)} trial${dsr.trials === 1 ? '' : 's'}, effective N = ${formatDecimal(dsr.effectiveTrials, 1)}${dsr.averageCorrelation === null ? '' : ` (average correlation ${formatDecimal(dsr.averageCorrelation, 2)})`}`,
      explain: 'Deflated Sharpe Ratio: the PSR against SR0, what the best of N unskilled trials reaches by luck. Significant from 0.95.',
      source: DSR_PAPER,
    },
    {
      id: 'sr0',
      label: 'SR0, expected max Sharpe',
      value: `${formatSharpePerBar(dsr.expectedMaxSharpe)}`,
      detail: `per bar (${formatSharpeAnnual(dsr.expectedMaxSharpe * annual)} annualised) · variance of the trials' Sharpe ${dsr.sharpeVariance === 0 ? '0' : dsr.sharpeVariance.toExponential(2)}`,
      explain: 'The Sharpe the best of effective-N trials without skill would show by chance (False Strategy theorem): the bar to clear.',
      source: DSR_PAPER,
    },
    {
      id: 'mintrl',
      label: `MinTRL (${formatDecimal(mtrl.confidence * 100, 0)}%)`,
      value: mtrl.observations === null ? 'never' : `${formatInteger(Math.ceil(mtrl.observations))} bars`,
      tone: mtrl.observations === null || mtrl.observations > sharpe.observations ? 'negative' : 'positive',
      detail:
        mtrl.observations === null
          ? `the Sharpe is not above 0; ${formatInteger(sharpe.observations)} bars available`
          : `${mtrl.years === null ? '—' : formatDecimal(mtrl.years, 1)} years needed vs ${formatInteger(sharpe.observations)} bars (${formatDecimal(sharpe.observations / sharpe.periodsPerYear, 1)} years) available`,
      explain: 'Minimum Track Record Length: bars needed before the Sharpe beats 0 at this confidence, given skew and kurtosis.',
      source: { ...PSR_PAPER, where: 'eq. 11' },
    },
  ];
  if (pbo) {
    out.push(
      {
        id: 'pbo',
        label: 'PBO',
        value: formatProbability(pbo.value),
        tone: pbo.value > 0.5 ? 'negative' : pbo.value > 0.2 ? 'warning' : 'positive',
        detail: `S = ${pbo.partitions} blocks, ${formatInteger(pbo.combinations)} combinations, ${formatInteger(pbo.trials)} trials`,
        explain: 'Probability of Backtest Overfitting (CSCV): the share of half/half splits where the in-sample best ranks at or below the out-of-sample median.',
        source: PBO_PAPER,
      },
      {
        id: 'oos-loss',
        label: 'P(out-of-sample loss)',
        value: formatProbability(pbo.probOosLoss),
        tone: pbo.probOosLoss > 0.5 ? 'negative' : pbo.probOosLoss > 0.2 ? 'warning' : 'positive',
        detail: 'share of splits where the in-sample best has a negative Sharpe out of sample',
        explain: 'How often picking the in-sample best would have lost money on the other half.',
        source: { ...PBO_PAPER, where: '§2.5' },
      },
      {
        id: 'degradation',
        label: 'Degradation slope',
        value: formatDecimal(pbo.degradation.slope, 3),
        tone: pbo.degradation.slope <= 0 ? 'negative' : undefined,
        detail: `OOS = ${formatDecimal(pbo.degradation.intercept, 4)} ${pbo.degradation.slope < 0 ? '−' : '+'} ${formatDecimal(Math.abs(pbo.degradation.slope), 3)} × IS Sharpe, per bar`,
        explain: 'Least-squares slope of out-of-sample on in-sample Sharpe across the splits; at 0 or below, in-sample gains do not carry over.',
        source: { ...PBO_PAPER, where: '§2.5' },
      },
    );
  }
  if (outOfSample) {
    const { chosen } = outOfSample;
    out.push({
      id: 'held-out',
      label: 'Held-out rank correlation',
      value: outOfSample.rankCorrelation === null ? '—' : formatDecimal(outOfSample.rankCorrelation, 2),
      tone: outOfSample.rankCorrelation === null ? undefined : outOfSample.rankCorrelation <= 0 ? 'negative' : undefined,
      detail: `chosen trial's ${metric.label}: ${formatMetric(chosen.inSample, metric.unit)} in sample, ${formatMetric(chosen.outOfSample, metric.unit)} held out`,
      explain: "Spearman rank correlation of every trial's objective in sample and on the held-out bars; near 0 or below, the ranking is noise.",
    });
  }
  return out;
}

/** The numbers behind the verdict, each with what it means and the paper it follows. */
export function RobustnessFigures({ report, onOpenTrial, metric }: { report: RobustnessReport; onOpenTrial: (() => void) | null; metric: MetricText }) {
  return (
    <dl className="robustness-figures" data-testid="robustness-figures">
      {figures(report, onOpenTrial, metric).map((f) => (
        <div key={f.id} className="key-figure robustness-figure" title={tooltip(f)} data-testid={`robustness-figure-${f.id}`}>
          <dt>{f.label}</dt>
          <dd className={f.tone}>{f.value}</dd>
          {f.detail ? <dd className="robustness-figure-detail">{f.detail}</dd> : null}
          <dd className="robustness-figure-explain">
            {f.explain}
            {f.source ? <cite> {f.source.short}{f.source.where ? `, ${f.source.where}` : ''}.</cite> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
