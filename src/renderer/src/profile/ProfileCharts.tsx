import { useMemo } from 'react';
import type { BacktestReport } from '../../../shared';
import { formatInteger } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';
import { ChartPanel } from './ChartPanel';
import { EquityPanel } from './EquityPanel';
import { drawdownFigure } from './figures/drawdownFigure';
import { histogramFigure } from './figures/histogramFigure';
import { HEATMAP_ROW_HEIGHT, monthlyFigure } from './figures/monthlyFigure';
import { rollingSharpeFigure } from './figures/rollingSharpeFigure';
import { MAX_TRADE_MARKERS, tradeFigure } from './figures/tradeFigure';

interface ChartsProps {
  report: BacktestReport;
  /** Keeps each chart's zoom while re-runs on the same dataset replace its data (plotly's uirevision). */
  revision: string;
}

/** The equity curve against buy-and-hold and the underwater chart below it. */
export function CurveCharts({ report, revision }: ChartsProps) {
  const { curve } = report.profile;
  const drawdown = useMemo(() => drawdownFigure(curve, revision), [curve, revision]);
  return (
    <>
      <EquityPanel curve={curve} revision={revision} />
      <ChartPanel title="Drawdown" ariaLabel="Underwater chart: drawdown from the running peak" testId="drawdown-chart" height={180} figure={drawdown} />
    </>
  );
}

/** Monthly returns, the return distribution, rolling Sharpe and the trades on the price. */
export function DetailCharts({ report, revision }: ChartsProps) {
  const { profile, trades } = report;
  const monthly = useMemo(() => monthlyFigure(profile.monthly), [profile.monthly]);
  const histogram = useMemo(() => histogramFigure(profile.distribution), [profile.distribution]);
  const rolling = useMemo(() => rollingSharpeFigure(profile.rollingSharpe, revision), [profile.rollingSharpe, revision]);
  const tradeChart = useMemo(() => tradeFigure(profile.price, trades, revision), [profile.price, trades, revision]);
  const d = profile.distribution;

  return (
    <>
      <ChartPanel
        title="Monthly returns"
        ariaLabel="Heatmap of monthly returns by year and month"
        testId="monthly-heatmap"
        height={Math.max(120, 40 + monthly.years * HEATMAP_ROW_HEIGHT)}
        figure={monthly}
      />
      <div className="profile-pair">
        <ChartPanel
          title="Return distribution"
          ariaLabel="Histogram of bar returns with a normal curve"
          testId="returns-histogram"
          height={240}
          figure={histogram}
          footer={
            <p className="chart-hint muted">
              {formatInteger(d.count)} bar returns · mean {formatPercent(d.mean, 3)} · std {formatPercent(d.std, 3)}
            </p>
          }
        />
        <ChartPanel
          title={`Rolling Sharpe ratio (${formatInteger(profile.rollingSharpe.window)} bars)`}
          ariaLabel="Rolling annualised Sharpe ratio"
          testId="rolling-sharpe-chart"
          height={240}
          figure={rolling}
          footer={<p className="chart-hint muted">Annualised; gaps where the window has no volatility (flat) or is not yet full.</p>}
        />
      </div>
      <ChartPanel
        title="Trades on the price"
        ariaLabel="Price chart with trade entries and exits"
        testId="trade-chart"
        height={380}
        figure={tradeChart}
        actions={
          <>
            {!tradeChart.markersShown && trades.entryTime.length > MAX_TRADE_MARKERS ? (
              <span className="chart-decimation">{formatInteger(trades.entryTime.length)} trades: too many to mark here; see the trade list</span>
            ) : null}
            {profile.price.decimated ? (
              <span className="chart-decimation">
                {formatInteger(profile.price.bars)} bars shown as {formatInteger(profile.price.time.length)} {profile.price.kind === 'ohlc' ? 'candles' : 'points'}
              </span>
            ) : null}
          </>
        }
      />
    </>
  );
}
