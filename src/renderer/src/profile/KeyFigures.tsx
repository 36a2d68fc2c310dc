import type { BacktestReport, MetricInfo } from '../../../shared';
import { formatDecimal } from '../format/formatNumber';
import { formatMetric, signClass } from './formatMetric';

interface KeyFigure {
  id: string;
  label: string;
  value: string;
  tone?: 'positive' | 'negative';
}

const KEY_METRICS: { id: string; label: string; unit: string; signed?: boolean }[] = [
  { id: 'total_return', label: 'Total return', unit: 'fraction', signed: true },
  { id: 'cagr', label: 'CAGR', unit: 'fraction', signed: true },
  { id: 'sharpe', label: 'Sharpe ratio', unit: 'ratio', signed: true },
  { id: 'max_drawdown', label: 'Max drawdown', unit: 'fraction' },
  { id: 'number_of_trades', label: 'Trades', unit: 'count' },
];

/** The handful of numbers people look at first, above the full metrics panel. */
export function KeyFigures({ report, definitions }: { report: BacktestReport; definitions: readonly MetricInfo[] | null }) {
  const figures: KeyFigure[] = KEY_METRICS.map((k) => {
    const def = definitions?.find((d) => d.id === k.id);
    const raw = k.id === 'number_of_trades' ? (report.metrics[k.id] ?? report.trades.pnl.length) : report.metrics[k.id];
    return {
      id: k.id,
      label: def?.label ?? k.label,
      value: formatMetric(raw, def?.unit ?? k.unit),
      tone: k.signed ? signClass(raw) : k.id === 'max_drawdown' && raw !== null && raw !== undefined && raw < 0 ? 'negative' : undefined,
    };
  });
  const initial = report.config.initialCapital;
  figures.push({
    id: 'final_equity',
    label: 'Final equity',
    value: formatDecimal(report.finalEquity, Math.abs(report.finalEquity) >= 100_000 ? 0 : 2),
    tone: signClass(report.finalEquity - initial),
  });

  return (
    <dl className="key-figures" data-testid="key-figures">
      {figures.map((f) => (
        <div key={f.id} className="key-figure">
          <dt>{f.label}</dt>
          <dd className={f.tone} data-testid={`key-${f.id}`}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
