import type { BacktestReport } from '../../../shared';
import { formatDecimal, formatInteger } from '../format/formatNumber';
import { KeyFigures } from './KeyFigures';
import { MetricsPanel } from './MetricsPanel';
import { CurveCharts, DetailCharts } from './ProfileCharts';
import { TradeList } from './TradeList';
import { useMetricDefinitions } from './useMetricDefinitions';

interface PerformanceProfileViewProps {
  report: BacktestReport;
}

/**
 * Everything one backtest report says: key figures, every metric, the equity, drawdown, monthly, distribution,
 * rolling-Sharpe and trade charts, and the trade list. It reads nothing but the report (and the metric
 * definitions), so the Backtest page and a tuning trial show a run the same way.
 */
export function PerformanceProfileView({ report }: PerformanceProfileViewProps) {
  const { data: definitions, error } = useMetricDefinitions();
  // Zoom survives re-runs on the same bars, and resets on another dataset or another range of bars.
  const revision = `${report.datasetId}:${report.range.fromBar}-${report.range.toBar}`;
  return (
    <div className="profile-view" data-testid="performance-profile">
      <KeyFigures report={report} definitions={definitions} />
      <p className="profile-run-info muted" data-testid="run-info">
        {report.strategy.name} v{report.strategy.version} · {formatInteger(report.bars)} bars · {formatDecimal(report.periodsPerYear, 0)} bars per year ·{' '}
        {formatInteger(report.positionChanges)} position changes · costs {formatDecimal(report.totalCosts, 2)} · {formatDecimal(report.timings.totalMs, 0)} ms
      </p>
      <CurveCharts report={report} revision={revision} />
      <MetricsPanel values={report.metrics} definitions={definitions} definitionsError={error} />
      <DetailCharts report={report} revision={revision} />
      <TradeList trades={report.trades} />
    </div>
  );
}
