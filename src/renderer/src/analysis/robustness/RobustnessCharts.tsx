import { useMemo, type ReactNode } from 'react';
import type { RobustnessReport } from '../../../../shared';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { formatDecimal, formatInteger } from '../../format/formatNumber';
import { formatPercent } from '../../format/formatPercent';
import { bootstrapFigure } from './bootstrapFigure';
import { degradationFigure } from './degradationFigure';
import { outOfSampleFigure } from './outOfSampleFigure';
import { pboFigure } from './pboFigure';
import { reshuffleFigure } from './reshuffleFigure';
import { shareDeeper, shareDeeperText } from './reshuffleShare';
import type { MetricText } from './RobustnessFigures';
import { formatSharpeAnnual } from './robustnessFormat';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ChartPanelProps {
  id: string;
  title: string;
  caption: ReactNode;
  children: ReactNode;
}

function ChartPanel({ id, title, caption, children }: ChartPanelProps) {
  return (
    <section className="panel robustness-chart" aria-labelledby={`${id}-title`} data-testid={`${id}-panel`}>
      <div className="panel-header">
        <h2 id={`${id}-title`} className="panel-title">
          {title}
        </h2>
      </div>
      <p className="robustness-caption">{caption}</p>
      {children}
    </section>
  );
}

/** Every chart behind the verdict; a part the report could not compute is named in `missing`, never drawn empty. */
export function RobustnessCharts({ report, metric }: { report: RobustnessReport; metric: MetricText }) {
  const { pbo, bootstrap, drawdownReshuffle: reshuffle, outOfSample } = report;
  const pboFig = useMemo(() => (pbo ? pboFigure(pbo) : null), [pbo]);
  const degradationFig = useMemo(() => (pbo ? degradationFigure(pbo) : null), [pbo]);
  const oosFig = useMemo(
    () => (outOfSample ? outOfSampleFigure(outOfSample, report.trial.number, { label: metric.label, unit: metric.unit }) : null),
    [outOfSample, report.trial.number, metric.label, metric.unit],
  );
  const bootstrapFig = useMemo(() => (bootstrap ? bootstrapFigure(bootstrap, report.sharpe.annualised) : null), [bootstrap, report.sharpe.annualised]);
  const reshuffleFig = useMemo(() => (reshuffle ? reshuffleFigure(reshuffle) : null), [reshuffle]);

  const missing: string[] = [];
  if (!pboFig) missing.push('the PBO logit histogram');
  if (!degradationFig) missing.push('the degradation scatter');
  if (!oosFig) missing.push('in sample against held out');
  if (!bootstrapFig) missing.push('the bootstrap intervals');
  if (!reshuffleFig) missing.push('the reshuffled drawdowns');
  const deeper = reshuffle ? shareDeeper(reshuffle) : null;

  return (
    <>
      {pbo && pboFig && degradationFig ? (
        <div className="robustness-pair">
          <ChartPanel
            id="pbo-histogram"
            title="PBO: where the in-sample best lands out of sample"
            caption={
              <>
                For each of the {formatInteger(pbo.combinations)} ways to pick {pbo.partitions / 2} of the {pbo.partitions} blocks as in sample, λ is the logit of the
                in-sample best&apos;s rank among {formatInteger(pbo.trials)} trials on the other half. Left of 0 (shaded) it ranked at or below the median: PBO{' '}
                {formatDecimal(pbo.value, 2)} is that share.
              </>
            }
          >
            <PlotlyChart data={pboFig.data} layout={pboFig.layout} className="robustness-plot" ariaLabel="Histogram of the CSCV logits with the 0 line" testId="pbo-histogram" />
          </ChartPanel>
          <ChartPanel
            id="degradation"
            title="Performance degradation"
            caption={
              <>
                The in-sample best of each split: its Sharpe on the in-sample half against the other half, with the least-squares line (slope{' '}
                {formatDecimal(pbo.degradation.slope, 3)}). Points in the shaded band lost money out of sample: {formatPercent(pbo.probOosLoss, 1)} of splits.
                {degradationFig.stride > 1 ? ` 1 in ${degradationFig.stride} of the ${formatInteger(pbo.points.length)} splits is drawn; the line and the share use all.` : ''}
              </>
            }
          >
            <PlotlyChart data={degradationFig.data} layout={degradationFig.layout} className="robustness-plot" ariaLabel="In-sample against out-of-sample Sharpe of the in-sample best, per split" testId="degradation-chart" />
          </ChartPanel>
        </div>
      ) : null}

      {outOfSample && oosFig ? (
        <ChartPanel
          id="held-out"
          title="In sample against held out, every trial"
          caption={
            <>
              Each complete trial&apos;s {metric.label} on the in-sample bars the tuner scored it on, against the held-out bars it never saw. The star is trial{' '}
              {report.trial.number}. Spearman rank correlation {outOfSample.rankCorrelation === null ? 'not available' : formatDecimal(outOfSample.rankCorrelation, 2)}: near 0 or
              below, picking by in-sample rank is picking at random.
            </>
          }
        >
          <PlotlyChart data={oosFig.data} layout={oosFig.layout} className="robustness-plot robustness-plot-tall" ariaLabel="In-sample against out-of-sample objective of every trial" testId="held-out-chart" />
        </ChartPanel>
      ) : null}

      {(bootstrap && bootstrapFig) || (reshuffle && reshuffleFig) ? (
        <div className="robustness-pair">
          {bootstrap && bootstrapFig ? (
            <ChartPanel
              id="bootstrap"
              title="Bootstrap intervals"
              caption={
                <>
                  {formatInteger(bootstrap.samples)} stationary block bootstrap resamples of trial {report.trial.number}&apos;s in-sample returns (mean block{' '}
                  {formatDecimal(bootstrap.meanBlock, 1)} bars, Politis &amp; Romano 1994). {formatDecimal(bootstrap.sharpeAnnualised.level * 100, 0)}% intervals: Sharpe{' '}
                  {formatSharpeAnnual(bootstrap.sharpeAnnualised.low)} to {formatSharpeAnnual(bootstrap.sharpeAnnualised.high)}, CAGR {formatPercent(bootstrap.cagr.low, 1)} to{' '}
                  {formatPercent(bootstrap.cagr.high, 1)}.
                </>
              }
            >
              <PlotlyChart data={bootstrapFig.data} layout={bootstrapFig.layout} className="robustness-plot" ariaLabel="Bootstrap intervals of the annualised Sharpe and the CAGR" testId="bootstrap-chart" />
            </ChartPanel>
          ) : null}
          {reshuffle && reshuffleFig ? (
            <ChartPanel
              id="reshuffle"
              title="Maximum drawdown, trades reshuffled"
              caption={
                <>
                  The same {formatInteger(reshuffle.trades)} trades in {formatInteger(reshuffle.samples)} random orders: the drawdown the order that happened produced
                  (dashed) against what the same trades could have done.{' '}
                  {deeper === null ? '' : `${capitalise(shareDeeperText(deeper))} of orders draw down deeper than ${formatPercent(reshuffle.observed, 1)}.`}
                </>
              }
            >
              <PlotlyChart data={reshuffleFig.data} layout={reshuffleFig.layout} className="robustness-plot" ariaLabel="Quantiles of the maximum drawdown over reshuffled trade orders, with the observed one" testId="reshuffle-chart" />
            </ChartPanel>
          ) : null}
        </div>
      ) : null}

      {missing.length > 0 ? (
        <p className="muted robustness-missing" data-testid="robustness-missing">
          Not drawn, for the reasons in the notes: {missing.join(', ')}.
        </p>
      ) : null}
    </>
  );
}
